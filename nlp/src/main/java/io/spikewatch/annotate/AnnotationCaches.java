package io.spikewatch.annotate;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide caching annotators: every annotation task of a JVM with the same configuration
 * and cache bounds shares one {@link CachingAnnotator}, so a text one task annotated is a hit
 * for the other (a repost is routed to any slot), and the bound holds for the JVM, not per slot.
 */
public final class AnnotationCaches {

    private record Key(AnnotatorConfig config, AnnotationCacheSettings settings) {}

    private static final Map<Key, TextAnnotator> SHARED = new ConcurrentHashMap<>();

    private AnnotationCaches() {}

    /**
     * The shared CoreNLP annotator of this configuration behind the shared cache of these bounds
     * (the bare annotator when the cache is off).
     */
    public static TextAnnotator coreNlp(AnnotatorConfig config, AnnotationCacheSettings settings) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        return SHARED.computeIfAbsent(new Key(config, settings),
                key -> CachingAnnotator.wrap(new CoreNlpAnnotator(key.config()), key.settings()));
    }

    /** Forgets every shared cache (annotators already handed out keep theirs). */
    public static void clear() {
        SHARED.clear();
    }
}
