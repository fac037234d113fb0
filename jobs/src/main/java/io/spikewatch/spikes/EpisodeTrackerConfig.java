package io.spikewatch.spikes;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** The parameters of {@link EpisodeTracker}; durations are converted with the bucket width. */
public final class EpisodeTrackerConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_BUCKET_WIDTH = VolumeDetectorConfig.DEFAULT_BUCKET_WIDTH;
    /** Once started, an episode goes on while buckets score at least this (hysteresis below {@link VolumeScore#ALERT_SCORE}). */
    public static final double DEFAULT_HOLD_SCORE = 0.4;
    /** An episode ends after this long of normal buckets; a new one can start only after that. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofHours(1);
    /** An episode is reported again (ESCALATED) when its severity has risen by this much since the last report. */
    public static final int DEFAULT_ESCALATION_STEP = 20;
    /**
     * For this long after an episode ends, another of the same kind in the series is only the same
     * event flaring up again (a story that trends for a day comes back in waves) and starts a new
     * episode only when it is {@link #DEFAULT_REPEAT_FACTOR} times further from the expectation
     * than the last one's peak. Chosen leave-one-series-out on the NAB Twitter series.
     */
    public static final Duration DEFAULT_REPEAT_PERIOD = Duration.ofHours(24);
    /** How much further from the expectation (in noise deviations) a repeat must go to be a new episode. */
    public static final double DEFAULT_REPEAT_FACTOR = 2.0;

    private final Duration bucketWidth;
    private final double holdScore;
    private final Duration quietPeriod;
    private final int escalationStep;
    private final Duration repeatPeriod;
    private final double repeatFactor;

    private EpisodeTrackerConfig(Builder builder) {
        this.bucketWidth = builder.bucketWidth;
        this.holdScore = builder.holdScore;
        this.quietPeriod = builder.quietPeriod;
        this.escalationStep = builder.escalationStep;
        this.repeatPeriod = builder.repeatPeriod;
        this.repeatFactor = builder.repeatFactor;
    }

    public static EpisodeTrackerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration bucketWidth() {
        return bucketWidth;
    }

    public double holdScore() {
        return holdScore;
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    public int escalationStep() {
        return escalationStep;
    }

    public Duration repeatPeriod() {
        return repeatPeriod;
    }

    public double repeatFactor() {
        return repeatFactor;
    }

    /** Normal buckets in a row that end an episode (at least one). */
    public int quietBuckets() {
        return (int) Math.max(1, -Math.floorDiv(-quietPeriod.toMillis(), bucketWidth.toMillis()));
    }

    @Override
    public String toString() {
        return "EpisodeTrackerConfig{bucketWidth=" + bucketWidth + ", holdScore=" + holdScore + ", quietPeriod="
                + quietPeriod + ", escalationStep=" + escalationStep + ", repeatPeriod=" + repeatPeriod + ", repeatFactor=" + repeatFactor + "}";
    }

    /** Validates every value as it is set; the message names the setting. */
    public static final class Builder {
        private Duration bucketWidth = DEFAULT_BUCKET_WIDTH;
        private double holdScore = DEFAULT_HOLD_SCORE;
        private Duration quietPeriod = DEFAULT_QUIET_PERIOD;
        private int escalationStep = DEFAULT_ESCALATION_STEP;
        private Duration repeatPeriod = DEFAULT_REPEAT_PERIOD;
        private double repeatFactor = DEFAULT_REPEAT_FACTOR;

        private Builder() {}

        public Builder bucketWidth(Duration value) {
            Objects.requireNonNull(value, "bucketWidth");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("bucketWidth must be positive, got " + value);
            }
            this.bucketWidth = value;
            return this;
        }

        /** Must be above 0 and at most {@link VolumeScore#ALERT_SCORE}. */
        public Builder holdScore(double value) {
            if (!(value > 0) || value > VolumeScore.ALERT_SCORE) {
                throw new IllegalArgumentException("holdScore must be in (0, " + VolumeScore.ALERT_SCORE + "], got " + value);
            }
            this.holdScore = value;
            return this;
        }

        public Builder quietPeriod(Duration value) {
            Objects.requireNonNull(value, "quietPeriod");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("quietPeriod must be positive, got " + value);
            }
            this.quietPeriod = value;
            return this;
        }

        public Builder escalationStep(int value) {
            if (value < 1 || value > Severity.MAX) {
                throw new IllegalArgumentException("escalationStep must be between 1 and " + Severity.MAX + ", got " + value);
            }
            this.escalationStep = value;
            return this;
        }

        /** Zero: every episode after the quiet period is new, however small. */
        public Builder repeatPeriod(Duration value) {
            Objects.requireNonNull(value, "repeatPeriod");
            if (value.isNegative()) {
                throw new IllegalArgumentException("repeatPeriod must not be negative, got " + value);
            }
            this.repeatPeriod = value;
            return this;
        }

        /** At least 1 (a repeat must at least match the last peak). */
        public Builder repeatFactor(double value) {
            if (!(value >= 1) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("repeatFactor must be a number >= 1, got " + value);
            }
            this.repeatFactor = value;
            return this;
        }

        public EpisodeTrackerConfig build() {
            return new EpisodeTrackerConfig(this);
        }
    }
}
