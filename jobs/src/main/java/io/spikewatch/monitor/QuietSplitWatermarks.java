package io.spikewatch.monitor;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.Clock;
import org.apache.flink.util.clock.RelativeClock;

/**
 * What a source split's silence means for event time. Records move the watermark as
 * {@link RecordDrivenWatermarks} does; a split that has had no record for the idleness period
 * (measured on the source's activity clock, which stops while the job holds the source back, so a
 * split waiting behind NLP is not silent) is one of two kinds:
 *
 * <ul>
 *   <li><b>Live</b>: its newest event time was within {@link #LIVE_LAG} of the wall clock when it
 *       was read (the smallest such lag since it last fell silent, so a moment's backlog it has
 *       since caught up does not count). Silence then means that nothing is being posted: its
 *       watermark moves on with the wall clock, as if its next record were written now (less the
 *       bound), so the minutes of a platform gone quiet close with zero posts and its flatline can
 *       be seen. Marking it idle instead would leave the whole job's event time stopped whenever
 *       every split is silent, which is exactly when a watched platform goes down. Its own lag is
 *       left out on purpose: a split of a slower feed (a press feed polled every few minutes) would
 *       otherwise hold every busier split back by the difference; now it never holds back a split
 *       whose records are read after they were written, and a record of its own that comes later
 *       than the bound after it was written is late, as in any split.
 *   <li><b>Not live</b> (a replay, a backlog caught up, a statements topic quiet for hours):
 *       marked idle, as Flink's idleness does, so it stops holding the other splits back until it
 *       has records again. Its silence says nothing about the time now.
 * </ul>
 */
final class QuietSplitWatermarks<T> implements WatermarkGenerator<T> {

    /** How close to the wall clock a split's newest event time must be for the split to be live. */
    static final Duration LIVE_LAG = Duration.ofMinutes(5);

    private final RecordDrivenWatermarks<T> records;
    private final long outOfOrdernessMillis;
    private final long idleMillis;
    private final RelativeClock activity;
    private final Clock wall;

    private long lastRecordActivity;
    /** The smallest lag of the wall clock behind the newest event time since the split last fell silent. */
    private long lag = Long.MAX_VALUE;
    private long emitted = Long.MIN_VALUE;
    private boolean silent;
    private boolean idle;

    QuietSplitWatermarks(Duration outOfOrderness, Duration idleness, RelativeClock activity, Clock wall) {
        if (idleness.isZero() || idleness.isNegative()) {
            throw new IllegalArgumentException("idleness must be positive, got " + idleness);
        }
        this.records = new RecordDrivenWatermarks<>(outOfOrderness);
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.idleMillis = idleness.toMillis();
        this.activity = activity;
        this.wall = wall;
        this.lastRecordActivity = activity.relativeTimeMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        boolean advanced = records.advance(eventTimestamp);
        if (advanced) {
            emit(records.watermark(), output);
        }
        lastRecordActivity = activity.relativeTimeMillis();
        // the lag only grows while the newest event time stays: it is smallest when a record raises it
        if (advanced || silent) {
            long highest = records.highestEventTime();
            long lagNow = highest == Long.MIN_VALUE ? Long.MAX_VALUE : wall.absoluteTimeMillis() - highest;
            lag = silent ? lagNow : Math.min(lag, lagNow);
        }
        silent = false;
        idle = false;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (activity.relativeTimeMillis() - lastRecordActivity < idleMillis) {
            return;
        }
        silent = true;
        if (lag <= LIVE_LAG.toMillis()) {
            // a feed whose times run ahead of this clock keeps its lead
            emit(wall.absoluteTimeMillis() - Math.min(lag, 0) - outOfOrdernessMillis - 1, output);
        } else if (!idle) {
            idle = true;
            output.markIdle();
        }
    }

    /** Emits {@code watermark} when it is past the last one emitted, by a record or by the clock. */
    private void emit(long watermark, WatermarkOutput output) {
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
