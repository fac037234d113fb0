package io.spikewatch.spikes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SentimentShiftDetectorTest {

    private static final long MINUTE = 60_000;
    private final SentimentShiftDetector detector = SentimentShiftDetector.withDefaults(Duration.ofMinutes(1));

    @Test
    void aJumpInTheNegativeShareOnEnoughPostsIsAShift() {
        SentimentShiftState state = learnedBaseline();

        SentimentShiftDetector.Score score = detector.observe(state, 60 * MINUTE, 40, 30);

        assertThat(score.isShift()).isTrue();
        assertThat(score.baselineShare()).isBetween(0.15, 0.25);
        assertThat(score.share()).isEqualTo(0.75);
    }

    @Test
    void aFewAngryPostsInAQuietMinuteAreNot() {
        SentimentShiftState state = learnedBaseline();

        assertThat(detector.observe(state, 60 * MINUTE, 4, 4).isShift()).isFalse();
        assertThat(detector.observe(state, 61 * MINUTE, 40, 10).isShift()).isFalse();
    }

    @Test
    void aShiftBuildingOverMinutesIsSeenOnThePostsPooled() {
        SentimentShiftState state = learnedBaseline();
        // 6 of 8, then 7 of 9: neither minute alone has the 10 posts a verdict needs
        assertThat(detector.observe(state, 60 * MINUTE, 8, 6).isShift()).isFalse();
        SentimentShiftDetector.Score pooled = detector.observe(state, 61 * MINUTE, 9, 7);
        assertThat(pooled.isShift()).isTrue();
        assertThat(pooled.annotated()).isEqualTo(17);
        assertThat(pooled.share()).isEqualTo(13 / 17.0);
        assertThat(pooled.buckets()).as("this minute and the one before").isEqualTo(2);
    }

    @Test
    void aMinuteAtTheBaselineBreaksThePoolAndAGapEmptiesIt() {
        SentimentShiftState state = learnedBaseline();
        detector.observe(state, 60 * MINUTE, 8, 6);
        detector.observe(state, 61 * MINUTE, 8, 1);
        assertThat(detector.observe(state, 62 * MINUTE, 8, 6).isShift()).isFalse();
        detector.observe(state, 70 * MINUTE, 8, 6);
        assertThat(detector.observe(state, 72 * MINUTE, 8, 6).isShift()).as("not the minute before").isFalse();
    }

    @Test
    void aSentimentShiftsSeverityIsThePartThatTurnedNegative() {
        assertThat(Severity.of(SpikeKind.SENTIMENT_SHIFT, 2 / 3.0, 1 / 3.0, Duration.ZERO)).isEqualTo(50);
        assertThat(Severity.of(SpikeKind.SENTIMENT_SHIFT, 0.2, 0.3, Duration.ZERO)).isZero();
        assertThat(Severity.of(SpikeKind.SENTIMENT_SHIFT, 1.0, 0.2, Duration.ZERO)).isEqualTo(100);
    }

    @Test
    void aLongShiftIsNotLearnedAsTheNewNormal() {
        SentimentShiftState state = learnedBaseline();
        for (int minute = 60; minute < 90; minute++) {
            assertThat(detector.observe(state, minute * MINUTE, 40, 30).isShift()).as("minute %d", minute).isTrue();
        }
    }

    @Test
    void aRestoredStateContinuesExactlyAsTheOriginal() {
        SentimentShiftState original = learnedBaseline();
        SentimentShiftState copy = new SentimentShiftState();
        copy.annotated = original.annotated;
        copy.negative = original.negative;
        copy.lastBucketMillis = original.lastBucketMillis;

        assertThat(detector.observe(copy, 70 * MINUTE, 30, 20)).isEqualTo(detector.observe(original, 70 * MINUTE, 30, 20));
    }

    private SentimentShiftState learnedBaseline() {
        SentimentShiftState state = new SentimentShiftState();
        for (int minute = 0; minute < 60; minute++) {
            detector.observe(state, minute * MINUTE, 20, 4);
        }
        return state;
    }
}
