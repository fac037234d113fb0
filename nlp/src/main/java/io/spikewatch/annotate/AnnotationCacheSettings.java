package io.spikewatch.annotate;

import java.io.Serializable;

/**
 * How large a {@link CachingAnnotator} may grow: at most {@code maxEntries} annotations and at
 * most {@code maxBytes} of their estimated heap footprint (texts included), whichever binds first;
 * the least recently used entry goes first. Zero entries switch the cache off.
 *
 * <p>The defaults hold the last {@value #DEFAULT_MAX_ENTRIES} distinct texts, about the distinct
 * texts of a busy half hour of the seed scenario, in at most {@value #DEFAULT_MAX_MEBIBYTES} MiB:
 * a repost surge repeats texts from the last minutes, not from hours ago.
 *
 * @param maxEntries annotations kept; 0 disables the cache
 * @param maxBytes estimated bytes kept; positive
 */
public record AnnotationCacheSettings(int maxEntries, long maxBytes) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_ENTRIES = 20_000;
    public static final int DEFAULT_MAX_MEBIBYTES = 64;
    public static final long BYTES_PER_MEBIBYTE = 1024L * 1024L;

    /** The default bounds. */
    public static final AnnotationCacheSettings DEFAULTS =
            new AnnotationCacheSettings(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_MEBIBYTES * BYTES_PER_MEBIBYTE);

    /** No cache: every text is annotated. */
    public static final AnnotationCacheSettings DISABLED = new AnnotationCacheSettings(0, DEFAULTS.maxBytes());

    public AnnotationCacheSettings {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("annotation cache maxEntries must be 0 (off) or more, was " + maxEntries);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("annotation cache maxBytes must be positive, was " + maxBytes);
        }
    }

    /** The default byte bound with another number of entries (0: off). */
    public static AnnotationCacheSettings ofEntries(int maxEntries) {
        return new AnnotationCacheSettings(maxEntries, DEFAULTS.maxBytes());
    }

    public boolean enabled() {
        return maxEntries > 0;
    }
}
