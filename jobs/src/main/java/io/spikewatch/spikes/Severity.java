package io.spikewatch.spikes;

import java.time.Duration;

/**
 * The severity of an episode, 0 to 100: mostly how many times the peak is above (or, for a
 * flatline, below) the expectation, a little how long it has lasted. {@code 20 × log2(ratio)}
 * (a peak twice the expectation is 20, 8 times is 60, 32 times is 100) plus {@code 10 ×
 * log2(1 + duration / 15 min)} (15 minutes add 10, 45 minutes 20, 105 minutes 30), plus {@value
 * #POINTS_PER_WAVE} for each new wave the episode had ({@link WaveWatch}). Counts get one
 * pseudo-post on both sides, so a peak of 3 against 0 expected is not infinitely severe. A
 * sentiment shift compares shares, which cannot double twice: its magnitude is the part of the
 * posts that were not negative before that turned negative, {@code 100 × (share − expected) / (1 −
 * expected)} (from a third negative to two thirds is 50).
 */
public final class Severity {

    public static final int MAX = 100;
    static final double POINTS_PER_DOUBLING = 20;
    static final double POINTS_PER_DURATION_DOUBLING = 10;
    static final Duration DURATION_UNIT = Duration.ofMinutes(15);
    private static final double PSEUDO_COUNT = 1;
    /** What a new wave adds: enough for a rule to notify the escalation. */
    static final int POINTS_PER_WAVE = 10;

    private Severity() {}

    public static int of(SpikeKind kind, double peakValue, double peakExpected, Duration lasted) {
        return of(kind, peakValue, peakExpected, lasted, 0);
    }

    public static int of(SpikeKind kind, double peakValue, double peakExpected, Duration lasted, int waves) {
        double magnitude;
        if (kind == SpikeKind.SENTIMENT_SHIFT) {
            // shares, not counts: the part of what was not negative before that turned negative
            magnitude = MAX * Math.max(0, peakValue - peakExpected) / Math.max(1e-9, 1 - peakExpected);
        } else {
            double ratio = kind == SpikeKind.FLATLINE
                    ? (peakExpected + PSEUDO_COUNT) / (peakValue + PSEUDO_COUNT)
                    : (peakValue + PSEUDO_COUNT) / (peakExpected + PSEUDO_COUNT);
            magnitude = POINTS_PER_DOUBLING * Math.max(0, log2(ratio));
        }
        double duration = POINTS_PER_DURATION_DOUBLING * log2(1 + (double) lasted.toMillis() / DURATION_UNIT.toMillis());
        return (int) Math.max(0, Math.min(MAX, Math.round(magnitude + duration + POINTS_PER_WAVE * waves)));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
