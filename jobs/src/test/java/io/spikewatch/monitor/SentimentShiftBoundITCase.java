package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.kafka.KafkaRecordSource;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.schema.Json;
import io.spikewatch.testing.KafkaBroker;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sentiment shift is judged as soon as the input has moved the alert path's out-of-orderness
 * past its minute, not the indexing path's: on a real Kafka broker whose posts stop 30 seconds
 * after the angry minute, with the indexing path allowing 2 minutes and the alert path 10 seconds.
 * Judged on the indexing path's watermark, the minute would not close until posts 2 minutes past
 * it came, and none ever do.
 */
class SentimentShiftBoundITCase {

    private static final Instant EVENING = Instant.parse("2024-08-12T23:00:00Z");
    private static final String CALM = "The interview starts at 8pm tonight on X.";
    private static final String ANGRY = "This is a total disaster, I hate this awful broken stream.";
    private static final String RULES = """
            channels:
              console:
                type: console
            rules:
              - name: negative-shift
                type: sentiment_shift
                params:
                  min_posts: 10
                min_severity: 0
                channels: [console]
            """;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames indices = elasticsearch.uniqueNames();

    @Test
    void anAngryMinuteIsJudgedOnceTheInputIsTenSecondsPastItNotTwoMinutes() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("shift-posts", 1);
            broker.createTopic("shift-statements", 1);
            produce(broker);
            ElasticsearchClient client = elasticsearch.client();
            IndexTemplates.install(client, indices);

            JobClient job = startJob(new KafkaSettings(broker.bootstrapServers(), List.of("shift-posts", "shift-statements"), "shift-itcase"));
            try {
                // NLP's start-up (under a minute alone, twice that on a busy machine), then a few
                // seconds of work; the job never ends by itself, so a missing shift waits this out
                Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
                List<ObjectNode> shifts = sentimentShifts(client);
                while (shifts.isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1000);
                    shifts = sentimentShifts(client);
                }

                assertThat(shifts).as("the shift of the angry minute, with the input only 30 s past it").hasSize(1);
                assertThat(shifts.get(0).get("series").asText()).isEqualTo("all");
                assertThat(Instant.parse(shifts.get(0).get("start").asText())).isEqualTo(EVENING.plusSeconds(3 * 60));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** Three calm minutes, an angry one, then the first 30 seconds of a calm one, and nothing more. */
    private static void produce(KafkaBroker broker) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 12; i++) {
                lines.add(post("calm-" + minute + "-" + i, CALM, EVENING.plusSeconds(minute * 60L + i * 5L)));
            }
        }
        for (int i = 0; i < 20; i++) {
            lines.add(post("angry-" + i, ANGRY, EVENING.plusSeconds(3 * 60L + i * 3L)));
        }
        for (int i = 0; i <= 2; i++) {
            lines.add(post("after-" + i, CALM, EVENING.plusSeconds(4 * 60L + i * 15L)));
        }
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>("shift-posts", line)).get();
            }
        }
    }

    private static String post(String id, String text, Instant at) throws IOException {
        return Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                .put("kind", "post").put("id", id).put("platform", "x").put("text", text).put("created_at", at.toString()).put("lang", "en")
                .set("author", Json.MAPPER.createObjectNode().put("id", "u-" + id).put("handle", "user-" + id)));
    }

    private List<ObjectNode> sentimentShifts(ElasticsearchClient client) throws IOException {
        try {
            client.indices().refresh(r -> r.index(indices.spikes()).ignoreUnavailable(true));
            List<ObjectNode> shifts = new ArrayList<>();
            for (Hit<ObjectNode> hit : client.search(s -> s.index(indices.spikes()).size(100), ObjectNode.class).hits().hits()) {
                if (hit.source().get("kind").asText().equals("sentiment_shift")) {
                    shifts.add(hit.source());
                }
            }
            return shifts;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of(); // no spike written yet: the index does not exist
            }
            throw e;
        }
    }

    private JobClient startJob(KafkaSettings kafka) throws Exception {
        MonitorSettings settings = MonitorSettings.builder().indices(indices)
                .outOfOrderness(Duration.ofMinutes(2)).alertOutOfOrderness(Duration.ofSeconds(10))
                .sourceIdleness(Duration.ofSeconds(5)) // the statements topic, with no record ever, holds nothing back
                .build();
        MonitorJob job = new MonitorJob(KafkaRecordSource.unbounded(kafka), KafkaRecordSource.unbounded(kafka.forFastPath()),
                TestSinks.into(elasticsearch, indices), new CoreNlpAnnotators(AnnotatorConfig.builder().build()), settings,
                new MonitorJob.Alerting(AlertingSettings.withRules(RULES, "rules.yaml", null), elasticsearch.connection()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        job.buildInto(env);
        return env.executeAsync("sentiment-shift-bound-itcase");
    }
}
