package io.spikewatch.monitor;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RecordParser;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * A raw record's event time: a post's {@code created_at}, a statement's {@code published_at}.
 * A record whose time cannot be read keeps the timestamp the source gave it (the replay's time
 * of the line before, Kafka's timestamp), so it still flows and the parse step rejects it as a
 * dead letter.
 */
final class EventTimeOfRecord implements SerializableTimestampAssigner<RawRecord> {

    private static final long serialVersionUID = 1L;

    private transient RecordParser parser;

    @Override
    public long extractTimestamp(RawRecord record, long recordTimestamp) {
        if (parser == null) {
            parser = new RecordParser();
        }
        return parser.peekEventTime(record.text()).map(Instant::toEpochMilli).orElse(recordTimestamp);
    }
}
