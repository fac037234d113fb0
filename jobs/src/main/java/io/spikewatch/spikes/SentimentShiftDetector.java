package io.spikewatch.spikes;

import java.io.Serializable;
import java.time.Duration;

/**
 * Detects a jump in the share of negative posts of a series, one bucket at a time and causally.
 *
 * <p>The baseline share is the decayed share of negative posts among annotated posts (half-life
 * {@link #DEFAULT_HALF_LIFE} by default; a Beta prior keeps it sensible before much history exists). A bucket of n annotated posts with k
 * negative is scored by the one-sided z statistic of its share against the baseline share,
 * z = (k/n − p) / sqrt(p(1−p)/n), and counts only when n is at least {@code minPosts} and the
 * share rose by at least {@code minRise}: a handful of angry posts in a quiet hour is not a
 * shift. The score maps z to [0, 1] with 0.5 at {@code zThreshold}. Buckets scored as a shift
 * are not learned into the baseline, so a long shift keeps being seen as one.
 *
 * <p>The test is also run on the last two and three buckets pooled, when each of them is more
 * negative than the baseline: a shift that builds over a few minutes is seen as soon as the posts
 * pooled are enough to tell, not when one minute alone holds {@code minPosts} of them. The score
 * reports the strongest of these windows.
 */
public final class SentimentShiftDetector implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MIN_POSTS = 10;
    /** The longest run of recent buckets pooled. */
    public static final int MAX_RUN_BUCKETS = 3;
    public static final double DEFAULT_MIN_RISE = 0.2;
    public static final double DEFAULT_Z_THRESHOLD = 4.0;
    /**
     * The baseline share forgets half of what it learned in this long: the mood of the last hours,
     * not of the day. With six hours, an afternoon's story still set the evening's baseline (in the
     * demo the platform's share stayed "usually 53%" after an hour at about 25%, and the outage's
     * negative turn on it was seen 14 minutes late instead of 5).
     */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofHours(2);
    /** Prior: as if 20 posts had been seen, a fifth of them negative. */
    static final double PRIOR_POSTS = 20;
    static final double PRIOR_NEGATIVE_SHARE = 0.2;

    /**
     * One bucket's verdict.
     *
     * @param share the negative share of the posts judged
     * @param annotated how many annotated posts were judged
     * @param buckets how many buckets those posts came from: this one and the {@code buckets - 1}
     *     before it (1 when the bucket was judged alone)
     */
    public record Score(double share, double baselineShare, int annotated, double anomalyScore, int buckets) {

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
        boolean follows = state.lastBucketMillis != Long.MIN_VALUE
                && bucketStartMillis - state.lastBucketMillis == bucketWidth.toMillis();
        decay(state, bucketStartMillis);
        double baseline = (state.negative + PRIOR_POSTS * PRIOR_NEGATIVE_SHARE) / (state.annotated + PRIOR_POSTS);
        double share = annotated == 0 ? 0 : (double) negative / annotated;
        Score best = new Score(share, baseline, annotated, 0, 1);
        int pooledAnnotated = 0;
        int pooledNegative = 0;
        for (int k = 0; k < MAX_RUN_BUCKETS; k++) {
            int a = k == 0 ? annotated : follows ? state.recentAnnotated[k - 1] : 0;
            int n = k == 0 ? negative : follows ? state.recentNegative[k - 1] : 0;
            if (a == 0 || (double) n / a <= baseline) {
                break;
            }
            pooledAnnotated += a;
            pooledNegative += n;
            double pooledShare = (double) pooledNegative / pooledAnnotated;
            if (pooledAnnotated >= minPosts && pooledShare - baseline >= minRise) {
                double z = (pooledShare - baseline) / Math.sqrt(baseline * (1 - baseline) / pooledAnnotated);
                double score = z / (z + zThreshold);
                if (score > best.anomalyScore()) {
                    best = new Score(pooledShare, baseline, pooledAnnotated, score, k + 1);
                }
            }
        }
        if (!best.isShift()) {
            state.annotated += annotated;
            state.negative += negative;
        }
        remember(state, follows, annotated, negative);
        return best;
    }

    private static void remember(SentimentShiftState state, boolean follows, int annotated, int negative) {
        int[] a = state.recentAnnotated;
        int[] n = state.recentNegative;
        for (int i = a.length - 1; i > 0; i--) {
            a[i] = follows ? a[i - 1] : 0;
            n[i] = follows ? n[i - 1] : 0;
        }
        a[0] = annotated;
        n[0] = negative;
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
