package io.spikewatch.monitor;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.formats.FormatAdapterCache;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * A raw record's event time: a post's {@code created_at}, a statement's {@code published_at}, read
 * in the record's format; for a record that holds several documents (an X API page, a press
 * feed), the earliest of their times, which all of its documents then carry through the job.
 * A record whose time cannot be read keeps the timestamp the source gave it (the replay's time
 * of the line before, Kafka's timestamp), so it still flows and the parse step rejects it as a
 * dead letter.
 */
final class EventTimeOfRecord implements SerializableTimestampAssigner<RawRecord> {

    private static final long serialVersionUID = 1L;

    private transient FormatAdapterCache adapters;

    @Override
    public long extractTimestamp(RawRecord record, long recordTimestamp) {
        if (adapters == null) {
            adapters = new FormatAdapterCache();
        }
        return adapters.of(record.format()).eventTime(record).map(Instant::toEpochMilli).orElse(recordTimestamp);
    }
}
