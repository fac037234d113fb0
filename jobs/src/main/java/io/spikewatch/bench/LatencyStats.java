package io.spikewatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median, 90th percentile and maximum of a set of durations, by the nearest-rank method (the
 * p-th percentile is the smallest value with at least p % of the values at or below it), so
 * every figure is one that was measured.
 */
public record LatencyStats(int count, Duration median, Duration p90, Duration max) {

    private static final double MEDIAN = 0.5;
    private static final double P90 = 0.9;

    /** The statistics of {@code values}; all zero with a count of 0 when there are none. */
    public static LatencyStats of(List<Duration> values) {
        if (values.isEmpty()) {
            return new LatencyStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new LatencyStats(sorted.size(), rank(sorted, MEDIAN), rank(sorted, P90), sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
