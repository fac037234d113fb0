package io.spikewatch.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One uninterrupted stretch of a post stream as count series: for each series key ({@code all},
 * {@code entity:NAME}) the posts of every bucket from {@link #start()} on, zeros included, all
 * series of the same length.
 *
 * @param counts series key to the count of each bucket, in bucket order
 */
public record CountStream(Instant start, Duration bucketWidth, Map<String, double[]> counts) {

    public CountStream {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(bucketWidth, "bucketWidth");
        Map<String, double[]> copy = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, double[]> series : counts.entrySet()) {
            if (length >= 0 && series.getValue().length != length) {
                throw new IllegalArgumentException("series " + series.getKey() + " has " + series.getValue().length
                        + " buckets, the others " + length);
            }
            length = series.getValue().length;
            copy.put(series.getKey(), series.getValue().clone());
        }
        counts = java.util.Collections.unmodifiableMap(copy);
    }

    /** Buckets in every series. */
    public int buckets() {
        return counts.isEmpty() ? 0 : counts.values().iterator().next().length;
    }

    /** The start of bucket {@code index}. */
    public Instant bucketStart(int index) {
        return start.plus(bucketWidth.multipliedBy(index));
    }

    /** Everything up to the end of the last bucket. */
    public Instant end() {
        return bucketStart(buckets());
    }
}
