package io.spikewatch.alerts;

/**
 * What a {@link ThresholdWatch} remembers for one threshold rule on one series: a plain POJO
 * (public fields, no-arg constructor) for Flink keyed state. Times are epoch milliseconds of
 * minute starts, in event time.
 */
public class ThresholdState {

    /** Counts of the last minutes, indexed by minute number modulo the window length. */
    public long[] counts;

    /** The latest minute observed; {@link Long#MIN_VALUE} before any. */
    public long lastMinuteMillis = Long.MIN_VALUE;

    /** Start of the running episode; {@link Long#MIN_VALUE} when none runs. */
    public long episodeStartMillis = Long.MIN_VALUE;

    public long peakMillis;

    /** The highest count over the window in the running episode. */
    public long peakCount;

    /** Severity of the last report of the running episode. */
    public int reportedSeverity;

    public ThresholdState() {}
}
