package io.spikewatch.kafka;

import io.spikewatch.formats.SourceFormats;
import io.spikewatch.schema.RawRecord;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Builds the Flink Kafka source of the monitor job: the records of one or more topics (posts,
 * statements) as {@link RawRecord}s ({@link RawRecordDeserializer}).
 *
 * <p><b>Offsets.</b> A job started from a checkpoint or savepoint resumes from the offsets in
 * it: those, not the committed ones, are what make the job exactly-once up to the sink. A job
 * started fresh starts from the offsets its consumer group committed, and from the earliest
 * offset of a partition where the group committed none (a new group reads the topic from its
 * start). Offsets are committed to Kafka when a checkpoint completes, so they trail the job by
 * one checkpoint interval and serve monitoring and fresh restarts; without checkpointing nothing
 * is committed.
 *
 * <p>The event time of a record is not Kafka's timestamp: the job reads it from the record
 * (see the monitor job's timestamp assigner).
 */
public final class KafkaRecordSource {

    /** Prefix of the Kafka client ids, so the brokers' logs name the job. */
    static final String CLIENT_ID_PREFIX = "spikewatch";

    private KafkaRecordSource() {}

    /** An unbounded source: runs until the job is cancelled, picking up new partitions. */
    public static KafkaSource<RawRecord> unbounded(KafkaSettings settings) {
        return unbounded(settings, SourceFormats.ndjson());
    }

    /** An unbounded source whose topics are in the formats {@code formats} gives them (by topic name). */
    public static KafkaSource<RawRecord> unbounded(KafkaSettings settings, SourceFormats formats) {
        return builder(settings, formats).build();
    }

    /**
     * A bounded source: reads up to the latest offsets of each partition as they were when the
     * job started, then ends (a backfill of what the topics hold, or a test).
     */
    public static KafkaSource<RawRecord> upToLatest(KafkaSettings settings) {
        return upToLatest(settings, SourceFormats.ndjson());
    }

    /** A bounded source whose topics are in the formats {@code formats} gives them (by topic name). */
    public static KafkaSource<RawRecord> upToLatest(KafkaSettings settings, SourceFormats formats) {
        return builder(settings, formats).setBounded(OffsetsInitializer.latest()).build();
    }

    private static KafkaSourceBuilder<RawRecord> builder(KafkaSettings settings, SourceFormats formats) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(settings.topics())
                .setGroupId(settings.groupId())
                .setClientIdPrefix(CLIENT_ID_PREFIX + "-" + settings.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer(formats))
                .setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "true");
    }
}
