package io.spikewatch.spikes;

import java.io.Serializable;
import java.time.Duration;

/**
 * Detects a jump in the share of negative posts of a series, one bucket at a time and causally.
 *
 * <p>The baseline share is the decayed share of negative posts among annotated posts (a Beta
 * prior keeps it sensible before much history exists). A bucket of n annotated posts with k
 * negative is scored by the one-sided z statistic of its share against the baseline share,
 * z = (k/n − p) / sqrt(p(1−p)/n), and counts only when n is at least {@code minPosts} and the
 * share rose by at least {@code minRise}: a handful of angry posts in a quiet hour is not a
 * shift. The score maps z to [0, 1] with 0.5 at {@code zThreshold}. Buckets scored as a shift
 * are not learned into the baseline, so a long shift keeps being seen as one.
 */
public final class SentimentShiftDetector implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MIN_POSTS = 10;
    public static final double DEFAULT_MIN_RISE = 0.2;
    public static final double DEFAULT_Z_THRESHOLD = 4.0;
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofHours(6);
    /** Prior: as if 20 posts had been seen, a fifth of them negative. */
    static final double PRIOR_POSTS = 20;
    static final double PRIOR_NEGATIVE_SHARE = 0.2;

    /** One bucket's verdict. */
    public record Score(double share, double baselineShare, int annotated, double anomalyScore) {

        public boolean isShift() {
            return anomalyScore >= 0.5;
        }
    }

    private final Duration bucketWidth;
    private final int minPosts;
    private final double minRise;
    private final double zThreshold;
    private final double decayPerBucket;

    public SentimentShiftDetector(Duration bucketWidth, int minPosts, double minRise, double zThreshold, Duration halfLife) {
        if (bucketWidth.isZero() || bucketWidth.isNegative()) {
            throw new IllegalArgumentException("bucket width must be positive, got " + bucketWidth);
        }
        if (minPosts < 1) {
            throw new IllegalArgumentException("min_posts must be at least 1, got " + minPosts);
        }
        if (!(minRise >= 0 && minRise < 1)) {
            throw new IllegalArgumentException("min_rise must be in [0, 1), got " + minRise);
        }
        if (!(zThreshold > 0)) {
            throw new IllegalArgumentException("z threshold must be positive, got " + zThreshold);
        }
        this.bucketWidth = bucketWidth;
        this.minPosts = minPosts;
        this.minRise = minRise;
        this.zThreshold = zThreshold;
        this.decayPerBucket = Math.pow(0.5, (double) bucketWidth.toMillis() / halfLife.toMillis());
    }

    public static SentimentShiftDetector withDefaults(Duration bucketWidth) {
        return new SentimentShiftDetector(bucketWidth, DEFAULT_MIN_POSTS, DEFAULT_MIN_RISE, DEFAULT_Z_THRESHOLD, DEFAULT_HALF_LIFE);
    }

    /** Scores one bucket (in time order) and, unless it is a shift, learns it into the baseline. */
    public Score observe(SentimentShiftState state, long bucketStartMillis, int annotated, int negative) {
        decay(state, bucketStartMillis);
        double baseline = (state.negative + PRIOR_POSTS * PRIOR_NEGATIVE_SHARE) / (state.annotated + PRIOR_POSTS);
        double share = annotated == 0 ? 0 : (double) negative / annotated;
        double score = 0;
        if (annotated >= minPosts && share - baseline >= minRise) {
            double z = (share - baseline) / Math.sqrt(baseline * (1 - baseline) / annotated);
            score = z / (z + zThreshold);
        }
        Score result = new Score(share, baseline, annotated, score);
        if (!result.isShift()) {
            state.annotated += annotated;
            state.negative += negative;
        }
        return result;
    }

    private void decay(SentimentShiftState state, long bucketStartMillis) {
        if (state.lastBucketMillis != Long.MIN_VALUE && bucketStartMillis > state.lastBucketMillis) {
            double buckets = (double) (bucketStartMillis - state.lastBucketMillis) / bucketWidth.toMillis();
            double factor = Math.pow(decayPerBucket, buckets);
            state.annotated *= factor;
            state.negative *= factor;
        }
        state.lastBucketMillis = Math.max(state.lastBucketMillis, bucketStartMillis);
    }
}
