package io.spikewatch.spikes;

import java.util.Random;

/** Seeded Poisson counts for tests: Knuth's method for small means, a rounded normal for large ones. */
final class PoissonSeries {

    private static final double NORMAL_FROM = 60;
    private final Random random;

    PoissonSeries(long seed) {
        this.random = new Random(seed);
    }

    double next(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= NORMAL_FROM) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
