package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.spikewatch.alerts.Alert;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.schema.Json;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier's digests on Flink's processing-time timers, with the real Elasticsearch for the
 * delivery records and a real HTTP endpoint: the test moves processing time, so a period ends when
 * the test says, not after minutes of waiting.
 */
class NotifyAlertsITCase {

    private static final Instant MINUTE = Instant.parse("2024-08-12T17:12:00Z");
    private static final long T0 = 1_000_000L;

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames indices = elasticsearch.uniqueNames();
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/chat", exchange -> {
            received.add(Json.MAPPER.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        IndexTemplates.install(elasticsearch.client(), indices);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theFirstAlertsWaitTogetherThenAPeriodsAlertsGoAsOneDigestWhenProcessingTimePassesIt() throws Exception {
        try (var harness = harness("digest: 5m\n    digest_wait: 15s")) {
            harness.setProcessingTime(T0);
            notify(harness, alert("musk", 0));
            notify(harness, alert("breton", 0));
            harness.setProcessingTime(T0 + 3_000);
            notify(harness, alert("eu", 0));
            assertThat(received).as("the first alerts wait").isEmpty();
            JsonNode held = delivery("eu");
            assertThat(held.get("status").asText()).isEqualTo("held");
            assertThat(held.get("digest").asText()).isEqualTo("digest|chat|" + id("musk"));

            harness.setProcessingTime(T0 + 15_000);

            assertThat(received).singleElement().satisfies(opening -> {
                assertThat(opening.get("schema").asText()).isEqualTo("spikewatch.digest/1");
                assertThat(opening.get("title").asText()).startsWith("3 alerts at 2024-08-12 17:12 UTC;");
                assertThat(opening.get("alerts")).extracting(a -> a.get("id").asText())
                        .containsExactly(id("musk"), id("breton"), id("eu"));
            });
            assertThat(delivery("eu").get("status").asText()).isEqualTo("delivered");

            harness.setProcessingTime(T0 + 60_000);
            notify(harness, alert("trump", 1));
            harness.setProcessingTime(T0 + 120_000);
            notify(harness, alert("x", 2));
            harness.setProcessingTime(T0 + 15_000 + 299_999);
            assertThat(received).as("the period after the first message has not ended").hasSize(1);

            harness.setProcessingTime(T0 + 15_000 + 300_000);

            assertThat(received).hasSize(2);
            assertThat(received.get(1).get("title").asText()).startsWith("2 more alerts from 2024-08-12 17:13 to 17:14 UTC;");
            JsonNode inDigest = delivery("trump");
            assertThat(inDigest.get("status").asText()).isEqualTo("delivered");
            assertThat(inDigest.get("digest").asText()).isEqualTo("digest|chat|" + id("trump"));

            harness.setProcessingTime(T0 + 15_000 + 600_000);
            notify(harness, alert("harris", 30));
            harness.setProcessingTime(T0 + 15_000 + 600_000 + 15_000);
            assertThat(received).as("after a quiet period, a lone first alert goes as itself").hasSize(3);
            assertThat(received.get(2).get("schema").asText()).isEqualTo("spikewatch.alert/1");
            assertThat(delivery("harris").has("digest")).isFalse();
        }
    }

    @Test
    void heldAlertsSurviveARestartFromASnapshotAndGoOnce() throws Exception {
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        try (var harness = harness("digest: 5m\n    digest_wait: 0s")) {
            harness.setProcessingTime(T0);
            notify(harness, alert("musk", 0));
            notify(harness, alert("breton", 0));
            snapshot = harness.snapshot(1, T0);
            assertThat(received).hasSize(1);
        }
        try (var restored = harness("digest: 5m\n    digest_wait: 0s", snapshot)) {
            restored.setProcessingTime(T0 + 1_000);
            notify(restored, alert("breton", 0)); // replayed after the restart: held once, not twice
            restored.setProcessingTime(T0 + 300_000);

            assertThat(received).hasSize(2);
            assertThat(received.get(1).get("alerts")).extracting(a -> a.get("id").asText()).containsExactly(id("breton"));
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Void> harness(String digest) throws Exception {
        return harness(digest, null);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Void> harness(String digest,
            org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot) throws Exception {
        String rules = """
                channels:
                  chat:
                    type: webhook
                    url: http://127.0.0.1:%d/chat
                    %s
                rules:
                  - name: volume
                    type: spike
                    channels: [chat]
                """.formatted(server.getAddress().getPort(), digest);
        NotifyAlerts notify = new NotifyAlerts(AlertingSettings.withRules(rules, "rules.yaml", null), elasticsearch.connection(), indices);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(notify), alert -> NotifyAlerts.ALL,
                Types.STRING);
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
        return harness;
    }

    private static void notify(KeyedOneInputStreamOperatorTestHarness<String, Alert, Void> harness, Alert alert) throws Exception {
        harness.processElement(new StreamRecord<>(alert, alert.createdAt().toEpochMilli()));
    }

    private static String id(String entity) {
        return "volume|entity:" + entity + "|started|0";
    }

    private static Alert alert(String entity, int minute) {
        Instant at = MINUTE.plusSeconds(60L * minute);
        Spike spike = new Spike("entity:" + entity, SpikeKind.VOLUME, EpisodePhase.STARTED, at, at, null, 60, 30, 3, null);
        return new Alert(id(entity), "volume", spike.seriesKey(), spike, EpisodePhase.STARTED, 60,
                "Volume spike on " + entity + " (severity 60, rule volume)", "30 posts", List.of("chat"), at);
    }

    /** The delivery to the chat channel in the alert's record. */
    private JsonNode delivery(String entity) throws IOException {
        elasticsearch.client().indices().refresh(r -> r.index(indices.alerts()));
        GetResponse<ObjectNode> record = elasticsearch.client().get(g -> g.index(indices.alerts()).id(id(entity)), ObjectNode.class);
        assertThat(record.found()).as("the record of " + entity).isTrue();
        for (JsonNode delivery : record.source().get("deliveries")) {
            if (delivery.get("channel").asText().equals("chat")) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery to chat in " + record.source());
    }
}
