package io.spikewatch.spikes;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of {@link VolumeDetector}: one set for every series. Everything that depends on
 * the bucket width is given as a duration and converted with it, so the same defaults serve
 * one-minute buckets (the monitor job) and five-minute ones (the NAB series they were chosen on).
 */
public final class VolumeDetectorConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_BUCKET_WIDTH = Duration.ofMinutes(1);
    /** Time of day and weekday are taken in this zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    /** Noise standard deviations (variance-stabilized) at which a bucket scores {@link VolumeScore#ALERT_SCORE}. */
    public static final double DEFAULT_ALERT_DEVIATION = 5.0;
    /** How fast the deseasonalized level follows the series (the profiles carry the intraday shape, the level only day-to-day drift). */
    public static final Duration DEFAULT_LEVEL_HALF_LIFE = Duration.ofHours(24);
    /** How fast the time-of-day and weekday profiles forget. */
    public static final Duration DEFAULT_SEASONAL_HALF_LIFE = Duration.ofDays(7);
    /** How fast the noise estimate forgets. */
    public static final Duration DEFAULT_NOISE_HALF_LIFE = Duration.ofDays(3);
    /** No alert before the series has been observed this long. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofHours(24);
    /** A drop must last this long (summed over its buckets) to be a flatline; a single quiet bucket is not. */
    public static final Duration DEFAULT_FLATLINE_WINDOW = Duration.ofMinutes(10);
    /** A spike needs at least this many posts above the expectation, whatever the statistics say. */
    public static final double DEFAULT_MINIMUM_EXCESS = 5;
    /** A flatline needs at least this many posts expected over its window: a solid baseline. */
    public static final double DEFAULT_MINIMUM_FLATLINE_EXPECTED = 20;
    /** The baseline learns from a bucket only up to this many noise deviations away from the expectation. */
    public static final double DEFAULT_LEARNING_CLIP_DEVIATION = 2.0;
    /**
     * A spike must exceed the usual loudest moment of an ordinary day by this factor: social volume
     * has bursts (a retweet storm, a bot) every day that no one wants to be paged for.
     */
    public static final double DEFAULT_DAILY_BURST_FACTOR = 2.0;
    /** How fast the usual loudest moment of a day forgets. */
    public static final Duration DEFAULT_BURST_HALF_LIFE = Duration.ofDays(7);
    /** Whether the cold-start rule ({@link ColdStartRegime}) alerts while the steady-state baseline warms up. */
    public static final boolean DEFAULT_COLD_START = true;
    /**
     * Buckets a series must have been seen before the cold-start rule alerts (30 minutes of
     * one-minute buckets): enough for a first level and noise.
     */
    public static final int DEFAULT_COLD_WARM_UP_BUCKETS = 30;
    /** How fast the cold-start level follows the series: it has no time of day, so it must follow the hours itself. */
    public static final Duration DEFAULT_COLD_LEVEL_HALF_LIFE = Duration.ofHours(1);
    /**
     * Noise deviations at which the cold-start rule scores {@link VolumeScore#ALERT_SCORE}; it is
     * kept conservative by {@link #DEFAULT_COLD_MINIMUM_RATIO} (it knows neither the time of day nor
     * the usual bursts) and by its noise, which never falls below Poisson.
     */
    public static final double DEFAULT_COLD_ALERT_DEVIATION = 5.0;
    /** The cold-start rule alerts only on a bucket at least this many times its expectation. */
    public static final double DEFAULT_COLD_MINIMUM_RATIO = 3.0;
    /** Slots of the time-of-day profile (interpolated between slot centres). */
    public static final int DEFAULT_DAILY_SLOTS = 24;
    /**
     * Besides each bucket alone, the sum over each of these trailing windows is scored against its
     * own expectation and its own residual spread: a surge that stays several times the usual for
     * hours is an event even when no single bucket of it beats the day's usual bursts.
     */
    public static final List<Duration> DEFAULT_SUSTAINED_WINDOWS = List.of(Duration.ofHours(4));
    /**
     * Deviations (of a window's sum, in that window's own residual spread) at which a sustained
     * window scores {@link VolumeScore#ALERT_SCORE}: twice the bucket's bar, because the spread of a
     * window's sum is learned from few independent windows a day and a lasting shift of level must
     * not page anyone.
     */
    public static final double DEFAULT_SUSTAINED_ALERT_DEVIATION = 10.0;

    private final Duration bucketWidth;
    private final ZoneId zone;
    private final double alertDeviation;
    private final Duration levelHalfLife;
    private final Duration seasonalHalfLife;
    private final Duration noiseHalfLife;
    private final Duration warmUp;
    private final Duration flatlineWindow;
    private final double minimumExcess;
    private final double minimumFlatlineExpected;
    private final double learningClipDeviation;
    private final int dailySlots;
    private final double dailyBurstFactor;
    private final Duration burstHalfLife;
    private final boolean coldStart;
    private final int coldWarmUpBuckets;
    private final Duration coldLevelHalfLife;
    private final double coldAlertDeviation;
    private final double coldMinimumRatio;
    private final List<Duration> sustainedWindows;
    private final double sustainedAlertDeviation;

    private VolumeDetectorConfig(Builder builder) {
        this.bucketWidth = builder.bucketWidth;
        this.zone = builder.zone;
        this.alertDeviation = builder.alertDeviation;
        this.levelHalfLife = builder.levelHalfLife;
        this.seasonalHalfLife = builder.seasonalHalfLife;
        this.noiseHalfLife = builder.noiseHalfLife;
        this.warmUp = builder.warmUp;
        this.flatlineWindow = builder.flatlineWindow;
        this.minimumExcess = builder.minimumExcess;
        this.minimumFlatlineExpected = builder.minimumFlatlineExpected;
        this.learningClipDeviation = builder.learningClipDeviation;
        this.dailySlots = builder.dailySlots;
        this.dailyBurstFactor = builder.dailyBurstFactor;
        this.burstHalfLife = builder.burstHalfLife;
        this.coldStart = builder.coldStart;
        this.coldWarmUpBuckets = builder.coldWarmUpBuckets;
        this.coldLevelHalfLife = builder.coldLevelHalfLife;
        this.coldAlertDeviation = builder.coldAlertDeviation;
        this.coldMinimumRatio = builder.coldMinimumRatio;
        this.sustainedWindows = builder.sustainedWindows;
        this.sustainedAlertDeviation = builder.sustainedAlertDeviation;
    }

    public static VolumeDetectorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .bucketWidth(bucketWidth).zone(zone).alertDeviation(alertDeviation).levelHalfLife(levelHalfLife)
                .seasonalHalfLife(seasonalHalfLife).noiseHalfLife(noiseHalfLife).warmUp(warmUp)
                .flatlineWindow(flatlineWindow).minimumExcess(minimumExcess)
                .minimumFlatlineExpected(minimumFlatlineExpected).learningClipDeviation(learningClipDeviation)
                .dailySlots(dailySlots).dailyBurstFactor(dailyBurstFactor).burstHalfLife(burstHalfLife)
                .coldStart(coldStart).coldWarmUpBuckets(coldWarmUpBuckets).coldLevelHalfLife(coldLevelHalfLife)
                .coldAlertDeviation(coldAlertDeviation).coldMinimumRatio(coldMinimumRatio)
                .sustainedWindows(sustainedWindows).sustainedAlertDeviation(sustainedAlertDeviation);
    }

    public Duration bucketWidth() {
        return bucketWidth;
    }

    public ZoneId zone() {
        return zone;
    }

    public double alertDeviation() {
        return alertDeviation;
    }

    public Duration levelHalfLife() {
        return levelHalfLife;
    }

    public Duration seasonalHalfLife() {
        return seasonalHalfLife;
    }

    public Duration noiseHalfLife() {
        return noiseHalfLife;
    }

    public Duration warmUp() {
        return warmUp;
    }

    public Duration flatlineWindow() {
        return flatlineWindow;
    }

    public double minimumExcess() {
        return minimumExcess;
    }

    public double minimumFlatlineExpected() {
        return minimumFlatlineExpected;
    }

    public double learningClipDeviation() {
        return learningClipDeviation;
    }

    public int dailySlots() {
        return dailySlots;
    }

    public double dailyBurstFactor() {
        return dailyBurstFactor;
    }

    public Duration burstHalfLife() {
        return burstHalfLife;
    }

    public boolean coldStart() {
        return coldStart;
    }

    public int coldWarmUpBuckets() {
        return coldWarmUpBuckets;
    }

    public Duration coldLevelHalfLife() {
        return coldLevelHalfLife;
    }

    public double coldAlertDeviation() {
        return coldAlertDeviation;
    }

    public double coldMinimumRatio() {
        return coldMinimumRatio;
    }

    public List<Duration> sustainedWindows() {
        return sustainedWindows;
    }

    public double sustainedAlertDeviation() {
        return sustainedAlertDeviation;
    }

    /** Buckets each sustained window spans, in the order of {@link #sustainedWindows()}. */
    public int[] sustainedBuckets() {
        return sustainedWindows.stream().mapToInt(w -> (int) ceilDiv(w.toMillis(), bucketWidth.toMillis())).toArray();
    }

    /** Buckets the detector keeps in its recent ring: the longest of the flatline and sustained windows. */
    public int recentBuckets() {
        int longest = flatlineBuckets();
        for (int buckets : sustainedBuckets()) {
            longest = Math.max(longest, buckets);
        }
        return longest;
    }

    /** Buckets the flatline window spans (at least one). */
    public int flatlineBuckets() {
        return (int) Math.max(1, ceilDiv(flatlineWindow.toMillis(), bucketWidth.toMillis()));
    }

    /** The per-bucket weight of an exponential average with this half-life. */
    double smoothing(Duration halfLife) {
        return 1 - Math.pow(0.5, (double) bucketWidth.toMillis() / halfLife.toMillis());
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public String toString() {
        return "VolumeDetectorConfig{bucketWidth=" + bucketWidth + ", zone=" + zone + ", alertDeviation=" + alertDeviation
                + ", levelHalfLife=" + levelHalfLife + ", seasonalHalfLife=" + seasonalHalfLife + ", noiseHalfLife="
                + noiseHalfLife + ", warmUp=" + warmUp + ", flatlineWindow=" + flatlineWindow + ", minimumExcess="
                + minimumExcess + ", minimumFlatlineExpected=" + minimumFlatlineExpected + ", learningClipDeviation="
                + learningClipDeviation + ", dailySlots=" + dailySlots + ", dailyBurstFactor=" + dailyBurstFactor + ", burstHalfLife=" + burstHalfLife
                + ", coldStart=" + coldStart + ", coldWarmUpBuckets=" + coldWarmUpBuckets + ", coldLevelHalfLife=" + coldLevelHalfLife
                + ", coldAlertDeviation=" + coldAlertDeviation + ", coldMinimumRatio=" + coldMinimumRatio
                + ", sustainedWindows=" + sustainedWindows + ", sustainedAlertDeviation=" + sustainedAlertDeviation + "}";
    }

    /** Validates every value as it is set; the message names the setting. */
    public static final class Builder {
        private Duration bucketWidth = DEFAULT_BUCKET_WIDTH;
        private ZoneId zone = DEFAULT_ZONE;
        private double alertDeviation = DEFAULT_ALERT_DEVIATION;
        private Duration levelHalfLife = DEFAULT_LEVEL_HALF_LIFE;
        private Duration seasonalHalfLife = DEFAULT_SEASONAL_HALF_LIFE;
        private Duration noiseHalfLife = DEFAULT_NOISE_HALF_LIFE;
        private Duration warmUp = DEFAULT_WARM_UP;
        private Duration flatlineWindow = DEFAULT_FLATLINE_WINDOW;
        private double minimumExcess = DEFAULT_MINIMUM_EXCESS;
        private double minimumFlatlineExpected = DEFAULT_MINIMUM_FLATLINE_EXPECTED;
        private double learningClipDeviation = DEFAULT_LEARNING_CLIP_DEVIATION;
        private int dailySlots = DEFAULT_DAILY_SLOTS;
        private double dailyBurstFactor = DEFAULT_DAILY_BURST_FACTOR;
        private Duration burstHalfLife = DEFAULT_BURST_HALF_LIFE;
        private boolean coldStart = DEFAULT_COLD_START;
        private int coldWarmUpBuckets = DEFAULT_COLD_WARM_UP_BUCKETS;
        private Duration coldLevelHalfLife = DEFAULT_COLD_LEVEL_HALF_LIFE;
        private double coldAlertDeviation = DEFAULT_COLD_ALERT_DEVIATION;
        private double coldMinimumRatio = DEFAULT_COLD_MINIMUM_RATIO;
        private List<Duration> sustainedWindows = DEFAULT_SUSTAINED_WINDOWS;
        private double sustainedAlertDeviation = DEFAULT_SUSTAINED_ALERT_DEVIATION;

        private Builder() {}

        public Builder sustainedAlertDeviation(double value) {
            this.sustainedAlertDeviation = positive("sustainedAlertDeviation", value);
            return this;
        }

        /** Each positive; the check that each spans more than one bucket is made by {@link #build()}. */
        public Builder sustainedWindows(List<Duration> value) {
            Objects.requireNonNull(value, "sustainedWindows");
            for (Duration window : value) {
                positive("sustainedWindows", window);
            }
            this.sustainedWindows = List.copyOf(value);
            return this;
        }

        /** Must divide a day evenly, so every day has the same buckets. */
        public Builder bucketWidth(Duration value) {
            positive("bucketWidth", value);
            if (Duration.ofDays(1).toMillis() % value.toMillis() != 0) {
                throw new IllegalArgumentException("bucketWidth must divide a day evenly, got " + value);
            }
            this.bucketWidth = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        public Builder alertDeviation(double value) {
            this.alertDeviation = positive("alertDeviation", value);
            return this;
        }

        public Builder levelHalfLife(Duration value) {
            this.levelHalfLife = positive("levelHalfLife", value);
            return this;
        }

        public Builder seasonalHalfLife(Duration value) {
            this.seasonalHalfLife = positive("seasonalHalfLife", value);
            return this;
        }

        public Builder noiseHalfLife(Duration value) {
            this.noiseHalfLife = positive("noiseHalfLife", value);
            return this;
        }

        /** Zero disables the warm-up (not advised outside tests). */
        public Builder warmUp(Duration value) {
            Objects.requireNonNull(value, "warmUp");
            if (value.isNegative()) {
                throw new IllegalArgumentException("warmUp must not be negative, got " + value);
            }
            this.warmUp = value;
            return this;
        }

        public Builder flatlineWindow(Duration value) {
            this.flatlineWindow = positive("flatlineWindow", value);
            return this;
        }

        public Builder minimumExcess(double value) {
            this.minimumExcess = notNegative("minimumExcess", value);
            return this;
        }

        public Builder minimumFlatlineExpected(double value) {
            this.minimumFlatlineExpected = notNegative("minimumFlatlineExpected", value);
            return this;
        }

        public Builder learningClipDeviation(double value) {
            this.learningClipDeviation = positive("learningClipDeviation", value);
            return this;
        }

        public Builder dailySlots(int value) {
            if (value < 1 || value > 24 * 60) {
                throw new IllegalArgumentException("dailySlots must be between 1 and 1440, got " + value);
            }
            this.dailySlots = value;
            return this;
        }

        /** 0 disables the comparison with the usual daily bursts (only {@code alertDeviation} counts). */
        public Builder dailyBurstFactor(double value) {
            this.dailyBurstFactor = notNegative("dailyBurstFactor", value);
            return this;
        }

        public Builder burstHalfLife(Duration value) {
            this.burstHalfLife = positive("burstHalfLife", value);
            return this;
        }

        /** False: nothing alerts while the steady-state baseline warms up. */
        public Builder coldStart(boolean value) {
            this.coldStart = value;
            return this;
        }

        public Builder coldWarmUpBuckets(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("coldWarmUpBuckets must be at least 1, got " + value);
            }
            this.coldWarmUpBuckets = value;
            return this;
        }

        public Builder coldLevelHalfLife(Duration value) {
            this.coldLevelHalfLife = positive("coldLevelHalfLife", value);
            return this;
        }

        public Builder coldAlertDeviation(double value) {
            this.coldAlertDeviation = positive("coldAlertDeviation", value);
            return this;
        }

        /** At least 1: a cold-start spike is never below its expectation. */
        public Builder coldMinimumRatio(double value) {
            if (!(value >= 1) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("coldMinimumRatio must be a number >= 1, got " + value);
            }
            this.coldMinimumRatio = value;
            return this;
        }

        /** Also checks the settings against each other. */
        public VolumeDetectorConfig build() {
            if (flatlineWindow.compareTo(bucketWidth) < 0) {
                throw new IllegalArgumentException("flatlineWindow (" + flatlineWindow + ") must be at least bucketWidth (" + bucketWidth + ")");
            }
            for (Duration window : sustainedWindows) {
                if (window.compareTo(bucketWidth.multipliedBy(2)) < 0) {
                    throw new IllegalArgumentException("sustainedWindows: " + window + " must span at least two buckets of " + bucketWidth);
                }
            }
            return new VolumeDetectorConfig(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static double positive(String name, double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be a positive number, got " + value);
            }
            return value;
        }

        private static double notNegative(String name, double value) {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be zero or more, got " + value);
            }
            return value;
        }
    }
}
