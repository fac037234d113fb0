package io.spikewatch.spikes;

/**
 * Everything {@link VolumeDetector} remembers about one series, and nothing else: public fields of
 * primitive types and primitive arrays with a public no-argument constructor, so Flink's POJO
 * serializer can keep it in keyed state and a checkpoint restores it exactly. A fresh instance is
 * a series never seen; {@link VolumeDetector} sizes the arrays on the first bucket.
 */
public class VolumeDetectorState {

    /** Start of the last bucket observed, epoch milliseconds; meaningless while {@link #buckets} is 0. */
    public long lastBucketMillis;
    /** Start of the first bucket observed, epoch milliseconds. */
    public long firstBucketMillis;
    /** Buckets observed so far, filled gaps included. */
    public long buckets;
    /** The deseasonalized mean count per bucket. */
    public double level;
    /** Mean squared residual on the variance-stabilized (Anscombe) scale; 1 is pure Poisson noise. */
    public double residualVariance;
    /** Multiplicative factor per slot of the day (mean 1). */
    public double[] daily;
    /** Evidence behind each daily slot, in days of observations. */
    public double[] dailyEvidence;
    /** Multiplicative factor per day of the week, Monday first (mean 1). */
    public double[] weekly;
    /** Evidence behind each weekday, in days of observations. */
    public double[] weeklyEvidence;
    /** Count of the recent buckets, newest at {@link #recentNext} - 1, for the sustained score. */
    public double[] recentValues;
    /** Expected count of the same recent buckets. */
    public double[] recentExpected;
    /** Where the next bucket goes in the recent ring. */
    public int recentNext;
    /** The day (epoch day in the detector's zone) {@link #dayMaxDeviation} is about. */
    public long day;
    /** The largest upward deviation of that day so far. */
    public double dayMaxDeviation;
    /** The usual largest upward deviation of a day: an average over past days. */
    public double typicalDayMaxDeviation;
    /** Completed days behind {@link #typicalDayMaxDeviation}. */
    public int daysCompleted;
    /** Per sustained window ({@link VolumeDetectorConfig#sustainedWindows()}): mean squared (clipped) Anscombe residual of the window's sum. */
    public double[] sustainedResidualVariance;
    /** The cold-start rule's own level (mean count per bucket), used only while the baseline warms up. */
    public double coldLevel;
    /** The cold-start rule's own mean squared (clipped) Anscombe residual. */
    public double coldResidualVariance;

    public VolumeDetectorState() {}

    /** A deep copy (arrays copied), as a checkpoint restores it. */
    public VolumeDetectorState copy() {
        VolumeDetectorState copy = new VolumeDetectorState();
        copy.lastBucketMillis = lastBucketMillis;
        copy.firstBucketMillis = firstBucketMillis;
        copy.buckets = buckets;
        copy.level = level;
        copy.residualVariance = residualVariance;
        copy.daily = clone(daily);
        copy.dailyEvidence = clone(dailyEvidence);
        copy.weekly = clone(weekly);
        copy.weeklyEvidence = clone(weeklyEvidence);
        copy.recentValues = clone(recentValues);
        copy.recentExpected = clone(recentExpected);
        copy.recentNext = recentNext;
        copy.day = day;
        copy.dayMaxDeviation = dayMaxDeviation;
        copy.typicalDayMaxDeviation = typicalDayMaxDeviation;
        copy.daysCompleted = daysCompleted;
        copy.sustainedResidualVariance = clone(sustainedResidualVariance);
        copy.coldLevel = coldLevel;
        copy.coldResidualVariance = coldResidualVariance;
        return copy;
    }

    private static double[] clone(double[] array) {
        return array == null ? null : array.clone();
    }
}
