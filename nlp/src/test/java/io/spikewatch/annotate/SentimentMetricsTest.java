package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SentimentMetricsTest {

    private static final String NEG = Sentiment.NEGATIVE;
    private static final String NEU = Sentiment.NEUTRAL;
    private static final String POS = Sentiment.POSITIVE;

    @Test
    void computesTheSemEvalScoresFromTheConfusionMatrix() {
        SentimentMetrics m = new SentimentMetrics();
        // gold negative: 3 right, 1 called neutral; gold neutral: 2 right, 1 positive, 1 negative;
        // gold positive: 1 right, 1 neutral
        m.add(NEG, NEG).add(NEG, NEG).add(NEG, NEG).add(NEG, NEU);
        m.add(NEU, NEU).add(NEU, NEU).add(NEU, POS).add(NEU, NEG);
        m.add(POS, POS).add(POS, NEU);

        assertThat(m.total()).isEqualTo(10);
        assertThat(m.recall(NEG)).isCloseTo(0.75, within(1e-12));
        assertThat(m.recall(NEU)).isCloseTo(0.5, within(1e-12));
        assertThat(m.recall(POS)).isCloseTo(0.5, within(1e-12));
        assertThat(m.avgRec()).isCloseTo((0.75 + 0.5 + 0.5) / 3, within(1e-12));
        // precision: negative 3/4, positive 1/2
        assertThat(m.precision(NEG)).isCloseTo(0.75, within(1e-12));
        assertThat(m.precision(POS)).isCloseTo(0.5, within(1e-12));
        assertThat(m.f1PN()).isCloseTo((0.75 + 0.5) / 2, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(m.summary()).isEqualTo("n=10 AvgRec=0.5833 F1_PN=0.6250 accuracy=0.6000");
        assertThat(m.confusionTable()).contains("negative", "        3         1         0");
    }

    @Test
    void aClassNeverSeenOrNeverPredictedScoresZero() {
        SentimentMetrics m = new SentimentMetrics().add(NEU, NEU).add(NEU, NEU);
        assertThat(m.avgRec()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.f1PN()).isZero();
        assertThat(m.accuracy()).isEqualTo(1.0);
    }

    @Test
    void mergesAndRejectsUnknownLabels() {
        SentimentMetrics a = new SentimentMetrics().add(POS, POS);
        SentimentMetrics b = new SentimentMetrics().add(NEG, POS);
        assertThat(a.addAll(b).count(NEG, POS)).isEqualTo(1);
        assertThat(a.total()).isEqualTo(2);
        assertThatThrownBy(() -> a.add("objective", NEU)).hasMessageContaining("'objective'");
    }
}
