package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor job reading posts and statements from a real Kafka broker (KRaft, started by the
 * test) into the real Elasticsearch: every record indexed once, the malformed one a dead letter
 * naming its topic, partition and offset, minutes counted in the posts' own event time, and the
 * offsets committed under the job's group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaMonitorJobITCase {

    private static final int POSTS = 30;
    private static final Instant FIRST_POST = Instant.parse("2024-08-13T00:00:00Z");
    private static final Duration POST_SPACING = Duration.ofSeconds(10);
    private static final String MALFORMED = "{\"kind\":\"post\",\"id\":\"k-broken\",\"text\":";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames indices = elasticsearch.uniqueNames();
    private ElasticsearchClient client;
    private KafkaBroker broker;
    private KafkaSettings kafka;
    private RecordMetadata malformedAt;

    @BeforeAll
    void produceAndRun() throws Exception {
        broker = KafkaBroker.start();
        broker.createTopic("posts", 2);
        broker.createTopic("statements", 1);
        produceFixture();
        kafka = new KafkaSettings(broker.bootstrapServers(), List.of("posts", "statements"), "monitor-itcase");
        client = elasticsearch.client();
        IndexTemplates.install(client, indices);
        runJob();
        client.indices().refresh(r -> r.index(indices.all()).ignoreUnavailable(true));
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void indexesEveryRecordOnce() throws IOException {
        assertThat(count(indices.posts())).isEqualTo(POSTS);
        assertThat(count(indices.statements())).isEqualTo(1);
        assertThat(count(indices.deadLetters())).isEqualTo(1);
        assertThat(document(indices.posts(), "k-0").at("/annotation/status").asText()).isEqualTo("ok");
        assertThat(document(indices.statements(), "st-kafka").get("speaker").asText()).isEqualTo("Steven Cheung");
    }

    @Test
    void namesTheTopicPartitionAndOffsetOfTheMalformedRecord() throws IOException {
        List<JsonNode> letters = new ArrayList<>();
        client.search(s -> s.index(indices.deadLetters()).size(10), ObjectNode.class).hits().hits().forEach(hit -> letters.add(hit.source()));

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.get("source").asText()).isEqualTo("kafka:posts");
            assertThat(letter.get("location").asText()).isEqualTo(malformedAt.partition() + "@" + malformedAt.offset());
            assertThat(letter.get("raw").asText()).isEqualTo(MALFORMED);
            assertThat(letter.get("reason").asText()).startsWith("invalid JSON");
        });
    }

    @Test
    void countsMinutesInThePostsEventTimeNotKafkasTimestamps() throws IOException {
        // six posts 10 s apart in each minute from 00:00 to 00:04 UTC; Kafka's timestamps are today's
        for (int minute = 0; minute < 5; minute++) {
            String id = "all@" + FIRST_POST.plus(Duration.ofMinutes(minute));
            assertThat(document(indices.metrics(), id).get("count").asLong()).as(id).isEqualTo(6);
        }
    }

    private void produceFixture() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        String[] texts = {
            "There appears to be a massive DDOS attack on X. Working on shutting it down.",
            "Great conversation tonight, Trump and Musk finally live.",
            "The Space keeps crashing, this is a disaster for X.",
            "Musk says the servers are under attack.",
            "Waiting for the Trump interview to start.",
        };
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < POSTS; i++) {
                String line = "{\"kind\":\"post\",\"id\":\"k-" + i + "\",\"platform\":\"x\",\"author\":{\"id\":\"a" + (i % 7)
                        + "\",\"handle\":\"user" + (i % 7) + "\"},\"text\":\"" + texts[i % texts.length] + "\",\"created_at\":\""
                        + FIRST_POST.plus(POST_SPACING.multipliedBy(i)) + "\",\"lang\":\"en\"}";
                producer.send(new ProducerRecord<>("posts", i % 2, "a" + (i % 7), line)).get();
                if (i == POSTS / 2) {
                    malformedAt = producer.send(new ProducerRecord<>("posts", 1, null, MALFORMED)).get();
                }
            }
            producer.send(new ProducerRecord<>("statements", "{\"kind\":\"statement\",\"id\":\"st-kafka\",\"organization\":\"Trump campaign\","
                    + "\"speaker\":\"Steven Cheung\",\"title\":\"On the interview\",\"text\":\"The interview on X drew record numbers.\","
                    + "\"published_at\":\"2024-08-13T00:01:30Z\"}")).get();
        }
    }

    private void runJob() throws Exception {
        AnnotatorConfig annotator = AnnotatorConfig.builder().trackedEntitiesFile(resource("monitor").resolve("tracked-entities.yaml")).build();
        ElasticsearchSink<IndexDocument> sink = TestSinks.into(elasticsearch, indices);
        MonitorJob job = new MonitorJob(KafkaRecordSource.upToLatest(kafka), KafkaRecordSource.upToLatest(kafka.forFastPath()), sink,
                new CoreNlpAnnotators(annotator), MonitorSettings.builder().indices(indices).sourceIdleness(Duration.ofSeconds(30)).build(), null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        job.buildInto(env);
        env.execute("kafka-monitor-job-itcase");
    }

    private JsonNode document(String index, String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
        assertThat(response.found()).as("%s/%s exists", index, id).isTrue();
        return response.source();
    }

    private long count(String index) throws IOException {
        return client.count(c -> c.index(index)).count();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(KafkaMonitorJobITCase.class.getClassLoader().getResource(name).toURI());
    }
}
