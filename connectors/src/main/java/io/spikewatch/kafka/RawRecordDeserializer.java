package io.spikewatch.kafka;

import io.spikewatch.formats.SourceFormats;
import io.spikewatch.schema.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record's value as one record (UTF-8) in its topic's format, named by its topic, partition and offset
 * ({@link KafkaRecordLocation}). It never fails: a value that is not a record (a tombstone, bad
 * JSON, invalid UTF-8 replaced by U+FFFD) still flows, so the parse step turns it into a dead
 * letter that says where it was. Keys and headers are ignored.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final SourceFormats formats;

    /** Records of every topic in our own NDJSON schema. */
    public RawRecordDeserializer() {
        this(SourceFormats.ndjson());
    }

    /** Records marked with the format {@code formats} gives their topic (by its plain name). */
    public RawRecordDeserializer(SourceFormats formats) {
        this.formats = formats;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        out.collect(toRawRecord(record.topic(), record.partition(), record.offset(), record.value()));
    }

    /** The raw record of one Kafka value; a null value (tombstone) becomes empty text. */
    RawRecord toRawRecord(String topic, int partition, long offset, byte[] value) {
        String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return new RawRecord(KafkaRecordLocation.source(topic), KafkaRecordLocation.location(partition, offset), text,
                formats.formatOf(topic));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
