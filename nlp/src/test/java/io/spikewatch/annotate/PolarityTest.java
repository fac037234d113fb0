package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolarityTest {

    @Test
    void withoutOffsetsTheLabelIsTheMostProbableClass() {
        assertThat(new Polarity(0.5, 0.3, 0.2).label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(new Polarity(0.2, 0.5, 0.3).label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(new Polarity(0.2, 0.3, 0.5).label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(new Polarity(0.4, 0.2, 0.4).label()).as("a tie is neutral").isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void offsetsChooseTheLabelButLeaveTheScore() {
        // log(0.3) + 1.0 = -0.20 beats log(0.6) = -0.51
        Polarity p = new Polarity(0.3, 0.6, 0.1, new Polarity.Decision(1.0, 0.0));
        assertThat(p.label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(p.score()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new Polarity(0.2, 0.7, 0.1, new Polarity.Decision(1.0, 0.0)).label()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void theMeanKeepsTheRule() {
        Polarity.Decision rule = new Polarity.Decision(1.0, 0.5);
        Polarity mean = Polarity.mean(List.of(new Polarity(0.2, 0.6, 0.2, rule), new Polarity(0.4, 0.4, 0.2, rule)));
        assertThat(mean.decision()).isEqualTo(rule);
        assertThat(mean.negative()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(mean.label()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void rejectsBadProbabilitiesAndOffsets() {
        assertThatThrownBy(() -> new Polarity(0.5, 0.5, 0.5)).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new Polarity.Decision(Double.NaN, 0)).hasMessageContaining("finite");
    }
}
