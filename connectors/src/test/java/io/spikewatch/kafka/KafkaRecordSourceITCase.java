package io.spikewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.testing.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka source against a real KRaft broker: every record of two topics read once, named by
 * topic, partition and offset; offsets committed under the group when checkpoints complete, so
 * a second run of the same group starts where the first ended.
 */
class KafkaRecordSourceITCase {

    private static final Duration COMMIT_DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
        broker.createTopic("posts", 2);
        broker.createTopic("statements", 1);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readsEveryRecordOnceAndResumesFromTheCommittedOffsets() throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 10; i++) {
                sent.add(producer.send(new ProducerRecord<>("posts", i % 2, null, "{\"id\":\"p-" + i + "\"}")).get());
            }
            sent.add(producer.send(new ProducerRecord<>("statements", "{\"id\":\"s-1\"}")).get());
        }
        KafkaSettings settings = new KafkaSettings(broker.bootstrapServers(), List.of("posts", "statements"), "source-itcase");

        // an unbounded run: a checkpoint completes while it runs, so its offsets are committed
        // (a bounded run may end before any checkpoint completes, and then commits nothing)
        List<RawRecord> first = new ArrayList<>();
        Map<TopicPartition, Long> expected = Map.of(
                new TopicPartition("posts", 0), 5L, new TopicPartition("posts", 1), 5L, new TopicPartition("statements", 0), 1L);
        try (CloseableIterator<RawRecord> it = collect(KafkaRecordSource.unbounded(settings))) {
            while (first.size() < sent.size() && it.hasNext()) {
                first.add(it.next());
            }
            assertThat(awaitCommitted("source-itcase", expected, COMMIT_DEADLINE)).isEqualTo(expected);
        }

        assertThat(first).hasSize(11);
        assertThat(first).extracting(RawRecord::text).doesNotHaveDuplicates();
        for (RecordMetadata metadata : sent) {
            assertThat(first).as("record at %s", metadata).anySatisfy(record -> {
                assertThat(record.source()).isEqualTo("kafka:" + metadata.topic());
                assertThat(record.location()).isEqualTo(metadata.partition() + "@" + metadata.offset());
            });
        }

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("posts", 1, null, "{\"id\":\"p-late\"}")).get();
        }
        assertThat(readToLatest(settings)).extracting(RawRecord::text, RawRecord::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("{\"id\":\"p-late\"}", "1@5"));
        assertThat(readToLatest(new KafkaSettings(broker.bootstrapServers(), List.of("posts"), "another-group")))
                .as("a new group reads from the earliest offsets").hasSize(11);
    }

    private static List<RawRecord> readToLatest(KafkaSettings settings) throws Exception {
        List<RawRecord> records = new ArrayList<>();
        try (CloseableIterator<RawRecord> it = collect(KafkaRecordSource.upToLatest(settings))) {
            it.forEachRemaining(records::add);
        }
        return records;
    }

    private static CloseableIterator<RawRecord> collect(Source<RawRecord, ?, ?> source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(200);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect("kafka-source-itcase");
    }

    /** The group's committed offsets once they equal {@code expected}, or as they are at the deadline. */
    private static Map<TopicPartition, Long> awaitCommitted(String group, Map<TopicPartition, Long> expected, Duration deadline)
            throws Exception {
        long until = System.nanoTime() + deadline.toNanos();
        Map<TopicPartition, Long> committed = Map.of();
        try (Admin admin = broker.admin()) {
            while (System.nanoTime() < until) {
                Map<TopicPartition, Long> now = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .forEach((partition, offset) -> now.put(partition, offset == null ? -1 : offset.offset()));
                committed = now;
                if (committed.equals(expected)) {
                    return committed;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        return committed;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
