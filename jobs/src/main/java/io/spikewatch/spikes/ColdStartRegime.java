package io.spikewatch.spikes;

import java.io.Serializable;

/**
 * The conservative rule {@link VolumeDetector} alerts with while its steady-state baseline is still
 * warming up (the first {@link VolumeDetectorConfig#warmUp()} of a series), so a new series or a
 * fresh deployment is not blind for a day. It knows no time of day and no usual daily burst, so it
 * asks for more: a bucket alerts only when it is at least {@code coldAlertDeviation} noise
 * deviations (Anscombe scale, noise never below Poisson) above a short-memory level, at least
 * {@code coldMinimumRatio} times that level and at least {@code minimumExcess} posts above it. It
 * alerts upward only (without the time of day an evening decline looks like an outage) and not
 * before {@code coldWarmUpBuckets} buckets have been seen.
 *
 * <p>Its state ({@link VolumeDetectorState#coldLevel}, {@link VolumeDetectorState#coldResidualVariance})
 * is its own: nothing it learns feeds the steady-state level, profiles, noise or usual daily burst,
 * so the steady-state detector behaves exactly as without it once it takes over.
 *
 * <p>The level starts as the plain running mean of what was seen (no bias from the first bucket)
 * and becomes an exponential average ({@code coldLevelHalfLife}) once that weighs a bucket more;
 * like the steady-state baseline it learns from a bucket only up to {@code learningClipDeviation}
 * deviations away, so a spike does not lift its own level.
 */
final class ColdStartRegime implements Serializable {

    private static final long serialVersionUID = 1L;
    /**
     * The variance of a standard normal truncated to the learning clip's ±2: residuals inside the
     * clip are divided by it so their mean square estimates the untruncated variance.
     */
    private static final double TRUNCATED_VARIANCE = 0.774;

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

    /** What the cold regime makes of one bucket, before learning from it. */
    record Assessment(double expected, double deviation, double score) {}

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
        double noise = Math.sqrt(Math.max(1.0, state.coldResidualVariance));
        double residual = Anscombe.of(value) - Anscombe.of(expected);
        double deviation = residual / noise;

        double score = deviation > 0 ? deviation / (deviation + alertDeviation) : 0;
        boolean trusted = bucketsBefore >= config.coldWarmUpBuckets();
        if (!trusted || value - expected < config.minimumExcess() || value < config.coldMinimumRatio() * expected) {
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
        return new Assessment(expected, deviation, score);
    }
}
