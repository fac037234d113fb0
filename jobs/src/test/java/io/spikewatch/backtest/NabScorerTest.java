package io.spikewatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NabScorerTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2015, 3, 1, 0, 0, 53);

    /** 20 five-minute rows (3 probationary), one window on rows 10..13, detections at the given rows. */
    private static List<ScoredRow> rows(Set<Integer> detections) {
        List<ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new ScoredRow(T0.plusMinutes(5L * i), i, detections.contains(i) ? 0.9 : 0.1));
        }
        return rows;
    }

    private static final List<LabeledWindow> WINDOW = List.of(new LabeledWindow(T0.plusMinutes(50), T0.plusMinutes(65)));

    @Test
    void scoresTheHandComputedCase() {
        // rows 1 (probationary: ignored), 5 (before any window: -A_FP), 11 and 12 (in the window: only
        // the earliest counts, position -(13-11+1)/4 = -0.75: tanh(1.875)/tanh(2.5) = 0.966989),
        // 16 (3 rows after a window of 4: position 3/3 = 1: -tanh(2.5) * A_FP = -0.108528 in standard)
        List<ScoredRow> rows = rows(Set.of(1, 5, 11, 12, 16));

        FileScore standard = new NabScorer(NabProfile.STANDARD).score("f.csv", rows, WINDOW, 0.5);
        assertThat(standard.raw()).isCloseTo(0.966989 - 0.108528 - 0.11, within(1e-6));
        assertThat(standard.normalized()).isCloseTo(87.4231, within(1e-4));
        assertThat(standard.truePositives()).isEqualTo(1);
        assertThat(standard.falsePositives()).isEqualTo(2);
        assertThat(standard.falseNegatives()).isZero();

        FileScore lowFp = new NabScorer(NabProfile.REWARD_LOW_FP_RATE).score("f.csv", rows, WINDOW, 0.5);
        assertThat(lowFp.normalized()).isCloseTo(76.4967, within(1e-4));
        FileScore lowFn = new NabScorer(NabProfile.REWARD_LOW_FN_RATE).score("f.csv", rows, WINDOW, 0.5);
        assertThat(lowFn.normalized()).isCloseTo(91.6154, within(1e-4));
    }

    @Test
    void aMissedWindowScoresTheNullDetectorAndAPerfectOneHundred() {
        FileScore missed = new NabScorer(NabProfile.STANDARD).score("f.csv", rows(Set.of()), WINDOW, 0.5);
        assertThat(missed.raw()).isEqualTo(-1.0);
        assertThat(missed.normalized()).isZero();
        assertThat(missed.falseNegatives()).isEqualTo(1);

        FileScore perfect = new NabScorer(NabProfile.STANDARD).score("f.csv", rows(Set.of(10)), WINDOW, 0.5);
        assertThat(perfect.normalized()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void aDetectionIsAScoreAtOrAboveTheThreshold() {
        FileScore atThreshold = new NabScorer(NabProfile.STANDARD).score("f.csv", rows(Set.of(10)), WINDOW, 0.9);
        assertThat(atThreshold.truePositives()).isEqualTo(1);
        FileScore above = new NabScorer(NabProfile.STANDARD).score("f.csv", rows(Set.of(10)), WINDOW, 0.95);
        assertThat(above.truePositives()).isZero();
    }

    @Test
    void probationIsFifteenPercentCappedAt750Rows() {
        assertThat(NabScorer.probationaryRows(20)).isEqualTo(3);
        assertThat(NabScorer.probationaryRows(4000)).isEqualTo(600);
        assertThat(NabScorer.probationaryRows(15902)).isEqualTo(750);
    }

    @Test
    void totalsSumRawScoresBeforeNormalizing() {
        FileScore a = new NabScorer(NabProfile.STANDARD).score("a.csv", rows(Set.of(10)), WINDOW, 0.5);
        FileScore b = new NabScorer(NabProfile.STANDARD).score("b.csv", rows(Set.of()), WINDOW, 0.5);
        assertThat(FileScore.total("total", NabProfile.STANDARD, List.of(a, b)).normalized()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void rejectsRowsOutOfOrder() {
        List<ScoredRow> rows = new ArrayList<>(rows(Set.of()));
        rows.set(5, rows.get(3));
        assertThatThrownBy(() -> new NabScorer(NabProfile.STANDARD).score("f.csv", rows, WINDOW, 0.5))
                .hasMessageContaining("f.csv").hasMessageContaining("row 7").hasMessageContaining("time order");
    }
}
