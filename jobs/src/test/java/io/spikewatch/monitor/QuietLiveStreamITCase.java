package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.index.ElasticsearchSink;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.kafka.KafkaRecordSource;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.testing.KafkaBroker;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;
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
 * A live stream that falls silent, as when the watched platform goes down: posts written up to now
 * on a real Kafka broker, then nothing more, and a statements topic that never had a record. The
 * minute of the last posts must still close, with no record after it, because event time moves
 * on with the wall clock once the live partitions are silent; with every partition marked idle
 * instead, the job's event time stopped there and no quiet minute (no flatline) was ever judged.
 */
class QuietLiveStreamITCase {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    private static final Duration IDLENESS = Duration.ofSeconds(5);
    private static final int POSTS = 12;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames indices = elasticsearch.uniqueNames();

    @Test
    void theMinuteOfTheLastPostsClosesThoughNothingIsPostedAfterThem() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("live-posts", 2);
            broker.createTopic("live-statements", 1);
            Instant last = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            produceLivePosts(broker, last);
            ElasticsearchClient client = elasticsearch.client();
            IndexTemplates.install(client, indices);

            JobClient job = startJob(new KafkaSettings(broker.bootstrapServers(), List.of("live-posts", "live-statements"), "quiet-itcase"));
            try {
                Instant lastMinute = last.truncatedTo(ChronoUnit.MINUTES);
                String id = "all@" + lastMinute;
                long expected = IntStream.range(0, POSTS)
                        .filter(i -> !last.minusSeconds(5L * i).isBefore(lastMinute)).count();
                // the minute ends at most a minute from now; then the bound, the idleness and NLP's start-up
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                Optional<ObjectNode> metric = metric(client, id);
                while (metric.isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1000);
                    metric = metric(client, id);
                }

                assertThat(metric).as("the metric of the last minute with posts, %s, written with no record after it", id).isPresent();
                assertThat(metric.get().get("count").asLong()).isEqualTo(expected);
            } finally {
                job.cancel().get();
            }
        }
    }

    private Optional<ObjectNode> metric(ElasticsearchClient client, String id) throws IOException {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(indices.metrics()).id(id), ObjectNode.class);
            return response.found() ? Optional.of(response.source()) : Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty(); // no metric written yet: the index does not exist
            }
            throw e;
        }
    }

    /** Posts 5 s apart up to {@code last}, each written as it happened (event time = now). */
    private static void produceLivePosts(KafkaBroker broker, Instant last) throws Exception {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (int i = POSTS - 1; i >= 0; i--) {
                String line = "{\"kind\":\"post\",\"id\":\"live-" + i + "\",\"platform\":\"x\",\"author\":{\"id\":\"a" + i
                        + "\",\"handle\":\"user" + i + "\"},\"text\":\"Is X down for everyone? The Space will not load.\",\"created_at\":\""
                        + last.minusSeconds(5L * i) + "\",\"lang\":\"en\"}";
                producer.send(new ProducerRecord<>("live-posts", i % 2, null, line)).get();
            }
        }
    }

    private JobClient startJob(KafkaSettings kafka) throws Exception {
        ElasticsearchSink<IndexDocument> sink = TestSinks.into(elasticsearch, indices);
        MonitorSettings settings = MonitorSettings.builder().indices(indices)
                .outOfOrderness(OUT_OF_ORDERNESS).alertOutOfOrderness(OUT_OF_ORDERNESS).sourceIdleness(IDLENESS).build();
        MonitorJob job = new MonitorJob(KafkaRecordSource.unbounded(kafka), KafkaRecordSource.unbounded(kafka.forFastPath()), sink,
                new CoreNlpAnnotators(AnnotatorConfig.builder().build()), settings, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1000);
        job.buildInto(env);
        return env.executeAsync("quiet-live-stream-itcase");
    }
}
