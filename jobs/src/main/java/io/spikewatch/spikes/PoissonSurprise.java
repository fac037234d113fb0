package io.spikewatch.spikes;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * How surprising a count is under an over-dispersed Poisson model, as the standard-normal deviation
 * with the same upper-tail probability: 5 means as unlikely as a 5-sigma event (p ≈ 2.9e-7). Exact
 * where the normal approximations fail, at small expectations: 4 posts against 0.02 expected is a
 * rare event that the Anscombe scale, whose Poisson noise is 1 only from about one post a bucket up,
 * cannot see.
 *
 * <p>Over-dispersion (reposts arrive together) is handled the quasi-Poisson way: counts and
 * expectation are divided by the dispersion {@code φ >= 1} (variance over mean) before the tail of
 * the Poisson distribution is taken, {@code P(X >= x/φ)} with {@code X ~ Poisson(λ/φ)}, extended to
 * non-integer counts through the regularized incomplete gamma function.
 */
final class PoissonSurprise {

    /** Tail probabilities below this are beyond double precision in the normal quantile function. */
    private static final double QUANTILE_PRECISION_LIMIT = 1e-15;
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private PoissonSurprise() {}

    /**
     * The upward deviation of {@code observed} from {@code expected}: 0 when it is not above it.
     *
     * @param expected the expected count, > 0
     * @param dispersion variance over mean of the counts, >= 1 (1 is plain Poisson)
     */
    static double deviation(double observed, double expected, double dispersion) {
        if (!(expected > 0) || !(dispersion >= 1)) {
            throw new IllegalArgumentException("expected must be > 0 and dispersion >= 1, got " + expected + " and " + dispersion);
        }
        if (observed <= expected) {
            return 0;
        }
        // P(X >= k) for X ~ Poisson(λ) is the regularized lower incomplete gamma P(k, λ)
        double tail = Gamma.regularizedGammaP(observed / dispersion, expected / dispersion);
        return upperQuantile(tail);
    }

    /** The z with {@code P(Z >= z) = tail} for a standard normal Z, from 0 up. */
    static double upperQuantile(double tail) {
        if (tail >= 0.5) {
            return 0;
        }
        if (tail >= QUANTILE_PRECISION_LIMIT) {
            return -STANDARD_NORMAL.inverseCumulativeProbability(tail);
        }
        // far in the tail, Mills' ratio: log tail = -z^2/2 - log z - log sqrt(2π); Newton from the leading term
        double logTail = Math.log(Math.max(tail, Double.MIN_NORMAL));
        double z = Math.sqrt(-2 * logTail);
        for (int i = 0; i < 4; i++) {
            double f = -z * z / 2 - Math.log(z) - LOG_SQRT_TWO_PI - logTail;
            double slope = -z - 1 / z;
            z -= f / slope;
        }
        return z;
    }
}
