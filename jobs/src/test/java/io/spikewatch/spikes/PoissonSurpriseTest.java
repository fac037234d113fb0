package io.spikewatch.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonSurpriseTest {

    @Test
    void theQuantileMatchesTheNormalTableAndStaysMonotoneFarInTheTail() {
        assertThat(PoissonSurprise.upperQuantile(0.5)).isZero();
        assertThat(PoissonSurprise.upperQuantile(0.02275)).isCloseTo(2.0, within(1e-3));
        assertThat(PoissonSurprise.upperQuantile(2.8665e-7)).isCloseTo(5.0, within(1e-3));
        // past double precision of the quantile function: the asymptotic branch, continuous with it
        assertThat(PoissonSurprise.upperQuantile(1.0e-15)).isCloseTo(7.941, within(0.01));
        assertThat(PoissonSurprise.upperQuantile(0.99e-15)).isCloseTo(7.942, within(0.01));
        assertThat(PoissonSurprise.upperQuantile(1e-100)).isCloseTo(21.27, within(0.02));
        assertThat(PoissonSurprise.upperQuantile(0.0)).isGreaterThan(37);
    }

    @Test
    void smallCountsAgainstANearZeroExpectationAreRareEventsThatTheNormalScaleMisses() {
        // P(X >= 4) for X ~ Poisson(0.02) is 6.56e-9: beyond 5 sigma
        double fourFromNothing = PoissonSurprise.deviation(4, 0.02, 1);
        assertThat(fourFromNothing).isCloseTo(5.684, within(0.005));
        assertThat((Anscombe.of(4) - Anscombe.of(0.02)) / 1.0).isLessThan(3.2);
        // one post against 0.02 is an every-day event
        assertThat(PoissonSurprise.deviation(1, 0.02, 1)).isLessThan(2.1);
    }

    @Test
    void overDispersionMakesTheSameCountLessSurprising() {
        assertThat(PoissonSurprise.deviation(30, 10, 3)).isLessThan(PoissonSurprise.deviation(30, 10, 1));
        // 30 against 10, plain Poisson: P(X >= 30) is 2.51e-7
        assertThat(PoissonSurprise.deviation(30, 10, 1)).isCloseTo(5.026, within(0.005));
    }

    @Test
    void nothingAboveTheExpectationIsNoEvidence() {
        assertThat(PoissonSurprise.deviation(3, 3, 1)).isZero();
        assertThat(PoissonSurprise.deviation(0, 3, 1)).isZero();
        assertThatThrownBy(() -> PoissonSurprise.deviation(3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonSurprise.deviation(3, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
