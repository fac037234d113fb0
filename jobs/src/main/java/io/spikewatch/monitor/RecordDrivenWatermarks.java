package io.spikewatch.monitor;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, with the watermark emitted by the record that advances it rather than
 * on a timer: the highest event time seen, less the bound, less a millisecond. Flink's own
 * generator emits the same value every 200 ms of wall-clock time, so which records a replay finds
 * already past their minute depends on how fast the job happened to read; here it depends on the
 * records before them only. A late post is then late in every run of the same input, and the
 * alerts that count posts by minute are the same run after run. The cost is a watermark per
 * distinct event time at most (event times are mostly whole seconds), dropped by Flink when it
 * does not advance.
 */
final class RecordDrivenWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    RecordDrivenWatermarks(Duration outOfOrderness) {
        if (outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("out-of-orderness must not be negative, got " + outOfOrderness);
        }
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        // as Flink's generator: no watermark until a record has been seen, and no overflow below
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (advance(eventTimestamp)) {
            output.emitWatermark(new Watermark(watermark()));
        }
    }

    /** Takes a record's event time: true when it is the highest seen, so the watermark moved. */
    boolean advance(long eventTimestamp) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
            return true;
        }
        return false;
    }

    /** The highest event time seen, less the bound, less a millisecond. */
    long watermark() {
        return maxTimestamp - outOfOrdernessMillis - 1;
    }

    /** The highest event time seen so far, or {@link Long#MIN_VALUE} before the first record. */
    long highestEventTime() {
        return maxTimestamp == Long.MIN_VALUE + outOfOrdernessMillis + 1 ? Long.MIN_VALUE : maxTimestamp;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // the watermark only moves with records: nothing to add between them
    }
}
