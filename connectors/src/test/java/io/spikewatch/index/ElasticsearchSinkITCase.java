package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.spikewatch.testing.ElasticsearchExtension;
import io.spikewatch.testing.LocalElasticsearch;
import io.spikewatch.testing.TcpProxy;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink on a Flink MiniCluster against a real Elasticsearch. */
@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchSinkITCase {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(noRestarts()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static LocalElasticsearch es;
    private static ElasticsearchClient client;
    private IndexNames names;

    /** A stream element: where it goes, its id, its JSON, and whether it may only fill a free id. */
    record Doc(String index, String id, String json, boolean createIfAbsent) implements Serializable {

        Doc(String index, String id, String json) {
            this(index, id, json, false);
        }

        IndexDocument document() {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return createIfAbsent ? IndexDocument.createIfAbsent(index, id, bytes) : new IndexDocument(index, id, bytes);
        }
    }

    private static Configuration noRestarts() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return config;
    }

    @BeforeAll
    static void connect(LocalElasticsearch elasticsearch) {
        es = elasticsearch;
        client = es.client();
    }

    @BeforeEach
    void installTemplates() throws Exception {
        names = es.uniqueNames();
        IndexTemplates.install(client, names);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void documentsLandWithTheirIdsAndARewriteOverwrites() throws Exception {
        List<Doc> docs = posts(names.posts(), 25);

        JobID first = runToEnd(docs, sink(es.connection()));
        assertThat(count(names.posts())).isEqualTo(25);
        assertThat(ids(names.posts())).containsExactlyInAnyOrderElementsOf(docs.stream().map(Doc::id).toList());
        assertThat(counter(first, "documentsIndexed")).isEqualTo(25);

        runToEnd(docs, sink(es.connection()));
        assertThat(count(names.posts())).isEqualTo(25);
        assertThat(version(names.posts(), "post-7")).isEqualTo(2);
    }

    @Test
    void aCreateIfAbsentFillsAFreeIdAndLeavesATakenOneAloneNeitherRetriedNorDeadLettered() throws Exception {
        runToEnd(List.of(new Doc(names.posts(), "done", post("done", "ok"))), sink(es.connection()));
        List<Doc> docs = List.of(
                new Doc(names.posts(), "done", post("done", "pending"), true),
                new Doc(names.posts(), "fresh", post("fresh", "pending"), true));

        JobID job = runToEnd(docs, sink(es.connection()));

        assertThat(status(names.posts(), "done")).as("the stored document stays").isEqualTo("ok");
        assertThat(version(names.posts(), "done")).isEqualTo(1);
        assertThat(status(names.posts(), "fresh")).isEqualTo("pending");
        assertThat(counter(job, "documentsIndexed")).isEqualTo(1);
        assertThat(counter(job, "documentsAlreadyPresent")).isEqualTo(1);
        assertThat(counter(job, "documentsRetried")).isZero();
        assertThat(counter(job, "documentsDeadLettered")).isZero();

        runToEnd(List.of(new Doc(names.posts(), "fresh", post("fresh", "ok"))), sink(es.connection()));
        assertThat(status(names.posts(), "fresh")).as("a complete document replaces the provisional one").isEqualTo("ok");
    }

    private static String post(String id, String status) {
        return "{\"id\":\"" + id + "\",\"kind\":\"post\",\"annotation\":{\"status\":\"" + status + "\"}}";
    }

    private static String status(String index, String id) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.get(g -> g.index(index).id(id), Map.class).source().get("annotation") instanceof Map<?, ?> annotation
                ? String.valueOf(annotation.get("status")) : null;
    }

    @Test
    void aDocumentViolatingTheMappingBecomesADeadLetterWhileTheOthersLand() throws Exception {
        List<Doc> docs = new ArrayList<>(posts(names.posts(), 4));
        docs.add(2, new Doc(names.posts(), "bad-1", "{\"id\":\"bad-1\",\"kind\":\"post\",\"retweeted\":true}"));
        docs.add(new Doc(names.posts(), "bad-2",
                "{\"id\":\"bad-2\",\"kind\":\"post\",\"engagement\":{\"likes\":\"lots\"}}"));

        JobID job = runToEnd(docs, sink(es.connection()));

        assertThat(ids(names.posts())).containsExactlyInAnyOrder("post-0", "post-1", "post-2", "post-3");
        List<Map<String, Object>> letters = sources(names.deadLetters());
        assertThat(letters).hasSize(2);
        Map<String, Object> strict = letters.stream().filter(l -> "bad-1".equals(l.get("location"))).findFirst().orElseThrow();
        assertThat(strict).containsEntry("stage", "index").containsEntry("source", names.posts())
                .containsEntry("record_id", "bad-1").containsEntry("raw", docs.get(2).json());
        assertThat((String) strict.get("reason")).contains("strict_dynamic_mapping_exception").contains("retweeted");
        Map<String, Object> parsing = letters.stream().filter(l -> "bad-2".equals(l.get("location"))).findFirst().orElseThrow();
        assertThat((String) parsing.get("reason")).contains("400").contains("engagement.likes");
        assertThat(counter(job, "documentsDeadLettered")).isEqualTo(2);
        assertThat(counter(job, "documentsRetried")).isZero();
    }

    @Test
    void aRejectedDeadLetterIsLoggedAndCountedNotLooped() throws Exception {
        String brokenDeadLetters = names.prefix() + "-broken-deadletters";
        client.indices().create(c -> c.index(brokenDeadLetters)
                .mappings(m -> m.properties("failed_at", p -> p.long_(l -> l))));
        List<Doc> docs = List.of(new Doc(names.posts(), "bad", "{\"id\":\"bad\",\"surprise\":1}"),
                new Doc(names.posts(), "good", "{\"id\":\"good\",\"kind\":\"post\"}"));

        JobID job = runToEnd(docs, builder(es.connection()).setDeadLetterIndex(brokenDeadLetters).build());

        assertThat(ids(names.posts())).containsExactly("good");
        assertThat(count(brokenDeadLetters)).isZero();
        assertThat(counter(job, "documentsDeadLettered")).isEqualTo(1);
        assertThat(counter(job, "deadLettersDropped")).isEqualTo(1);
    }

    @Test
    void onlyTheFailedItemsOfABulkAreRetried() throws Exception {
        String blocked = names.posts();
        String open = names.statements();
        client.indices().create(c -> c.index(blocked));
        setWriteBlock(blocked, true);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(new Doc(blocked, "p" + i, "{\"id\":\"p" + i + "\",\"kind\":\"post\"}"));
            docs.add(new Doc(open, "s" + i, "{\"id\":\"s" + i + "\",\"kind\":\"statement\"}"));
        }

        JobClient job = start(docs, sink(es.connection()));
        awaitTrue("the statements to land while the posts index is blocked", () -> count(open) == 5);
        awaitTrue("the blocked posts to be retried", () -> counter(job.getJobID(), "documentsRetried") >= 10);
        assertThat(count(blocked)).isZero();

        setWriteBlock(blocked, false);
        job.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(count(blocked)).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(version(open, "s" + i)).as("statement s%d was sent once", i).isEqualTo(1);
            assertThat(version(blocked, "p" + i)).isEqualTo(1);
        }
        assertThat(counter(job.getJobID(), "documentsIndexed")).isEqualTo(10);
        assertThat(counter(job.getJobID(), "documentsDeadLettered")).isZero();
    }

    @Test
    void refusedConnectionsAreRetriedUntilElasticsearchIsReachable() throws Exception {
        URI target = es.connection().urls().get(0);
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
            List<Doc> docs = posts(names.posts(), 10);
            JobClient job = start(docs, sink(ElasticsearchConnection.of(proxy.url())));

            awaitTrue("bulk requests to be retried while the proxy refuses connections",
                    () -> counter(job.getJobID(), "bulkRequestsRetried") >= 2);
            assertThat(count(names.posts())).isZero();

            proxy.open();
            job.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(count(names.posts())).isEqualTo(10);
        }
    }

    @Test
    void theJobFailsNamingTheUrlWhenElasticsearchStaysUnreachable() throws Exception {
        URI target = es.connection().urls().get(0);
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
            ElasticsearchSink<Doc> sink = builder(ElasticsearchConnection.of(proxy.url()))
                    .setMaxRetryTime(Duration.ofSeconds(2))
                    .build();
            JobClient job = start(posts(names.posts(), 3), sink);

            assertThatThrownBy(() -> job.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .rootCause()
                    .isInstanceOf(java.net.ConnectException.class);
            assertThatThrownBy(() -> job.getJobExecutionResult().get())
                    .hasStackTraceContaining(ElasticsearchSinkException.class.getName())
                    .hasStackTraceContaining("Gave up writing 3 documents to Elasticsearch at " + proxy.url());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<Doc> posts(String index, int n) {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Doc(index, "post-" + i,
                    "{\"id\":\"post-" + i + "\",\"kind\":\"post\",\"platform\":\"x\",\"text\":\"Space delayed " + i
                            + "\",\"created_at\":\"2024-08-13T00:" + String.format("%02d", i % 60) + ":00Z\"}"));
        }
        return docs;
    }

    private ElasticsearchSinkBuilder<Doc> builder(ElasticsearchConnection connection) {
        return ElasticsearchSink.<Doc>builder()
                .setConnection(connection)
                .setConverter(Doc::document)
                .setDeadLetterIndex(names.deadLetters())
                .setMaxBatchSize(50)
                .setMaxBufferedRequests(1000)
                .setMaxTimeInBuffer(Duration.ofMillis(200))
                .setInitialBackoff(Duration.ofMillis(50))
                .setMaxBackoff(Duration.ofMillis(400))
                .setMaxRetryTime(JOB_TIMEOUT);
    }

    private ElasticsearchSink<Doc> sink(ElasticsearchConnection connection) {
        return builder(connection).build();
    }

    private static JobClient start(List<Doc> docs, ElasticsearchSink<Doc> sink) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(docs).sinkTo(sink);
        return env.executeAsync("elasticsearch-sink-test");
    }

    private static JobID runToEnd(List<Doc> docs, ElasticsearchSink<Doc> sink) throws Exception {
        JobClient job = start(docs, sink);
        job.getJobExecutionResult().get(JOB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return job.getJobID();
    }

    private static long counter(JobID job, String name) {
        long total = 0;
        for (Metric metric : REPORTER.findMetrics(job, name).values()) {
            total += ((Counter) metric).getCount();
        }
        return total;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static void setWriteBlock(String index, boolean blocked) throws Exception {
        client.indices().putSettings(s -> s.index(index).settings(t -> t.blocks(b -> b.write(blocked))));
    }

    private static long count(String index) {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                return 0;
            }
            client.indices().refresh(r -> r.index(index));
            return client.count(c -> c.index(index)).count();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count " + index, e);
        }
    }

    private static long version(String index, String id) throws Exception {
        return client.get(g -> g.index(index).id(id), Map.class).version();
    }

    private static List<String> ids(String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.search(s -> s.index(index).size(100), Map.class).hits().hits().stream().map(Hit::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources(String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.search(s -> s.index(index).size(100), Map.class).hits().hits().stream()
                .map(hit -> (Map<String, Object>) hit.source()).toList();
    }
}
