package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.index.ElasticsearchSink;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.replay.NdjsonReplaySource;
import io.spikewatch.replay.ReplaySpeed;
import io.spikewatch.schema.Json;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload on a MiniCluster against the real Elasticsearch: an annotator held shut by the test
 * stands for CoreNLP falling behind. Every post is searchable at once as pending and nothing is
 * counted for it; once annotation goes on, each post is replaced by its annotated document, one
 * document per input post; a pending document that comes after the annotated one (a replay)
 * leaves it alone; and with an overload sample, posts far behind the input get CoreNLP only when
 * in the sample, while every post is still indexed and counted.
 */
class OverloadITCase {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(new org.apache.flink.configuration.Configuration()))
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int POSTS = 40;
    private static final Instant FIRST = Instant.parse("2024-08-13T00:00:00Z");
    private static final String TRACKED = """
            entities:
              - name: Elon Musk
                type: PERSON
                aliases: [Elon Musk, Musk]
            """;

    /** Held shut while the test checks what is searchable before annotation; opened to let annotation go on. */
    static volatile CountDownLatch gate = new CountDownLatch(1);

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final ElasticsearchClient client = elasticsearch.client();
    private IndexNames indices;
    private Path posts;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        indices = elasticsearch.uniqueNames();
        IndexTemplates.install(client, indices);
        gate = new CountDownLatch(1);
        posts = writePosts();
    }

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Test
    void everyPostIsSearchableAsPendingAtOnceThenReplacedByItsAnnotationOneDocumentEach() throws Exception {
        JobClient job = start(MonitorSettings.builder().indices(indices).build());

        awaitTrue("every post to be searchable as pending", () -> count("pending") == POSTS);
        Instant lastRead = lastPendingIndexedAt();
        assertThat(count(null)).as("post documents while annotation waits").isEqualTo(POSTS);
        assertThat(count("ok")).isZero();
        assertThat(exists(indices.metrics()) ? client.count(c -> c.index(indices.metrics())).count() : 0)
                .as("the fast path counts nothing: metrics come from annotated posts only").isZero();
        JsonNode musk = source("p-3");
        assertThat(musk.get("canonical_entities")).extracting(JsonNode::asText).containsExactly("Elon Musk");
        assertThat(musk.has("sentiment")).isFalse();
        assertThat(musk.get("minute").asText()).isEqualTo("2024-08-13T00:00:00Z");

        Instant released = Instant.now();
        gate.countDown();
        job.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        refresh();

        assertThat(count(null)).as("one document per input post").isEqualTo(POSTS);
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(inputIds());
        assertThat(count("ok")).isEqualTo(POSTS);
        assertThat(source("p-3").at("/sentiment/label").asText()).isEqualTo("positive");
        assertThat(metricsCountOfAll()).as("every post counted once").isEqualTo(POSTS);
        assertThat(counter(job.getJobID(), "postsIndexedPending")).isEqualTo(POSTS);
        long waited = Duration.between(lastRead, released).toMillis();
        assertThat(gauge(job.getJobID(), "annotationLagMs"))
                .as("the last post annotated waited at least from when the fast path had read every post until the gate opened")
                .isGreaterThanOrEqualTo(waited - ReadProgress.DEFAULT_INTERVAL.toMillis())
                .isLessThanOrEqualTo(Duration.between(lastRead, Instant.now()).toMillis() + ReadProgress.DEFAULT_INTERVAL.toMillis());
        assertThat(gauge(job.getJobID(), "annotationEventTimeLagMs")).isNotNegative();
    }

    @Test
    void aPendingPostThatComesAfterItsAnnotatedDocumentLeavesItAlone() throws Exception {
        gate.countDown();
        JobClient annotatedFirst = start(MonitorSettings.builder().indices(indices).indexPending(false).build());
        annotatedFirst.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        refresh();
        assertThat(count("ok")).isEqualTo(POSTS);
        assertThat(REPORTER.findMetrics(annotatedFirst.getJobID(), "postsIndexedPending")).as("no fast path when off").isEmpty();

        gate = new CountDownLatch(1);
        JobClient replay = start(MonitorSettings.builder().indices(indices).build());
        awaitTrue("every pending post of the replay to have found its id taken",
                () -> counter(replay.getJobID(), "documentsAlreadyPresent") == POSTS);
        refresh();

        assertThat(count("ok")).as("no annotated post replaced by a pending one").isEqualTo(POSTS);
        assertThat(count(null)).isEqualTo(POSTS);
        assertThat(version("p-3")).isEqualTo(1);

        gate.countDown();
        replay.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        refresh();
        assertThat(count("ok")).isEqualTo(POSTS);
        assertThat(count(null)).isEqualTo(POSTS);
        assertThat(version("p-3")).as("the replay's annotated document overwrote the first").isEqualTo(2);
    }

    static List<OverloadSample> samples() {
        return List.of(new OverloadSample(0.3, Duration.ofMinutes(1)), OverloadSample.adaptive(Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void withAnOverloadSampleAPostFarBehindTheInputGetsCoreNlpOnlyInTheSampleAndEveryPostIsStillIndexedAndCounted(OverloadSample sample)
            throws Exception {
        JobClient job = start(MonitorSettings.builder().indices(indices).overloadSample(sample).build());
        awaitTrue("every post to be searchable as pending", () -> count("pending") == POSTS);
        Thread.sleep(3 * ReadProgress.DEFAULT_INTERVAL.toMillis());
        gate.countDown();
        job.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        refresh();

        // the fast path read every post before annotation went on: posts more than a minute older
        // than the last one were behind, and only those out of the sample may skip CoreNLP
        Instant last = FIRST.plusSeconds((POSTS - 1) * 7L);
        List<String> mayBeLeftOut = inputIds().stream()
                .filter(id -> !sample.annotates(id, FIRST.plusSeconds(Integer.parseInt(id.substring(2)) * 7L).toEpochMilli(), last.toEpochMilli()))
                .toList();
        List<String> leftOut = idsWithStatus(SearchDocuments.STATUS_OUT_OF_SAMPLE);
        assertThat(mayBeLeftOut).hasSizeGreaterThan(10);
        assertThat(leftOut).isSubsetOf(mayBeLeftOut)
                .as("all but the posts the tasks held at the gate before the fast path's progress reached them")
                .hasSizeGreaterThanOrEqualTo(mayBeLeftOut.size() - 4);
        assertThat(count(null)).as("one document per input post").isEqualTo(POSTS);
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(inputIds());
        assertThat(count("ok")).isEqualTo(POSTS - leftOut.size());
        assertThat(counter(job.getJobID(), "postsOutOfSample")).isEqualTo(leftOut.size());

        String muskLeftOut = leftOut.stream().filter(id -> Integer.parseInt(id.substring(2)) % 3 == 0).findFirst().orElseThrow();
        JsonNode post = source(muskLeftOut);
        assertThat(post.get("canonical_entities")).extracting(JsonNode::asText).containsExactly("Elon Musk");
        assertThat(post.has("sentiment")).isFalse();
        // the share it was sampled at, at its distance behind (an adaptive sample's is smaller further behind)
        double rate = sample.rateFor(FIRST.plusSeconds(Integer.parseInt(muskLeftOut.substring(2)) * 7L).toEpochMilli(), last.toEpochMilli());
        assertThat(post.at("/annotation/sample_rate").asDouble()).isCloseTo(rate, within(1e-9));
        assertThat(post.at("/annotation/sentiment_skipped").asText()).isEqualTo(AnnotationOutcome.SKIPPED_OUT_OF_SAMPLE);
        assertThat(metricsCountOfAll()).as("every post counted once, in or out of the sample").isEqualTo(POSTS);
        assertThat(metricsSumOfAll("sentiment_scored")).as("sentiment from the annotated posts only").isEqualTo(POSTS - leftOut.size());
    }

    // ------------------------------------------------------------------ the job

    private JobClient start(MonitorSettings settings) throws Exception {
        ElasticsearchSink<IndexDocument> sink = TestSinks.into(elasticsearch, indices);
        MonitorJob job = new MonitorJob(NdjsonReplaySource.of(List.of(posts), ReplaySpeed.AS_FAST_AS_POSSIBLE), sink,
                new GatedAnnotators(), settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        job.buildInto(env);
        return env.executeAsync("overload-itcase");
    }

    /** Annotates every text as positive, once the test's {@link #gate} is open. */
    static final class GatedAnnotators implements AnnotatorFactory {

        @Override
        public TextAnnotator create() {
            return text -> {
                try {
                    if (!gate.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the test never opened the annotation gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted at the annotation gate", e);
                }
                return new Annotation(List.of(), new Sentiment("positive", 0.5), List.of());
            };
        }

        @Override
        public String name() {
            return "gated-test-annotator";
        }

        @Override
        public TrackedEntities trackedEntities() {
            return TrackedEntities.fromYaml(TRACKED, "tracked.yaml");
        }
    }

    // ------------------------------------------------------------------ helpers

    private Path writePosts() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String id : inputIds()) {
            int i = Integer.parseInt(id.substring(2));
            lines.add(Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                    .put("kind", "post").put("id", id).put("platform", "x")
                    .put("text", i % 3 == 0 ? "Musk says the Space is delayed, post " + i : "Waiting for the Space to start, post " + i)
                    .put("created_at", FIRST.plusSeconds(i * 7L).toString())
                    .set("author", Json.MAPPER.createObjectNode().put("id", "u" + i).put("handle", "user" + i))));
        }
        return Files.write(dir.resolve("posts.ndjson"), lines, StandardCharsets.UTF_8);
    }

    private static List<String> inputIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            ids.add("p-" + i);
        }
        return ids;
    }

    private void refresh() throws IOException {
        client.indices().refresh(r -> r.index(indices.all()).ignoreUnavailable(true).allowNoIndices(true));
    }

    private boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    /** Post documents with this {@code annotation.status}, or all of them for null (after a refresh). */
    private long count(String status) {
        try {
            if (!exists(indices.posts())) {
                return 0;
            }
            refresh();
            return client.count(c -> c.index(indices.posts()).query(q -> status == null
                    ? q.matchAll(m -> m)
                    : q.term(t -> t.field("annotation.status").value(status)))).count();
        } catch (IOException e) {
            throw new AssertionError("cannot count posts in " + indices.posts(), e);
        }
    }

    private List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Hit<ObjectNode> hit : client.search(s -> s.index(indices.posts()).size(POSTS * 2), ObjectNode.class).hits().hits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    private JsonNode source(String id) throws IOException {
        return client.get(g -> g.index(indices.posts()).id(id), ObjectNode.class).source();
    }

    private long version(String id) throws IOException {
        return client.get(g -> g.index(indices.posts()).id(id), ObjectNode.class).version();
    }

    /** When the last post was read: the pending documents' {@code indexed_at} is stamped as the fast path reads each. */
    private Instant lastPendingIndexedAt() throws IOException {
        Instant last = Instant.EPOCH;
        for (Hit<ObjectNode> hit : client.search(s -> s.index(indices.posts()).size(POSTS), ObjectNode.class).hits().hits()) {
            Instant indexedAt = Instant.parse(hit.source().get("indexed_at").asText());
            last = indexedAt.isAfter(last) ? indexedAt : last;
        }
        return last;
    }

    private long metricsCountOfAll() throws IOException {
        return metricsSumOfAll("count");
    }

    private long metricsSumOfAll(String field) throws IOException {
        long total = 0;
        for (Hit<ObjectNode> hit : client.search(s -> s.index(indices.metrics()).size(100)
                .query(q -> q.term(t -> t.field("scope").value("all"))), ObjectNode.class).hits().hits()) {
            total += hit.source().get(field).asLong();
        }
        return total;
    }

    private List<String> idsWithStatus(String status) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Hit<ObjectNode> hit : client.search(s -> s.index(indices.posts()).size(POSTS * 2)
                .query(q -> q.term(t -> t.field("annotation.status").value(status))), ObjectNode.class).hits().hits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    private static long counter(JobID job, String name) {
        long total = 0;
        for (Metric metric : REPORTER.findMetrics(job, name).values()) {
            total += ((Counter) metric).getCount();
        }
        return total;
    }

    private static long gauge(JobID job, String name) {
        Map<String, Metric> metrics = REPORTER.findMetrics(job, name);
        assertThat(metrics).as("gauge %s", name).hasSize(1);
        return ((Number) ((Gauge<?>) metrics.values().iterator().next()).getValue()).longValue();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
