package io.spikewatch.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of the memory benchmark: how long the job had run, how many posts it had indexed, the
 * heap in use at that moment, the lowest heap left by a garbage collection since the row before
 * (what the collector could not free: the live data plus garbage it had not reached yet), the
 * heap left by a full collection asked for at the sample (the live data exactly), and the
 * annotation cache's entries.
 *
 * @param afterGcBytes {@link #UNKNOWN} when no collection has run since the job started
 * @param liveBytes {@link #UNKNOWN} unless the sample forced a full collection
 * @param cacheEntries {@link #UNKNOWN} when the job runs without an annotation cache
 */
public record HeapSample(Duration elapsed, long posts, long usedBytes, long afterGcBytes, long liveBytes, long cacheEntries,
        long collections) {

    /** A value not measured. */
    public static final long UNKNOWN = -1;

    public HeapSample {
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed: expected 0 or more but was " + elapsed);
        }
        if (posts < 0 || usedBytes < 0 || collections < 0) {
            throw new IllegalArgumentException("posts, used bytes and collections must be 0 or more, were " + posts + ", " + usedBytes
                    + ", " + collections);
        }
        if (afterGcBytes < UNKNOWN || liveBytes < UNKNOWN || cacheEntries < UNKNOWN) {
            throw new IllegalArgumentException("after-GC bytes, live bytes and cache entries must be 0 or more, or UNKNOWN, were "
                    + afterGcBytes + ", " + liveBytes + ", " + cacheEntries);
        }
    }

    /**
     * What the trend is computed from: the live heap when the sample forced a full collection,
     * else the lowest heap after a collection; {@link #UNKNOWN} when neither was measured.
     */
    public long retainedBytes() {
        return liveBytes != UNKNOWN ? liveBytes : afterGcBytes;
    }

    public boolean hasRetained() {
        return retainedBytes() != UNKNOWN;
    }
}
