package io.spikewatch.spikes;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * A causal, online anomaly scorer for one count series of fixed-width buckets (posts per minute
 * of one entity, say), fed bucket by bucket in time order. The logic lives here and is stateless;
 * everything it remembers is in a {@link VolumeDetectorState} the caller keeps (in Flink: keyed
 * state), so one detector serves every series.
 *
 * <p><b>Baseline.</b> The expected count of a bucket is {@code level × daily(time of day) ×
 * weekly(weekday)}: a level that follows the deseasonalized series with an exponential average
 * ({@code levelHalfLife}) and two multiplicative profiles learned online with their own averages
 * ({@code seasonalHalfLife}): 24 hourly slots and 7 days, both interpolated between slot centres.
 * A profile slot is trusted gradually, fully after 2 days (time of day) and 2 weeks (weekday) of
 * data; before that the expectation falls back on the level alone. The baseline learns from a
 * bucket only up to {@code learningClipDeviation} noise deviations away from what it expected, so
 * a spike does not lift its own baseline (a lasting change of level is still followed, slower).
 *
 * <p><b>Noise.</b> Counts are compared on the Anscombe scale {@code 2·sqrt(x + 3/8)}, where Poisson
 * noise has a standard deviation of 1 whatever the count: a jump from 3 to 9 is 2.4 deviations, one
 * from 30 to 90 is 8. Real series are noisier than Poisson, so the deviation is divided by the
 * observed residual spread (an exponential average of squared, clipped residuals, {@code
 * noiseHalfLife}), never by less than the Poisson one. This makes the detector indifferent to the
 * scale of the series (5 posts a bucket or 5,000).
 *
 * <p><b>Score.</b> Upward, the deviation {@code z} of the bucket itself; downward (a flatline), the
 * deviation of the sum of the last {@code flatlineWindow} against the sum expected, so that one
 * quiet bucket is not an outage. The score is {@code |z| / (|z| + level)}: 0.5 exactly at the
 * alert level, approaching 1 as the evidence grows. Downward the level is {@code alertDeviation};
 * upward it is also at least {@code dailyBurstFactor} times the usual loudest moment of a day (an
 * average of each day's largest deviation, {@code burstHalfLife}, a day counting for at most twice
 * the usual): social volume has bursts every day (a retweet storm, a bot) that the noise model
 * cannot call unlikely but that nobody wants to be paged for. Upward, each of the {@code
 * sustainedWindows} (4 hours by default) is also scored: the sum of its buckets against the sum of
 * their expectations, divided by that window's own residual spread (learned like the bucket's), at
 * {@code sustainedAlertDeviation}; the score is the larger. A surge several times the usual that
 * lasts for hours is an event even when no bucket of it beats the usual daily burst (those are
 * minutes long and vanish in a window's sum), and the window's spread, which carries every slow
 * misfit of the baseline, keeps ordinary drift from counting. The windows alert only once the
 * time-of-day profile is trusted ({@link #SUSTAINED_ARMED_AFTER_DAYS}): before, the daily cycle
 * itself looks like a surge. The score's {@code deviation} stays the bucket's own.
 * It stays below 0.5 when a spike has fewer than {@code minimumExcess} posts above the expectation, and when a
 * flatline had fewer than {@code minimumFlatlineExpected} posts expected (0 posts against 0
 * expected is never anything) or kept more than half of them (a dip is not an outage).
 *
 * <p><b>Cold start.</b> While the baseline warms up ({@code warmUp}, a day), the score is that of
 * {@link ColdStartRegime}: a separate, conservative, upward-only rule with its own short-memory
 * level and noise (state fields {@code cold*}), trusted after {@code coldWarmUpBuckets} buckets. It
 * never feeds the baseline, the noise or the usual daily burst, so from the end of the warm-up on
 * the scores are exactly those of a detector without it. Such scores carry {@code warmingUp}.
 *
 * <p><b>Gaps.</b> A bucket missing between two observed ones counts as zero posts (a count series
 * with a hole in it had nothing to count); the baseline learns from it, but no score is returned
 * for it: a caller that must see outages as they happen emits its empty buckets itself.
 */
public final class VolumeDetector implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Days of data after which a time-of-day slot is fully trusted. */
    static final double DAILY_FULL_TRUST_DAYS = 2;
    /** Weeks of data after which a weekday is fully trusted. */
    static final double WEEKLY_FULL_TRUST_WEEKS = 2;
    /** Added to both sides of a seasonal ratio, so near-empty buckets do not swing the profiles. */
    private static final double RATIO_PSEUDO_COUNT = 0.5;
    /** Gaps longer than this are filled only for their last part: older history would have faded anyway. */
    private static final Duration MAX_GAP_FILL = Duration.ofDays(14);
    private static final int DAYS_PER_WEEK = 7;
    /** A flatline is a collapse: at most this share of the expected posts arrived over its window. */
    static final double FLATLINE_MAX_SHARE = 0.5;
    /** A day's loudest moment counts for at most this many times the usual one when learning it. */
    private static final double BURST_LEARNING_CAP = 2;
    /** The longest run of recent buckets a score may sum (the cold-start rule's scan). */
    public static final int MAX_RUN_BUCKETS = 3;
    /**
     * Whole days after which the sustained windows may alert: until the time-of-day profile is
     * trusted, the daily cycle itself looks like a surge lasting hours.
     */
    static final int SUSTAINED_ARMED_AFTER_DAYS = (int) Math.ceil(DAILY_FULL_TRUST_DAYS) + 1;
    /** The highest score below {@link VolumeScore#ALERT_SCORE}, for buckets that must not alert. */
    static final double BELOW_ALERT = Math.nextDown(VolumeScore.ALERT_SCORE);

    private final VolumeDetectorConfig config;
    private final long bucketMillis;
    private final double levelSmoothing;
    private final double noiseSmoothing;
    private final double dailySmoothing;
    private final double weeklySmoothing;
    private final double dailyEvidencePerBucket;
    private final double weeklyEvidencePerBucket;
    private final double dailyDecay;
    private final double weeklyDecay;
    private final double burstSmoothing;
    private final ColdStartRegime coldStart;
    private final int[] sustainedBuckets;

    public VolumeDetector(VolumeDetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.bucketMillis = config.bucketWidth().toMillis();
        double bucketsPerDay = (double) Duration.ofDays(1).toMillis() / bucketMillis;
        double seasonalHalfLifeDays = config.seasonalHalfLife().toMillis() / (double) Duration.ofDays(1).toMillis();
        this.levelSmoothing = config.smoothing(config.levelHalfLife());
        this.noiseSmoothing = config.smoothing(config.noiseHalfLife());
        // A time-of-day slot sees bucketsPerDay / slots buckets a day, a weekday bucketsPerDay a week:
        // each day (week) of data moves its slot by the weight the half-life gives one day (week).
        double dailyObservationsPerCycle = bucketsPerDay / config.dailySlots();
        this.dailySmoothing = 1 - Math.pow(0.5, 1 / (seasonalHalfLifeDays * dailyObservationsPerCycle));
        this.weeklySmoothing = 1 - Math.pow(0.5, DAYS_PER_WEEK / (seasonalHalfLifeDays * bucketsPerDay));
        this.dailyEvidencePerBucket = 1 / dailyObservationsPerCycle;
        this.weeklyEvidencePerBucket = 1 / bucketsPerDay;
        this.dailyDecay = Math.pow(0.5, 1 / (seasonalHalfLifeDays * dailyObservationsPerCycle));
        this.weeklyDecay = Math.pow(0.5, DAYS_PER_WEEK / (seasonalHalfLifeDays * bucketsPerDay));
        this.burstSmoothing = 1 - Math.pow(0.5, Duration.ofDays(1).toMillis() / (double) config.burstHalfLife().toMillis());
        this.coldStart = config.coldStart() ? new ColdStartRegime(config) : null;
        this.sustainedBuckets = config.sustainedBuckets();
    }

    public VolumeDetectorConfig config() {
        return config;
    }

    /**
     * Scores the bucket starting at {@code bucketStart} holding {@code value} posts, then learns from
     * it. Buckets must come in time order, each a whole number of bucket widths after the previous.
     *
     * @throws IllegalArgumentException for a negative or non-finite value, or a bucket out of order or off the grid
     */
    public VolumeScore observe(VolumeDetectorState state, Instant bucketStart, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a bucket count must be a finite number >= 0, got " + value + " at " + bucketStart);
        }
        long millis = bucketStart.toEpochMilli();
        if (state.buckets == 0) {
            initialize(state, millis, value);
        } else {
            long elapsed = millis - state.lastBucketMillis;
            if (elapsed <= 0 || elapsed % bucketMillis != 0) {
                throw new IllegalArgumentException("bucket " + bucketStart + " does not follow the previous one ("
                        + Instant.ofEpochMilli(state.lastBucketMillis) + ") by a whole number of " + config.bucketWidth());
            }
            long missing = elapsed / bucketMillis - 1;
            long fill = Math.min(missing, MAX_GAP_FILL.toMillis() / bucketMillis);
            state.lastBucketMillis += (missing - fill) * bucketMillis;
            for (long k = 0; k < fill; k++) {
                step(state, 0, false);
            }
        }
        return step(state, value, true);
    }

    private void initialize(VolumeDetectorState state, long millis, double value) {
        state.firstBucketMillis = millis;
        state.lastBucketMillis = millis - bucketMillis;
        state.level = value;
        state.residualVariance = 1;
        state.daily = filled(config.dailySlots(), 1);
        state.dailyEvidence = new double[config.dailySlots()];
        state.weekly = filled(DAYS_PER_WEEK, 1);
        state.weeklyEvidence = new double[DAYS_PER_WEEK];
        state.recentValues = new double[config.recentBuckets()];
        state.recentExpected = new double[config.recentBuckets()];
        state.sustainedResidualVariance = filled(sustainedBuckets.length, 1);
        state.recentNext = 0;
        state.day = Instant.ofEpochMilli(millis).atZone(config.zone()).toLocalDate().toEpochDay();
        state.dayMaxDeviation = 0;
        state.typicalDayMaxDeviation = 0;
        state.daysCompleted = 0;
    }

    /** Scores (when asked) and learns one bucket, which must be the one right after the last. */
    private VolumeScore step(VolumeDetectorState state, double value, boolean score) {
        long millis = state.lastBucketMillis + bucketMillis;
        ZonedDateTime time = Instant.ofEpochMilli(millis).atZone(config.zone());
        double dayPosition = time.toLocalTime().toSecondOfDay() / (86400.0 / config.dailySlots());
        double weekPosition = (time.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())
                + time.toLocalTime().toSecondOfDay() / 86400.0;

        double daily = CyclicProfile.factor(state.daily, state.dailyEvidence, dayPosition, DAILY_FULL_TRUST_DAYS);
        double weekly = CyclicProfile.factor(state.weekly, state.weeklyEvidence, weekPosition, WEEKLY_FULL_TRUST_WEEKS);
        double expected = state.level * daily * weekly;
        double noise = Math.sqrt(Math.max(1.0, state.residualVariance));
        double residual = anscombe(value) - anscombe(expected);
        double deviation = residual / noise;

        // the recent ring, for the flatline sum
        state.recentValues[state.recentNext] = value;
        state.recentExpected[state.recentNext] = expected;
        state.recentNext = (state.recentNext + 1) % state.recentValues.length;

        int scales = sustainedBuckets.length;
        double[] sustainedResidual = new double[scales];
        double[] sustainedDeviation = new double[scales];
        double[] sustainedExcess = new double[scales];
        boolean[] sustainedReady = new boolean[scales];
        for (int s = 0; s < scales; s++) {
            int k = sustainedBuckets[s];
            sustainedReady[s] = state.buckets + 1 >= k;
            double sumValues = 0;
            double sumExpected = 0;
            for (int j = 1; j <= k; j++) {
                int index = Math.floorMod(state.recentNext - j, state.recentValues.length);
                sumValues += state.recentValues[index];
                sumExpected += state.recentExpected[index];
            }
            sustainedResidual[s] = anscombe(sumValues) - anscombe(sumExpected);
            sustainedDeviation[s] = sustainedResidual[s] / Math.sqrt(Math.max(1.0, state.sustainedResidualVariance[s]));
            sustainedExcess[s] = sumValues - sumExpected;
        }

        boolean warmingUp = millis - state.firstBucketMillis < config.warmUp().toMillis();
        ColdStartRegime.Assessment cold = warmingUp && coldStart != null ? coldStart.observe(state, state.buckets, value) : null;
        rollDay(state, time.toLocalDate().toEpochDay());
        VolumeScore result = score
                ? score(state, millis, value, expected, deviation, noise, warmingUp, cold, sustainedDeviation, sustainedExcess, sustainedReady)
                : null;
        state.dayMaxDeviation = Math.max(state.dayMaxDeviation, deviation);
        for (int s = 0; s < scales; s++) {
            if (sustainedReady[s]) {
                double sustainedClip = config.learningClipDeviation() * Math.sqrt(Math.max(1.0, state.sustainedResidualVariance[s]));
                double clippedSustained = Math.max(-sustainedClip, Math.min(sustainedClip, sustainedResidual[s]));
                state.sustainedResidualVariance[s] += noiseSmoothing * (clippedSustained * clippedSustained - state.sustainedResidualVariance[s]);
            }
        }

        // learn, from a value clipped to a plausible range around the expectation
        double clip = config.learningClipDeviation() * noise;
        double clippedResidual = Math.max(-clip, Math.min(clip, residual));
        double learned = inverseAnscombe(anscombe(expected) + clippedResidual);
        state.residualVariance += noiseSmoothing * (clippedResidual * clippedResidual - state.residualVariance);
        double levelBefore = state.level;
        state.level += levelSmoothing * (learned / (daily * weekly) - state.level);
        CyclicProfile.update(state.daily, state.dailyEvidence, dayPosition,
                (learned + RATIO_PSEUDO_COUNT) / (levelBefore * weekly + RATIO_PSEUDO_COUNT),
                dailySmoothing, dailyEvidencePerBucket, dailyDecay);
        CyclicProfile.update(state.weekly, state.weeklyEvidence, weekPosition,
                (learned + RATIO_PSEUDO_COUNT) / (levelBefore * daily + RATIO_PSEUDO_COUNT),
                weeklySmoothing, weeklyEvidencePerBucket, weeklyDecay);
        state.lastBucketMillis = millis;
        state.buckets++;
        return result;
    }

    /** On a new day, folds the loudest moment of the day before into the usual one (capped, so one huge spike weighs little). */
    private void rollDay(VolumeDetectorState state, long day) {
        if (day == state.day) {
            return;
        }
        state.typicalDayMaxDeviation = foldDay(state, state.typicalDayMaxDeviation, state.dayMaxDeviation);
        state.daysCompleted++;
        state.day = day;
        state.dayMaxDeviation = 0;
    }

    /** The usual loudest moment after a day whose loudest was {@code dayMax}. */
    private double foldDay(VolumeDetectorState state, double typical, double dayMax) {
        if (state.daysCompleted == 0) {
            return dayMax;
        }
        double capped = Math.min(dayMax, BURST_LEARNING_CAP * typical);
        return typical + burstSmoothing * (capped - typical);
    }

    /** The upward deviation that scores {@link VolumeScore#ALERT_SCORE}, given the usual loudest moment of a day. */
    private double alertLevel(VolumeDetectorState state, double typicalDayMax) {
        double burst = state.daysCompleted == 0 ? 0 : config.dailyBurstFactor() * typicalDayMax;
        return Math.max(config.alertDeviation(), burst);
    }

    private VolumeScore score(VolumeDetectorState state, long millis, double value, double expected, double deviation, double noise,
            boolean warmingUp, ColdStartRegime.Assessment cold, double[] sustainedDeviation, double[] sustainedExcess,
            boolean[] sustainedReady) {
        if (cold != null) {
            // the steady-state baseline is not trusted yet: the cold-start rule decides, upward only
            return new VolumeScore(Instant.ofEpochMilli(millis), value, cold.expected(), cold.deviation(), SpikeKind.VOLUME,
                    cold.score(), true, cold.buckets());
        }
        double sumValues = 0;
        double sumExpected = 0;
        int flatlineBuckets = config.flatlineBuckets();
        for (int j = 1; j <= flatlineBuckets; j++) {
            int index = Math.floorMod(state.recentNext - j, state.recentValues.length);
            sumValues += state.recentValues[index];
            sumExpected += state.recentExpected[index];
        }
        double flatlineDeviation = Math.min(0, (anscombe(sumValues) - anscombe(sumExpected)) / noise);

        double upScore = deviation > 0 ? deviation / (deviation + alertLevel(state, state.typicalDayMaxDeviation)) : 0;
        if (value - expected < config.minimumExcess()) {
            upScore = Math.min(upScore, BELOW_ALERT);
        }
        for (int s = 0; s < sustainedDeviation.length; s++) {
            double d = sustainedDeviation[s];
            if (!sustainedReady[s] || !(d > 0) || state.daysCompleted < SUSTAINED_ARMED_AFTER_DAYS) {
                continue;
            }
            double sustainedScore = d / (d + config.sustainedAlertDeviation());
            if (sustainedExcess[s] < config.minimumExcess()) {
                sustainedScore = Math.min(sustainedScore, BELOW_ALERT);
            }
            upScore = Math.max(upScore, sustainedScore);
        }
        boolean ringFull = state.buckets + 1 >= flatlineBuckets;
        double downScore = -flatlineDeviation / (-flatlineDeviation + config.alertDeviation());
        if (sumExpected < config.minimumFlatlineExpected() || !ringFull || sumValues > FLATLINE_MAX_SHARE * sumExpected) {
            downScore = Math.min(downScore, BELOW_ALERT);
        }
        SpikeKind kind = downScore > upScore ? SpikeKind.FLATLINE : SpikeKind.VOLUME;
        double score = Math.max(upScore, downScore);
        if (warmingUp) {
            score = Math.min(score, BELOW_ALERT);
        }
        return new VolumeScore(Instant.ofEpochMilli(millis), value, expected,
                kind == SpikeKind.FLATLINE ? flatlineDeviation : deviation, kind, score, warmingUp);
    }

    private static double anscombe(double count) {
        return Anscombe.of(count);
    }

    private static double inverseAnscombe(double transformed) {
        return Anscombe.inverse(transformed);
    }

    private static double[] filled(int length, double value) {
        double[] array = new double[length];
        Arrays.fill(array, value);
        return array;
    }
}
