package io.spikewatch.formats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts records skipped on purpose, per reason. Callers pass reasons from a small fixed set (never
 * a value taken from the input), so the map stays bounded whatever the stream holds.
 */
final class SkipCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String reason) {
        counts.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** A sorted copy of the counts so far. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }
}
