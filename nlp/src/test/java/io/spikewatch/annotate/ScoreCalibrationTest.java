package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {

    @Test
    void scoresThatMatchTheirBinsGoldAreCalibrated() {
        ScoreCalibration c = new ScoreCalibration();
        // bin [0.4, 0.6): mean score 0.5; gold: 1 positive, 1 neutral = 0.5
        c.add(Sentiment.POSITIVE, 0.5).add(Sentiment.NEUTRAL, 0.5);
        // bin [-1, -0.8): mean score -0.9; gold mean -1 -> error 0.1 for 2 texts
        c.add(Sentiment.NEGATIVE, -0.9).add(Sentiment.NEGATIVE, -0.9);
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.error()).isCloseTo((0.0 * 2 + 0.1 * 2) / 4, offset(1e-12));
        assertThat(c.meanScore()).isCloseTo(-0.2, offset(1e-12));
        assertThat(c.meanGold()).isCloseTo(-0.25, offset(1e-12));
    }

    @Test
    void aScoreThatAlwaysLeansNegativeIsOff() {
        ScoreCalibration c = new ScoreCalibration();
        for (String gold : PolarityModel.LABELS) {
            c.add(gold, -0.6);
        }
        assertThat(c.error()).isCloseTo(0.6, offset(1e-12));
    }

    @Test
    void mergesAndRejectsBadInput() {
        ScoreCalibration a = new ScoreCalibration().add(Sentiment.POSITIVE, 1.0);
        ScoreCalibration b = new ScoreCalibration().add(Sentiment.NEGATIVE, -1.0);
        assertThat(a.addAll(b).total()).isEqualTo(2);
        assertThat(a.error()).isZero();
        assertThatThrownBy(() -> a.add("happy", 0)).hasMessageContaining("'happy'");
        assertThatThrownBy(() -> a.add(Sentiment.NEUTRAL, 1.5)).hasMessageContaining("[-1, 1]");
    }
}
