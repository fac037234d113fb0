package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    @Test
    void scoreIsTheExpectedClassValue() {
        assertThat(SentimentScorer.score(List.of(1.0, 0.0, 0.0, 0.0, 0.0))).isEqualTo(-1.0);
        assertThat(SentimentScorer.score(List.of(0.0, 0.0, 0.0, 0.0, 1.0))).isEqualTo(1.0);
        assertThat(SentimentScorer.score(List.of(0.0, 0.0, 1.0, 0.0, 0.0))).isEqualTo(0.0);
        assertThat(SentimentScorer.score(List.of(0.0, 0.5, 0.0, 0.5, 0.0))).isEqualTo(0.0);
        assertThat(SentimentScorer.score(List.of(0.1, 0.4, 0.3, 0.15, 0.05))).isCloseTo(-0.175, within(1e-9));
    }

    @Test
    void labelsUseTheNeutralBand() {
        assertThat(SentimentScorer.labelFor(0.0)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(SentimentScorer.labelFor(SentimentScorer.NEUTRAL_BAND - 1e-6)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(SentimentScorer.labelFor(SentimentScorer.NEUTRAL_BAND)).isEqualTo(Sentiment.POSITIVE);
        assertThat(SentimentScorer.labelFor(-0.7)).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void meanIsWeightedByLength() {
        Sentiment s = new SentimentScorer.Mean().add(-0.8, 6).add(0.0, 2).result();
        assertThat(s.score()).isCloseTo(-0.6, within(1e-9));
        assertThat(s.label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(new SentimentScorer.Mean().result()).isEqualTo(Sentiment.NONE);
    }

    @Test
    void wrongClassCountIsRejected() {
        assertThatThrownBy(() -> SentimentScorer.score(List.of(0.5, 0.5)))
                .hasMessageContaining("expected 5 sentiment class probabilities, got 2");
    }

    @Test
    void sentimentRecordsRejectBadValues() {
        assertThatThrownBy(() -> new Sentiment("happy", 0.5)).hasMessageContaining("'happy'");
        assertThatThrownBy(() -> new Sentiment(Sentiment.POSITIVE, 1.5)).hasMessageContaining("[-1, 1]");
        assertThatThrownBy(() -> new Sentiment(Sentiment.POSITIVE, Double.NaN)).hasMessageContaining("[-1, 1]");
    }
}
