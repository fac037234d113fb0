package io.spikewatch.monitor;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.formats.FormatAdapterCache;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;

/**
 * A raw record's event time: a post's {@code created_at}, a statement's {@code published_at}, read
 * in the record's format; for a record that holds several documents (an X API page, a press
 * feed), the earliest of their times, which all of its documents then carry through the job.
 * A record whose time cannot be read has none ({@link TimestampAssigner#NO_TIMESTAMP}): it still
 * flows, the parse step rejects it as a dead letter, and it moves no watermark. It used to keep
 * the source's timestamp, and Kafka's is when the record was produced: in a backlog read hours or
 * years after its posts were written, one malformed line carried its partition's watermark to the
 * present, so that partition no longer held the others back and their posts came too late for
 * their minutes.
 */
final class EventTimeOfRecord implements SerializableTimestampAssigner<RawRecord> {

    private static final long serialVersionUID = 1L;

    private transient FormatAdapterCache adapters;

    @Override
    public long extractTimestamp(RawRecord record, long recordTimestamp) {
        if (adapters == null) {
            adapters = new FormatAdapterCache();
        }
        return adapters.of(record.format()).eventTime(record).map(Instant::toEpochMilli).orElse(NO_TIMESTAMP);
    }
}
