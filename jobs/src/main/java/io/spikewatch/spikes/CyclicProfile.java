package io.spikewatch.spikes;

/**
 * A multiplicative seasonal profile over a cycle (the day, the week) held in two arrays of the
 * detector's state: one factor per slot (mean 1) and the evidence behind each slot. A position in
 * the cycle falls between two slot centres and reads and updates both, linearly weighted, so the
 * expectation has no steps at slot boundaries. A slot is trusted in proportion to its evidence, up
 * to {@code fullTrust}; until then its factor is shrunk towards 1.
 */
final class CyclicProfile {

    private CyclicProfile() {}

    /** The factor at {@code position} (in slots, 0 = start of the cycle; slot {@code i} is centred at {@code i + 0.5}). */
    static double factor(double[] factors, double[] evidence, double position, double fullTrust) {
        int n = factors.length;
        double u = position - 0.5;
        int lower = Math.floorMod((int) Math.floor(u), n);
        int upper = (lower + 1) % n;
        double f = u - Math.floor(u);
        double value = (1 - f) * trusted(factors[lower], evidence[lower], fullTrust)
                + f * trusted(factors[upper], evidence[upper], fullTrust);
        return value;
    }

    /**
     * Moves the two slots around {@code position} towards {@code ratio} (the observation over what
     * the rest of the model expected): {@code smoothing} is the weight of one observation, {@code
     * evidencePerObservation} what it adds to the evidence, {@code decay} how evidence fades per
     * observation. Keeps the factors at mean 1.
     */
    static void update(double[] factors, double[] evidence, double position, double ratio, double smoothing,
            double evidencePerObservation, double decay) {
        int n = factors.length;
        double u = position - 0.5;
        int lower = Math.floorMod((int) Math.floor(u), n);
        int upper = (lower + 1) % n;
        double f = u - Math.floor(u);
        factors[lower] += smoothing * (1 - f) * (ratio - factors[lower]);
        factors[upper] += smoothing * f * (ratio - factors[upper]);
        evidence[lower] = evidence[lower] * Math.pow(decay, 1 - f) + (1 - f) * evidencePerObservation;
        evidence[upper] = evidence[upper] * Math.pow(decay, f) + f * evidencePerObservation;
        double sum = 0;
        for (double factor : factors) {
            sum += factor;
        }
        double mean = sum / n;
        if (mean > 0) {
            for (int i = 0; i < n; i++) {
                factors[i] /= mean;
            }
        }
    }

    private static double trusted(double factor, double evidence, double fullTrust) {
        double trust = Math.min(1.0, evidence / fullTrust);
        return 1 + trust * (factor - 1);
    }
}
