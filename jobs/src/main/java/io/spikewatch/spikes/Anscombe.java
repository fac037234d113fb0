package io.spikewatch.spikes;

/**
 * Anscombe's variance-stabilizing transform of a count, {@code 2·sqrt(x + 3/8)}: Poisson counts
 * have a standard deviation close to 1 on this scale whatever their mean.
 */
final class Anscombe {

    private static final double OFFSET = 3.0 / 8.0;

    private Anscombe() {}

    static double of(double count) {
        return 2 * Math.sqrt(count + OFFSET);
    }

    /** The count whose transform is {@code transformed} (0 below the transform of 0). */
    static double inverse(double transformed) {
        double half = Math.max(0, transformed) / 2;
        return Math.max(0, half * half - OFFSET);
    }
}
