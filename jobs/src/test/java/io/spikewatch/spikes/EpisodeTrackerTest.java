package io.spikewatch.spikes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {

    private static final Instant T0 = Instant.parse("2024-08-12T23:00:00Z");
    private final EpisodeTracker tracker = new EpisodeTracker(EpisodeTrackerConfig.builder().quietPeriod(Duration.ofMinutes(10)).build());
    private final EpisodeTrackerState state = new EpisodeTrackerState();
    private final List<Spike> reports = new ArrayList<>();
    private int minute;

    private void bucket(SpikeKind kind, double score, double value, double expected, double deviation) {
        reports.addAll(tracker.observe(state, "all", new VolumeScore(T0.plus(Duration.ofMinutes(minute++)), value, expected, deviation, kind, score, false)));
    }

    private void normal(int buckets) {
        for (int i = 0; i < buckets; i++) {
            bucket(SpikeKind.VOLUME, 0.1, 10, 10, 0);
        }
    }

    @Test
    void aNewWaveOnTheEpisodesPlateauIsEscalatedAtOnceAndOnlyOnce() {
        normal(5);
        // the episode starts, then settles on a plateau of 12 a minute: no report while it lasts
        bucket(SpikeKind.VOLUME, 0.7, 40, 3, 8);
        for (int i = 0; i < 25; i++) {
            bucket(SpikeKind.VOLUME, 0.6, 12, 3, 4);
        }
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED);
        int startSeverity = reports.get(0).severity();
        // a jump to 3 times the plateau, though no further from the baseline than the start was
        bucket(SpikeKind.VOLUME, 0.6, 36, 3, 7);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ESCALATED);
        assertThat(reports.get(1).severity()).isGreaterThanOrEqualTo(startSeverity + Severity.POINTS_PER_WAVE);
        // staying up there is the same wave, not another
        for (int i = 0; i < 10; i++) {
            bucket(SpikeKind.VOLUME, 0.6, 36, 3, 7);
        }
        assertThat(reports).hasSize(2);
    }

    @Test
    void aNewWaveOfNegativePostsEscalatesARunningSentimentShift() {
        // a shift at 80% negative of about 85 posts a minute (about 70 negative), for ten minutes
        reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 68));
        for (int i = 0; i < 10; i++) {
            reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 70 + (i % 3) * 4));
        }
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED);
        // the crash: the share barely moves, the angry posts double
        reports.addAll(tracker.observe(state, "all", shift(0.82, 0.9), 160));

        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ESCALATED);
        assertThat(state.waves).isEqualTo(1);
        // without a wave count, the same buckets never escalate on a wave
        EpisodeTrackerState plain = new EpisodeTrackerState();
        List<Spike> plainReports = new ArrayList<>();
        minute = 0;
        for (int i = 0; i < 11; i++) {
            plainReports.addAll(tracker.observe(plain, "all", shift(0.8, 0.9)));
        }
        plainReports.addAll(tracker.observe(plain, "all", shift(0.82, 0.9)));
        assertThat(plain.waves).isZero();
    }

    @Test
    void aWaveIsSeenInItsFirstMinuteWhenItIsHalfAgainThePlateauByFarMoreThanChance() {
        // the 2023 crash in the demo: about 75 angry posts a minute, then 135, 157, 179
        reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 75));
        for (int i = 0; i < 10; i++) {
            reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 72 + (i % 3) * 3));
        }
        // 100 against about 75: a third more, about 3 deviations: not yet a wave
        reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 100));
        assertThat(state.waves).isZero();
        // 135: 1.7 times the plateau the clipped learning kept, 6 deviations above it
        reports.addAll(tracker.observe(state, "all", shift(0.78, 0.9), 135));

        assertThat(state.waves).isEqualTo(1);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ESCALATED);
    }

    @Test
    void aSmallPlateauNeedsMoreThanHalfAgainToMakeAWave() {
        reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 6));
        for (int i = 0; i < 10; i++) {
            reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 5 + i % 3));
        }
        // 11 against about 6: nearly twice, but chance does that to small counts
        reports.addAll(tracker.observe(state, "all", shift(0.8, 0.9), 11));

        assertThat(state.waves).isZero();
    }

    private VolumeScore shift(double share, double score) {
        return new VolumeScore(T0.plus(Duration.ofMinutes(minute++)), share, 0.45, share - 0.45, SpikeKind.SENTIMENT_SHIFT, score, false);
    }

    @Test
    void aPlateauThatMerelyWobblesIsNoNewWave() {
        normal(5);
        bucket(SpikeKind.VOLUME, 0.7, 40, 3, 8);
        PoissonSeries noise = new PoissonSeries(5);
        for (int i = 0; i < 240; i++) {
            bucket(SpikeKind.VOLUME, 0.6, noise.next(15), 3, 4);
        }
        // (the episode may escalate as it lasts; it has no wave)
        assertThat(state.waves).isZero();
    }

    @Test
    void aBurstFoundOverSeveralBucketsStartsWithTheFirstOfThem() {
        normal(5);
        Instant second = T0.plus(Duration.ofMinutes(minute++));
        reports.addAll(tracker.observe(state, "all", new VolumeScore(second, 4, 0.1, 6.4, SpikeKind.VOLUME, 0.56, true, 2)));
        assertThat(reports).singleElement().satisfies(spike -> {
            assertThat(spike.phase()).isEqualTo(EpisodePhase.STARTED);
            assertThat(spike.start()).isEqualTo(second.minus(Duration.ofMinutes(1)));
        });
    }

    @Test
    void oneEpisodeIsReportedOnceWhenItStartsAndOnceWhenItEnds() {
        normal(5);
        for (int i = 0; i < 8; i++) {
            bucket(SpikeKind.VOLUME, 0.6, 30, 10, 6);
        }
        normal(9);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED);
        normal(1);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ENDED);
        Spike ended = reports.get(1);
        assertThat(ended.start()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(ended.end()).isEqualTo(T0.plus(Duration.ofMinutes(13)));
        assertThat(ended.id()).isEqualTo(reports.get(0).id());
        assertThat(ended.explanation()).isNull();
    }

    @Test
    void aDipJustUnderTheAlertScoreDoesNotSplitTheEpisode() {
        bucket(SpikeKind.VOLUME, 0.6, 30, 10, 6);
        for (int i = 0; i < 20; i++) {
            bucket(SpikeKind.VOLUME, i % 2 == 0 ? 0.45 : 0.55, 25, 10, 5);
        }
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED);
    }

    @Test
    void escalatesWhenTheSeverityRisesByAStepAndKeepsThePeak() {
        bucket(SpikeKind.VOLUME, 0.55, 21, 10, 5);
        bucket(SpikeKind.VOLUME, 0.8, 300, 10, 20);
        bucket(SpikeKind.VOLUME, 0.6, 50, 10, 8);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ESCALATED);
        Spike escalated = reports.get(1);
        assertThat(escalated.severity()).isGreaterThanOrEqualTo(reports.get(0).severity() + 20);
        assertThat(escalated.peak()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(escalated.peakValue()).isEqualTo(300);
        assertThat(escalated.peakExpected()).isEqualTo(10);
    }

    @Test
    void aMinuteTheEpisodeMerelyHoldsOnDoesNotEscalateItButTheNextSpikeDoes() {
        // a faint start (3 posts against 0.1), held for an hour by minutes just under the alert score
        bucket(SpikeKind.VOLUME, 0.53, 3, 0.1, 5.6);
        for (int i = 0; i < 58; i++) {
            bucket(SpikeKind.VOLUME, 0.42, 2, 0.3, 3.8);
        }
        // a larger count, still under the alert score: the peak and the duration would lift the
        // severity by a step, but a minute that is no spike escalates nothing
        bucket(SpikeKind.VOLUME, 0.46, 6, 0.5, 4.3);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED);
        bucket(SpikeKind.VOLUME, 0.55, 7, 0.5, 6.0);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ESCALATED);
        assertThat(reports.get(1).peakValue()).as("the spike's own minute").isEqualTo(7);
    }

    @Test
    void aFlatlineDuringAVolumeEpisodeEndsItAndStartsItsOwn() {
        bucket(SpikeKind.VOLUME, 0.6, 30, 10, 6);
        bucket(SpikeKind.FLATLINE, 0.7, 0, 40, -9);
        assertThat(reports).extracting(Spike::phase, Spike::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EpisodePhase.STARTED, SpikeKind.VOLUME),
                org.assertj.core.groups.Tuple.tuple(EpisodePhase.ENDED, SpikeKind.VOLUME),
                org.assertj.core.groups.Tuple.tuple(EpisodePhase.STARTED, SpikeKind.FLATLINE));
    }

    @Test
    void severityGrowsWithTheRatioAndTheDuration() {
        assertThat(Severity.of(SpikeKind.VOLUME, 19, 9, Duration.ZERO)).isEqualTo(20);
        assertThat(Severity.of(SpikeKind.VOLUME, 19, 9, Duration.ofMinutes(15))).isEqualTo(30);
        assertThat(Severity.of(SpikeKind.VOLUME, 10_000, 9, Duration.ofHours(1))).isEqualTo(100);
        assertThat(Severity.of(SpikeKind.FLATLINE, 0, 39, Duration.ZERO)).isEqualTo(100);
        assertThat(Severity.of(SpikeKind.VOLUME, 5, 9, Duration.ZERO)).isZero();
    }

    @Test
    void aSecondWaveOfTheSameEventWithinTheRepeatPeriodIsNotANewEpisodeUnlessItIsMuchBigger() {
        bucket(SpikeKind.VOLUME, 0.6, 40, 10, 6);
        normal(10);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ENDED);
        // an hour later, a wave as strong as the first: the same event
        normal(60);
        bucket(SpikeKind.VOLUME, 0.6, 40, 10, 6);
        normal(10);
        assertThat(reports).hasSize(2);
        // a wave twice as far from the expectation as the first peak is news
        bucket(SpikeKind.VOLUME, 0.75, 150, 10, 12.5);
        assertThat(reports).extracting(Spike::phase).endsWith(EpisodePhase.STARTED);
        assertThat(reports.get(2).start()).isEqualTo(T0.plus(Duration.ofMinutes(minute - 1)));
    }

    @Test
    void afterTheRepeatPeriodAnOrdinaryWaveIsANewEpisodeAgain() {
        bucket(SpikeKind.VOLUME, 0.6, 40, 10, 6);
        normal(10);
        minute += (int) EpisodeTrackerConfig.DEFAULT_REPEAT_PERIOD.toMinutes();
        bucket(SpikeKind.VOLUME, 0.6, 40, 10, 6);
        assertThat(reports).extracting(Spike::phase).containsExactly(EpisodePhase.STARTED, EpisodePhase.ENDED, EpisodePhase.STARTED);
    }

    @Test
    void aFlatlineAfterASpikeIsNotARepeat() {
        bucket(SpikeKind.VOLUME, 0.6, 40, 10, 6);
        normal(10);
        bucket(SpikeKind.FLATLINE, 0.6, 0, 10, -6);
        assertThat(reports).extracting(Spike::kind).containsExactly(SpikeKind.VOLUME, SpikeKind.VOLUME, SpikeKind.FLATLINE);
    }

    @Test
    void theRepeatSettingsAreValidated() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EpisodeTrackerConfig.builder().repeatFactor(0.5))
                .hasMessageContaining("repeatFactor");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EpisodeTrackerConfig.builder().repeatPeriod(Duration.ofHours(-1)))
                .hasMessageContaining("repeatPeriod");
    }
}
