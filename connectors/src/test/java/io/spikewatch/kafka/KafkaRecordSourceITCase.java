package io.spikewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.testing.KafkaBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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

        List<RawRecord> first = readToLatest(settings);

        assertThat(first).hasSize(11);
        assertThat(first).extracting(RawRecord::text).doesNotHaveDuplicates();
        for (RecordMetadata metadata : sent) {
            assertThat(first).as("record at %s", metadata).anySatisfy(record -> {
                assertThat(record.source()).isEqualTo("kafka:" + metadata.topic());
                assertThat(record.location()).isEqualTo(metadata.partition() + "@" + metadata.offset());
            });
        }
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("source-itcase").partitionsToOffsetAndMetadata().get();
            assertThat(committed.get(new TopicPartition("posts", 0)).offset()).isEqualTo(5);
            assertThat(committed.get(new TopicPartition("posts", 1)).offset()).isEqualTo(5);
            assertThat(committed.get(new TopicPartition("statements", 0)).offset()).isEqualTo(1);
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
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(200);
        List<RawRecord> records = new ArrayList<>();
        try (CloseableIterator<RawRecord> it = env.fromSource(KafkaRecordSource.upToLatest(settings), WatermarkStrategy.noWatermarks(), "kafka")
                .executeAndCollect("kafka-source-itcase")) {
            it.forEachRemaining(records::add);
        }
        return records;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
