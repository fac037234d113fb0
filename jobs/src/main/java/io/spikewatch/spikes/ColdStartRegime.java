package io.spikewatch.spikes;

import java.io.Serializable;

/**
 * The conservative rule {@link VolumeDetector} alerts with while its steady-state baseline is still
 * warming up (the first {@link VolumeDetectorConfig#warmUp()} of a series), so a new series or a
 * fresh deployment is not blind for a day. It knows no time of day and no usual daily burst, so it
 * asks for a lot of evidence, scanned over the last one to {@link VolumeDetector#MAX_RUN_BUCKETS} buckets that are
 * all above its level (a burst that builds over two or three minutes is caught as soon as the sum is
 * clear, not when one minute alone is): a sum alerts only when it is at least {@code coldAlertDeviation} deviations above a
 * short-memory level, measured exactly on the Poisson tail ({@link PoissonSurprise}, over-dispersion
 * learned from the series), at least {@code coldMinimumRatio} times the level and at least {@code
 * minimumExcess} posts above it. It alerts upward only (without the time of day an evening decline
 * looks like an outage) and not before {@code coldWarmUpBuckets} buckets have been seen.
 *
 * <p>Its state ({@link VolumeDetectorState#coldLevel}, {@link VolumeDetectorState#coldResidualVariance})
 * is its own: nothing it learns feeds the steady-state level, profiles, noise or usual daily burst,
 * so the steady-state detector behaves exactly as without it once it takes over. It reads the last
 * buckets from the detector's recent ring ({@link VolumeDetectorState#recentValues}), which the
 * detector fills before asking.
 *
 * <p>The level starts as the plain running mean of what was seen (no bias from the first bucket)
 * and becomes an exponential average ({@code coldLevelHalfLife}) once that weighs a bucket more;
 * like the steady-state baseline it learns from a bucket only up to {@code learningClipDeviation}
 * deviations away (Anscombe scale), so a spike does not lift its own level. A series that has seen
 * nothing is not expected to stay at exactly zero: the level is never taken below half a post over
 * the buckets it remembers (the Jeffreys estimate of a rate from zero counts).
 */
final class ColdStartRegime implements Serializable {

    private static final long serialVersionUID = 1L;
    /**
     * The variance of a standard normal truncated to the learning clip's ±2: residuals inside the
     * clip are divided by it so their mean square estimates the untruncated variance.
     */
    private static final double TRUNCATED_VARIANCE = 0.774;
    /** Posts assumed over the remembered buckets of a series that has seen none. */
    private static final double ZERO_COUNT_PRIOR_POSTS = 0.5;

    private final VolumeDetectorConfig config;
    private final double levelSmoothing;
    private final double noiseSmoothing;
    private final double alertDeviation;

    ColdStartRegime(VolumeDetectorConfig config) {
        this.config = config;
        this.levelSmoothing = config.smoothing(config.coldLevelHalfLife());
        // the noise is learned as fast as the level: the cold regime lasts less than a day
        this.noiseSmoothing = levelSmoothing;
        this.alertDeviation = config.coldAlertDeviation();
    }

    /**
     * What the cold regime makes of one bucket, before learning from it.
     *
     * @param buckets how many recent buckets, this one the last, the deviation sums
     */
    record Assessment(double expected, double deviation, double score, int buckets) {}

    /**
     * Scores the bucket ({@code bucketsBefore} buckets were seen before it) against what the regime
     * has learned, then learns from it.
     */
    Assessment observe(VolumeDetectorState state, long bucketsBefore, double value) {
        if (bucketsBefore == 0) {
            state.coldLevel = value;
            state.coldResidualVariance = 1;
        }
        double expected = state.coldLevel;
        double dispersion = Math.max(1.0, state.coldResidualVariance);
        double noise = Math.sqrt(dispersion);
        double residual = Anscombe.of(value) - Anscombe.of(expected);
        double rate = Math.max(expected, ZERO_COUNT_PRIOR_POSTS / Math.min(bucketsBefore + 1, 1 / levelSmoothing));

        // the strongest evidence over the last 1..MAX_RUN_BUCKETS buckets, each above the level (a burst
        // still going, not a spike gone by), and the strongest that is also large enough
        int scan = (int) Math.min(Math.min(VolumeDetector.MAX_RUN_BUCKETS, state.recentValues.length), bucketsBefore + 1);
        double sum = 0;
        double strongest = 0;
        int strongestRun = 1;
        double strongestLarge = 0;
        int strongestLargeRun = 1;
        for (int k = 1; k <= scan; k++) {
            double bucket = state.recentValues[Math.floorMod(state.recentNext - k, state.recentValues.length)];
            if (bucket <= rate) {
                break;
            }
            sum += bucket;
            double deviation = PoissonSurprise.deviation(sum, k * rate, dispersion);
            if (deviation > strongest) {
                strongest = deviation;
                strongestRun = k;
            }
            boolean large = sum - k * expected >= config.minimumExcess() && sum >= config.coldMinimumRatio() * k * expected;
            if (large && deviation > strongestLarge) {
                strongestLarge = deviation;
                strongestLargeRun = k;
            }
        }
        double deviation = strongestLarge > 0 ? strongestLarge : strongest;
        int run = strongestLarge > 0 ? strongestLargeRun : strongestRun;
        double score = deviation / (deviation + alertDeviation);
        boolean trusted = bucketsBefore >= config.coldWarmUpBuckets();
        if (!trusted || strongestLarge == 0) {
            score = Math.min(score, VolumeDetector.BELOW_ALERT);
        }

        double clip = config.learningClipDeviation() * noise;
        double clippedResidual = Math.max(-clip, Math.min(clip, residual));
        double learned = Anscombe.inverse(Anscombe.of(expected) + clippedResidual);
        double runningMean = 1.0 / (bucketsBefore + 1);
        if (bucketsBefore > 0) {
            if (Math.abs(residual) <= clip) {
                // only buckets inside the clip teach the noise (a long spike would otherwise inflate it
                // and hide the next), corrected for the truncation
                state.coldResidualVariance += Math.max(noiseSmoothing, runningMean)
                        * (residual * residual / TRUNCATED_VARIANCE - state.coldResidualVariance);
            }
            state.coldLevel += Math.max(levelSmoothing, runningMean) * (learned - state.coldLevel);
        }
        return new Assessment(expected, deviation, score, run);
    }
}
