package io.spikewatch.spikes;

/**
 * What a {@link SentimentShiftDetector} remembers of one series: decayed counts of annotated and
 * of negative posts. A plain POJO so Flink can keep it in keyed state.
 */
public class SentimentShiftState {

    public double annotated;
    public double negative;
    /** Start of the last bucket seen, epoch millis; {@link Long#MIN_VALUE} before the first. */
    public long lastBucketMillis = Long.MIN_VALUE;
    /**
     * The last buckets seen, newest first (annotated and negative posts of each), for the scan over
     * {@link SentimentShiftDetector#MAX_RUN_BUCKETS}; a gap between buckets empties them.
     */
    public int[] recentAnnotated = new int[SentimentShiftDetector.MAX_RUN_BUCKETS - 1];
    public int[] recentNegative = new int[SentimentShiftDetector.MAX_RUN_BUCKETS - 1];
}
