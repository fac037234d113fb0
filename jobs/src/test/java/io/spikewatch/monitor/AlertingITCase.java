package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.index.ElasticsearchSink;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.replay.NdjsonReplaySource;
import io.spikewatch.replay.ReplaySpeed;
import io.spikewatch.schema.Json;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spikes and alerts end to end on a MiniCluster, with real CoreNLP, the real Elasticsearch and a
 * real HTTP endpoint receiving the webhook: an outage burst after an ordinary evening raises a
 * threshold alert and an emerging-term alert, each delivered exactly once — even when a task
 * crashes in the middle of the stream and the job restarts from a checkpoint, and when the whole
 * stream is replayed again. A second webhook has a digest period: it gets the first alert at once
 * and the others in one digest, each alert once, though the crash comes while it holds them.
 */
class AlertingITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final OffsetDateTime EVENING = OffsetDateTime.parse("2024-08-12T19:00:00-04:00");

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames indices = elasticsearch.uniqueNames();
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> receivedOnDigestChannel = Collections.synchronizedList(new ArrayList<>());
    private HttpServer webhook;

    @TempDir
    Path dir;

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            received.add(Json.MAPPER.readTree(exchange.getRequestBody()).get("id").asText());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.createContext("/digest", exchange -> {
            receivedOnDigestChannel.add(Json.MAPPER.readTree(exchange.getRequestBody()));
            FailOnceSource.ARMED.set(true);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
        FailOnceSource.ARMED.set(true);
    }

    @Test
    void anOutageBurstIsAlertedOnceAcrossACrashAndAReplay() throws Exception {
        Path posts = writeEvening();
        IndexTemplates.install(elasticsearch.client(), indices);
        FailOnceSource.FAILED.set(false);
        FailOnceSource.ARMED.set(false); // the crash comes once the digest channel has its first alert, while it holds the rest

        run(new FailOnceSource<>(replay(posts, ReplaySpeed.timesRealTime(900)), 180));

        assertThat(FailOnceSource.FAILED).as("the injected crash happened").isTrue();
        List<String> firstRun = List.copyOf(received);
        assertThat(firstRun).as("no alert delivered twice").doesNotHaveDuplicates();
        assertThat(firstRun).anySatisfy(id -> assertThat(id).startsWith("outage-talk|query:outage-talk|threshold|").endsWith("|started|0"));
        assertThat(firstRun).anySatisfy(id -> assertThat(id).startsWith("new-terms|all|emerging|"));
        assertThat(recordedAlerts()).as("every alert raised is recorded as delivered, none missed")
                .allSatisfy(doc -> assertThat(doc.at("/deliveries/0/status").asText()).isEqualTo("delivered"))
                .extracting(doc -> doc.get("id").asText()).containsExactlyInAnyOrderElementsOf(firstRun);

        JsonNode spike = spikes().stream().filter(s -> s.get("series").asText().equals("query:outage-talk")).findFirst().orElseThrow();
        assertThat(spike.get("kind").asText()).isEqualTo("threshold");
        assertThat(spike.get("peak_value").asDouble()).isGreaterThanOrEqualTo(20);

        assertThat(firstRun).as("enough alerts for a digest").hasSizeGreaterThanOrEqualTo(2);
        List<JsonNode> messages = List.copyOf(receivedOnDigestChannel);
        assertThat(messages.get(0).get("schema").asText()).as("the first alert goes at once").isEqualTo("spikewatch.alert/1");
        assertThat(messages).as("the others wait for one digest").hasSize(2);
        JsonNode digest = messages.get(1);
        assertThat(digest.get("schema").asText()).isEqualTo("spikewatch.digest/1");
        List<String> onDigestChannel = new ArrayList<>(List.of(messages.get(0).get("id").asText()));
        digest.get("alerts").forEach(alert -> onDigestChannel.add(alert.get("id").asText()));
        assertThat(onDigestChannel).as("every alert once on the digest channel").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(firstRun);
        assertThat(recordedAlerts()).allSatisfy(doc -> {
            JsonNode delivery = digestChannelDelivery(doc);
            assertThat(delivery.get("status").asText()).isEqualTo("delivered");
            String id = doc.get("id").asText();
            assertThat(delivery.path("digest").asText(null)).as("the digest %s went out in", id)
                    .isEqualTo(id.equals(onDigestChannel.get(0)) ? null : digest.get("id").asText());
        });

        run(replay(posts, ReplaySpeed.AS_FAST_AS_POSSIBLE));

        assertThat(received).as("a replay sends nothing again").containsExactlyElementsOf(firstRun);
        assertThat(receivedOnDigestChannel).as("nor on the digest channel").hasSize(2);
    }

    private void run(Source<io.spikewatch.schema.RawRecord, ?, ?> source) throws Exception {
        String rules = Files.readString(resource("alerts/job-rules.yaml"), StandardCharsets.UTF_8)
                .replace("WEBHOOK_URL", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts")
                .replace("DIGEST_URL", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/digest");
        String tracked = Files.readString(resource("monitor/tracked-entities.yaml"), StandardCharsets.UTF_8);
        AnnotatorConfig annotator = AnnotatorConfig.builder().trackedEntitiesYaml(tracked, "tracked-entities.yaml").build();
        ElasticsearchSink<IndexDocument> sink = TestSinks.into(elasticsearch, indices);
        MonitorJob job = new MonitorJob(source, sink, new CoreNlpAnnotators(annotator), MonitorSettings.builder().indices(indices).build(),
                new MonitorJob.Alerting(AlertingSettings.withRules(rules, "job-rules.yaml", tracked), elasticsearch.connection()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofMillis(300).toMillis());
        job.buildInto(env);
        env.execute("alerting-itcase");
        elasticsearch.client().indices().refresh(r -> r.index(indices.all()).ignoreUnavailable(true));
    }

    private static NdjsonReplaySource replay(Path posts, ReplaySpeed speed) {
        return NdjsonReplaySource.of(List.of(posts), speed);
    }

    /** An ordinary evening (two posts a minute), a burst about the outage at 20:18, then calm. */
    private Path writeEvening() throws IOException {
        List<String> lines = new ArrayList<>();
        int id = 0;
        for (int minute = 0; minute < 105; minute++) {
            boolean burst = minute >= 78 && minute < 86;
            int posts = burst ? 14 : 2;
            for (int i = 0; i < posts; i++) {
                String text = burst
                        ? (i % 2 == 0 ? "Massive DDoS attack on X, nobody can get in" : "Still unable to join the Space, is X down?")
                        : (i % 2 == 0 ? "Looking forward to the interview tonight" : "Nice evening in Florida, heading out for dinner");
                lines.add(Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                        .put("kind", "post").put("id", "p" + (++id)).put("platform", "x").put("text", text)
                        .put("created_at", EVENING.plusMinutes(minute).plusSeconds(i * 60L / posts).toString())
                        .set("author", Json.MAPPER.createObjectNode().put("id", "u" + id).put("handle", "user" + id).put("followers", 100))));
            }
        }
        return Files.write(dir.resolve("posts.ndjson"), lines, StandardCharsets.UTF_8);
    }

    private static JsonNode digestChannelDelivery(JsonNode alert) {
        for (JsonNode delivery : alert.get("deliveries")) {
            if (delivery.get("channel").asText().equals("digest-hook")) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery to digest-hook in " + alert);
    }

    private List<JsonNode> recordedAlerts() throws IOException {
        return search(indices.alerts());
    }

    private List<JsonNode> spikes() throws IOException {
        return search(indices.spikes());
    }

    private List<JsonNode> search(String index) throws IOException {
        ElasticsearchClient client = elasticsearch.client();
        List<JsonNode> docs = new ArrayList<>();
        for (Hit<ObjectNode> hit : client.search(s -> s.index(index).size(100), ObjectNode.class).hits().hits()) {
            docs.add(hit.source());
        }
        return docs;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AlertingITCase.class.getClassLoader().getResource(name).toURI());
    }
}
