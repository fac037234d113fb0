package io.spikewatch.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class VolumeDetectorTest {

    private static final Instant MONDAY = Instant.parse("2024-08-05T00:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final int PER_DAY_5M = 288;

    private static VolumeDetector detector(Duration bucket) {
        return new VolumeDetector(VolumeDetectorConfig.builder().bucketWidth(bucket).build());
    }

    /** Feeds {@code buckets} Poisson counts of the given mean (by bucket index) and returns the scores. */
    private static List<VolumeScore> feed(VolumeDetector detector, VolumeDetectorState state, Duration bucket, int from, int buckets,
            DoubleUnaryOperator mean, PoissonSeries noise) {
        List<VolumeScore> scores = new ArrayList<>();
        for (int i = from; i < from + buckets; i++) {
            scores.add(detector.observe(state, MONDAY.plus(bucket.multipliedBy(i)), noise.next(mean.applyAsDouble(i))));
        }
        return scores;
    }

    @Test
    void aDetectorRestoredFromACopyOfItsStateScoresExactlyLikeOneThatNeverStopped() throws Exception {
        VolumeDetector detector = detector(FIVE_MINUTES);
        DoubleUnaryOperator mean = i -> 20 + 15 * Math.sin(2 * Math.PI * i / PER_DAY_5M) + (i % 700 >= 650 && i % 700 < 653 ? 400 : 0);
        VolumeDetectorState uninterrupted = new VolumeDetectorState();
        List<VolumeScore> expected = feed(detector, uninterrupted, FIVE_MINUTES, 0, 4 * PER_DAY_5M, mean, new PoissonSeries(7));

        VolumeDetectorState first = new VolumeDetectorState();
        PoissonSeries noise = new PoissonSeries(7);
        List<VolumeScore> actual = new ArrayList<>(feed(detector, first, FIVE_MINUTES, 0, 2 * PER_DAY_5M + 17, mean, noise));
        VolumeDetectorState restored = copyPublicFields(first);
        actual.addAll(feed(new VolumeDetector(detector.config()), restored, FIVE_MINUTES, 2 * PER_DAY_5M + 17, 2 * PER_DAY_5M - 17, mean, noise));

        assertThat(actual).isEqualTo(expected);
        assertThat(expected).anyMatch(VolumeScore::alertWorthy);
    }

    /** A copy through the public fields only, as Flink's POJO serializer makes it. */
    private static VolumeDetectorState copyPublicFields(VolumeDetectorState state) throws Exception {
        VolumeDetectorState copy = VolumeDetectorState.class.getConstructor().newInstance();
        for (Field field : VolumeDetectorState.class.getFields()) {
            Object value = field.get(state);
            field.set(copy, value instanceof double[] array ? array.clone() : value);
        }
        return copy;
    }

    @Test
    void theStatesArePojosOfPrimitivesOnly() throws Exception {
        for (Class<?> type : List.of(VolumeDetectorState.class, EpisodeTrackerState.class)) {
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
            for (Field field : type.getDeclaredFields()) {
                assertThat(Modifier.isPublic(field.getModifiers()) && !Modifier.isStatic(field.getModifiers()))
                        .as(type.getSimpleName() + "." + field.getName()).isTrue();
                Class<?> fieldType = field.getType().isArray() ? field.getType().getComponentType() : field.getType();
                assertThat(fieldType.isPrimitive()).as(type.getSimpleName() + "." + field.getName()).isTrue();
            }
        }
    }

    @Test
    void aJumpFromThreeToNineIsNoSpikeButOneFromThirtyToNinetyIs() {
        for (double[] jump : new double[][] {{3, 9, 0}, {30, 90, 1}}) {
            VolumeDetector detector = detector(FIVE_MINUTES);
            VolumeDetectorState state = new VolumeDetectorState();
            List<VolumeScore> quiet = feed(detector, state, FIVE_MINUTES, 0, 3 * PER_DAY_5M, i -> jump[0], new PoissonSeries(11));
            assertThat(quiet).noneMatch(VolumeScore::alertWorthy);
            VolumeScore score = detector.observe(state, MONDAY.plus(FIVE_MINUTES.multipliedBy(3 * PER_DAY_5M)), jump[1]);
            assertThat(score.alertWorthy()).as("%s -> %s", jump[0], jump[1]).isEqualTo(jump[2] == 1);
            assertThat(score.kind()).isEqualTo(SpikeKind.VOLUME);
            assertThat(score.expected()).isBetween(jump[0] * 0.8, jump[0] * 1.2);
        }
    }

    @Test
    void theScaleOfAFlatSeriesDoesNotMatterForNoiseNorForATenfoldSpike() {
        for (double level : new double[] {5, 5000}) {
            VolumeDetector detector = detector(FIVE_MINUTES);
            VolumeDetectorState state = new VolumeDetectorState();
            DoubleUnaryOperator daily = i -> level;
            List<VolumeScore> quiet = feed(detector, state, FIVE_MINUTES, 0, 5 * PER_DAY_5M, daily, new PoissonSeries(3));
            assertThat(quiet).as("level %s", level).noneMatch(VolumeScore::alertWorthy);
            int at = 5 * PER_DAY_5M;
            VolumeScore spike = detector.observe(state, MONDAY.plus(FIVE_MINUTES.multipliedBy(at)), 10 * daily.applyAsDouble(at));
            assertThat(spike.alertWorthy()).as("level %s", level).isTrue();
        }
    }

    @Test
    void zeroPostsAgainstZeroExpectedIsNeverAnything() {
        VolumeDetector detector = detector(Duration.ofMinutes(1));
        VolumeDetectorState state = new VolumeDetectorState();
        List<VolumeScore> scores = feed(detector, state, Duration.ofMinutes(1), 0, 3 * 1440, i -> 0, new PoissonSeries(1));
        assertThat(scores).allMatch(s -> s.score() == 0 && s.expected() == 0 && !s.alertWorthy());
    }

    @Test
    void aCollapseBelowASolidBaselineIsAFlatlineButOneQuietBucketIsNot() {
        Duration minute = Duration.ofMinutes(1);
        VolumeDetector detector = detector(minute);
        VolumeDetectorState state = new VolumeDetectorState();
        feed(detector, state, minute, 0, 2 * 1440, i -> 40, new PoissonSeries(5));
        VolumeScore oneQuiet = detector.observe(state, MONDAY.plus(minute.multipliedBy(2 * 1440)), 0);
        assertThat(oneQuiet.alertWorthy()).isFalse();
        feed(detector, state, minute, 2 * 1440 + 1, 30, i -> 40, new PoissonSeries(6));
        List<VolumeScore> outage = feed(detector, state, minute, 2 * 1440 + 31, 10, i -> 0, new PoissonSeries(7));
        VolumeScore last = outage.get(outage.size() - 1);
        assertThat(last.alertWorthy()).isTrue();
        assertThat(last.kind()).isEqualTo(SpikeKind.FLATLINE);
        assertThat(last.deviation()).isNegative();
    }

    @Test
    void withoutTheColdStartRuleNothingAlertsWhileWarmingUp() {
        VolumeDetector detector = new VolumeDetector(VolumeDetectorConfig.builder().bucketWidth(FIVE_MINUTES).coldStart(false).build());
        VolumeDetectorState state = new VolumeDetectorState();
        feed(detector, state, FIVE_MINUTES, 0, 100, i -> 20, new PoissonSeries(9));
        VolumeScore spike = detector.observe(state, MONDAY.plus(FIVE_MINUTES.multipliedBy(100)), 2000);
        assertThat(spike.warmingUp()).isTrue();
        assertThat(spike.alertWorthy()).isFalse();
    }

    @Test
    void theColdStartRuleAlertsOnAClearSpikeAfterItsShortWarmUpButNotBefore() {
        Duration minute = Duration.ofMinutes(1);
        VolumeDetector detector = detector(minute);
        VolumeDetectorState state = new VolumeDetectorState();
        int warmUp = VolumeDetectorConfig.DEFAULT_COLD_WARM_UP_BUCKETS;
        List<VolumeScore> quiet = feed(detector, state, minute, 0, warmUp - 1, i -> 8, new PoissonSeries(21));
        assertThat(quiet).noneMatch(VolumeScore::alertWorthy);
        VolumeScore tooEarly = detector.observe(state, MONDAY.plus(minute.multipliedBy(warmUp - 1)), 80);
        assertThat(tooEarly.alertWorthy()).isFalse();
        feed(detector, state, minute, warmUp, 20, i -> 8, new PoissonSeries(22));
        VolumeScore burst = detector.observe(state, MONDAY.plus(minute.multipliedBy(warmUp + 20)), 80);
        assertThat(burst.warmingUp()).isTrue();
        assertThat(burst.alertWorthy()).isTrue();
        assertThat(burst.expected()).isBetween(6.0, 11.0);
        // a drop is no flatline during the cold start: the time of day is not known yet
        List<VolumeScore> evening = feed(detector, state, minute, warmUp + 21, 120, i -> 1, new PoissonSeries(23));
        assertThat(evening).noneMatch(VolumeScore::alertWorthy);
    }

    @Test
    void theColdStartRuleSumsABurstThatBuildsOverMinutesButNotASpikeGoneBy() {
        Duration minute = Duration.ofMinutes(1);
        VolumeDetector detector = detector(minute);
        VolumeDetectorState state = new VolumeDetectorState();
        // a tracked name nobody mentions for an hour, then 2 and 4 posts: neither minute alone has
        // the minimum excess of 5 posts, the two together are far beyond chance
        feed(detector, state, minute, 0, 60, i -> 0, new PoissonSeries(41));
        VolumeScore first = detector.observe(state, MONDAY.plus(minute.multipliedBy(60)), 2);
        VolumeScore second = detector.observe(state, MONDAY.plus(minute.multipliedBy(61)), 4);
        assertThat(first.alertWorthy()).isFalse();
        assertThat(second.alertWorthy()).isTrue();
        assertThat(second.buckets()).isEqualTo(2);
        assertThat(second.deviation()).isGreaterThan(VolumeDetectorConfig.DEFAULT_COLD_ALERT_DEVIATION);
        // once it is over, the sum of the burst with the quiet minute after it is no new evidence
        VolumeScore after = detector.observe(state, MONDAY.plus(minute.multipliedBy(62)), 0);
        assertThat(after.alertWorthy()).isFalse();
    }

    @Test
    void theColdStartRuleLeavesTheSteadyStateBaselineAsItWouldBeWithoutIt() {
        VolumeDetector with = detector(FIVE_MINUTES);
        VolumeDetector without = new VolumeDetector(VolumeDetectorConfig.builder().bucketWidth(FIVE_MINUTES).coldStart(false).build());
        VolumeDetectorState a = new VolumeDetectorState();
        VolumeDetectorState b = new VolumeDetectorState();
        List<VolumeScore> sa = feed(with, a, FIVE_MINUTES, 0, 3 * 288, i -> i == 100 ? 400 : 20, new PoissonSeries(31));
        List<VolumeScore> sb = feed(without, b, FIVE_MINUTES, 0, 3 * 288, i -> i == 100 ? 400 : 20, new PoissonSeries(31));
        assertThat(a.level).isEqualTo(b.level);
        assertThat(a.typicalDayMaxDeviation).isEqualTo(b.typicalDayMaxDeviation);
        assertThat(sa.get(100).alertWorthy()).isTrue();
        assertThat(sa.subList(288, sa.size())).isEqualTo(sb.subList(288, sb.size()));
    }

    @Test
    void learnsTheTimeOfDaySoTheDailyPeakIsNoSpike() {
        VolumeDetector detector = detector(FIVE_MINUTES);
        VolumeDetectorState state = new VolumeDetectorState();
        // quiet nights, an afternoon twice as busy
        DoubleUnaryOperator daily = i -> (i % PER_DAY_5M) >= 150 && (i % PER_DAY_5M) < 220 ? 40 : 20;
        List<VolumeScore> scores = feed(detector, state, FIVE_MINUTES, 0, 14 * PER_DAY_5M, daily, new PoissonSeries(13));
        assertThat(scores).noneMatch(VolumeScore::alertWorthy);
        VolumeScore afternoon = scores.get(13 * PER_DAY_5M + 185);
        VolumeScore night = scores.get(13 * PER_DAY_5M + 20);
        assertThat(afternoon.expected()).isBetween(32.0, 48.0);
        assertThat(night.expected()).isBetween(16.0, 24.0);
    }

    /** Level 20 with one bucket of 200 every afternoon (the usual daily burst), and from {@code surgeFrom} on three times the level. */
    private static List<VolumeScore> dailyBurstsThenASurge(VolumeDetectorConfig config, int surgeFrom) {
        DoubleUnaryOperator mean = i -> i >= surgeFrom ? 60 : (i % PER_DAY_5M) == 170 ? 200 : 20;
        return feed(new VolumeDetector(config), new VolumeDetectorState(), FIVE_MINUTES, 0, surgeFrom + 4 * 12, mean, new PoissonSeries(17));
    }

    @Test
    void aSurgeThatLastsHoursAlertsThoughNoBucketOfItBeatsTheUsualDailyBurst() {
        int surgeFrom = 8 * PER_DAY_5M + 40;
        VolumeDetectorConfig defaults = VolumeDetectorConfig.builder().bucketWidth(FIVE_MINUTES).build();
        List<VolumeScore> scores = dailyBurstsThenASurge(defaults, surgeFrom);
        assertThat(scores.subList(0, surgeFrom)).noneMatch(s -> s.alertWorthy() && !s.warmingUp());
        List<VolumeScore> surge = scores.subList(surgeFrom, scores.size());
        int first = -1;
        for (int i = 0; i < surge.size() && first < 0; i++) {
            first = surge.get(i).alertWorthy() ? i : -1;
        }
        // caught within its first two hours, by the window sum: the bucket itself is far below the daily burst
        assertThat(first).isBetween(1, 24);
        assertThat(surge.get(first).kind()).isEqualTo(SpikeKind.VOLUME);
        assertThat(surge.get(first).deviation()).isLessThan(10);

        List<VolumeScore> bucketsOnly = dailyBurstsThenASurge(defaults.toBuilder().sustainedWindows(List.of()).build(), surgeFrom);
        assertThat(bucketsOnly.subList(surgeFrom, bucketsOnly.size())).noneMatch(VolumeScore::alertWorthy);
    }

    @Test
    void theDailyCycleIsNoSustainedSurgeWhileTheTimeOfDayIsStillBeingLearned() {
        // the afternoon doubles for hours every day: before the profile is trusted, that is exactly
        // what a sustained surge looks like, so the windows wait for it
        DoubleUnaryOperator daily = i -> (i % PER_DAY_5M) >= 150 && (i % PER_DAY_5M) < 220 ? 40 : 20;
        List<VolumeScore> scores = feed(detector(FIVE_MINUTES), new VolumeDetectorState(), FIVE_MINUTES, 0, 4 * PER_DAY_5M, daily,
                new PoissonSeries(13));
        assertThat(scores).noneMatch(VolumeScore::alertWorthy);
    }

    @Test
    void aMissingBucketCountsAsZeroPosts() {
        VolumeDetector detector = detector(FIVE_MINUTES);
        VolumeDetectorState withGap = new VolumeDetectorState();
        VolumeDetectorState withZeros = new VolumeDetectorState();
        detector.observe(withGap, MONDAY, 10);
        detector.observe(withZeros, MONDAY, 10);
        for (int i = 1; i < 5; i++) {
            detector.observe(withZeros, MONDAY.plus(FIVE_MINUTES.multipliedBy(i)), 0);
        }
        VolumeScore afterGap = detector.observe(withGap, MONDAY.plus(FIVE_MINUTES.multipliedBy(5)), 10);
        VolumeScore afterZeros = detector.observe(withZeros, MONDAY.plus(FIVE_MINUTES.multipliedBy(5)), 10);
        assertThat(afterGap).isEqualTo(afterZeros);
        assertThat(withGap.buckets).isEqualTo(6);
    }

    @Test
    void refusesBucketsOutOfOrderOffTheGridOrNegative() {
        VolumeDetector detector = detector(FIVE_MINUTES);
        VolumeDetectorState state = new VolumeDetectorState();
        detector.observe(state, MONDAY, 1);
        assertThatThrownBy(() -> detector.observe(state, MONDAY, 1)).hasMessageContaining("does not follow");
        assertThatThrownBy(() -> detector.observe(state, MONDAY.plusSeconds(90), 1)).hasMessageContaining("PT5M");
        assertThatThrownBy(() -> detector.observe(state, MONDAY.plus(FIVE_MINUTES), -1)).hasMessageContaining(">= 0");
    }
}
