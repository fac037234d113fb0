package io.spikewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.formats.SourceFormats;
import io.spikewatch.schema.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RawRecordDeserializerTest {

    @Test
    void namesTheTopicPartitionAndOffsetOfEachRecord() {
        List<RawRecord> out = deserialize(new ConsumerRecord<>("posts", 3, 41L, null, utf8("{\"id\":\"t-1\"}")));

        assertThat(out).containsExactly(new RawRecord("kafka:posts", "3@41", "{\"id\":\"t-1\"}"));
        assertThat(KafkaRecordLocation.describe("posts", 3, 41L)).isEqualTo("kafka:posts/3@41");
    }

    @Test
    void decodesTheValueAsUtf8() {
        List<RawRecord> out = deserialize(new ConsumerRecord<>("posts", 0, 0L, null, utf8("{\"text\":\"Trump – Musk 🚀 ça\"}")));

        assertThat(out).extracting(RawRecord::text).containsExactly("{\"text\":\"Trump – Musk 🚀 ça\"}");
    }

    @Test
    void passesATombstoneOnAsEmptyTextSoItBecomesADeadLetter() {
        List<RawRecord> out = deserialize(new ConsumerRecord<>("statements", 1, 7L, utf8("key"), null));

        assertThat(out).containsExactly(new RawRecord("kafka:statements", "1@7", ""));
    }

    @Test
    void marksEachRecordWithItsTopicsFormat() {
        RawRecordDeserializer deserializer = new RawRecordDeserializer(SourceFormats.allIn("x-api-v2").with("press", "press-feed"));

        assertThat(deserializer.toRawRecord("press", 0, 1L, utf8("<rss/>")).format()).isEqualTo("press-feed");
        assertThat(deserializer.toRawRecord("posts", 0, 1L, utf8("{}")).format()).isEqualTo("x-api-v2");
        assertThat(new RawRecordDeserializer().toRawRecord("press", 0, 1L, utf8("{}")).format()).isEqualTo("ndjson");
    }

    @Test
    void buildsBoundedAndUnboundedSources() {
        KafkaSettings settings = KafkaSettings.of("localhost:9092", List.of("posts"));

        assertThat(KafkaRecordSource.unbounded(settings).getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(KafkaRecordSource.upToLatest(settings).getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    }

    private static List<RawRecord> deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<RawRecord> out = new ArrayList<>();
        new RawRecordDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(RawRecord value) {
                out.add(value);
            }

            @Override
            public void close() {}
        });
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
