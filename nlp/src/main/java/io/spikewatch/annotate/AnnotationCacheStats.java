package io.spikewatch.annotate;

/**
 * A snapshot of a {@link CachingAnnotator}'s counters since it was built.
 *
 * @param hits texts answered without annotating them: found in the cache, or being annotated by
 *     another thread at the time (the caller waited for that result)
 * @param misses texts annotated by the wrapped annotator
 * @param evictions entries dropped to stay within the bounds
 * @param entries entries held now
 * @param estimatedBytes estimated heap held by those entries
 */
public record AnnotationCacheStats(long hits, long misses, long evictions, int entries, long estimatedBytes) {

    /** Lookups in all: hits and misses. */
    public long lookups() {
        return hits + misses;
    }

    /** Hits per lookup, 0 before the first lookup. */
    public double hitRate() {
        long lookups = lookups();
        return lookups == 0 ? 0.0 : (double) hits / lookups;
    }
}
