package io.spikewatch.annotate;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers the annotations of recent texts, so a repost or a copy-paste campaign is annotated
 * once, not once per post. Decorates any {@link TextAnnotator}; bounded by
 * {@link AnnotationCacheSettings} (entries and estimated bytes, least recently used out first).
 *
 * <p><b>The key is the text exactly as written.</b> Reposts carry the original's text unchanged
 * (with {@code repost_of} naming the original), and copy-paste campaigns repeat it verbatim, so
 * this catches the repeats that matter while every hit is exactly what annotating the text would
 * give, offsets included. A looser key, such as the {@link SocialTextNormalizer normalized}
 * text, would be wrong: texts that normalize alike can still annotate differently, because
 * <ul>
 *   <li>entity offsets and mention texts point into the original, which differs ("sooo" and
 *       "so", a link of another length before the mention);
 *   <li>the polarity classifier reads cues the normalized text no longer shows (elongation,
 *       capitals, links: {@link NormalizedText.Cues});
 *   <li>tracked entities are matched on the original text ("https://x.com/..." holds the alias
 *       "X.com"; the normalized text has no link).
 * </ul>
 * Annotation is deterministic for a given text (CoreNLP's models and ours have no randomness at
 * annotation time), so a hit never changes a result.
 *
 * <p>Thread-safe, for the annotation tasks of one JVM sharing it: lookups hold a lock for a map
 * operation only, never while annotating. When two threads ask for the same text at once (a post
 * and its first reposts arrive together), one annotates and the other waits for that result
 * instead of annotating it again; the waiter counts as a hit. A failed annotation is not cached;
 * its exception reaches the thread that annotated and every thread that waited for it.
 */
public final class CachingAnnotator implements TextAnnotator {

    private final TextAnnotator delegate;
    private final AnnotationCacheSettings settings;
    private final Object lock = new Object();
    /** Access-ordered, eldest first; guarded by {@link #lock}. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Request, CompletableFuture<Annotation>> inFlight = new ConcurrentHashMap<>();
    /** Guarded by {@link #lock}. */
    private long bytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /** @param full whether the annotation has its sentiment, or only entities */
    private record Entry(Annotation annotation, long bytes, boolean full) {}

    /** What a thread is annotating: a text, fully or for its entities only. */
    private record Request(String text, boolean full) {}

    /**
     * @param settings must be {@link AnnotationCacheSettings#enabled() enabled}; use
     *     {@link #wrap(TextAnnotator, AnnotationCacheSettings)} when it may not be
     */
    public CachingAnnotator(TextAnnotator delegate, AnnotationCacheSettings settings) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.enabled()) {
            throw new IllegalArgumentException("a CachingAnnotator needs at least one entry; use wrap() for a cache that may be off");
        }
    }

    /** The annotator with a cache in front, or {@code delegate} itself when the settings switch the cache off. */
    public static TextAnnotator wrap(TextAnnotator delegate, AnnotationCacheSettings settings) {
        return settings.enabled() ? new CachingAnnotator(delegate, settings) : Objects.requireNonNull(delegate, "delegate");
    }

    public TextAnnotator delegate() {
        return delegate;
    }

    public AnnotationCacheSettings settings() {
        return settings;
    }

    @Override
    public Annotation annotate(String text) {
        return annotate(text, true);
    }

    /**
     * The entities of a text whose sentiment will not be read: a cached full annotation serves it
     * (without its sentiment); otherwise the delegate's {@link TextAnnotator#annotateEntities} result
     * is cached, and later serves only entities-only requests (a full one for the same text annotates
     * it again and replaces it).
     */
    @Override
    public Annotation annotateEntities(String text) {
        return annotate(text, false);
    }

    private Annotation annotate(String text, boolean full) {
        Objects.requireNonNull(text, "text");
        Annotation cached = lookup(text, full);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        Request request = new Request(text, full);
        CompletableFuture<Annotation> mine = new CompletableFuture<>();
        CompletableFuture<Annotation> running = inFlight.putIfAbsent(request, mine);
        if (running != null) {
            hits.increment();
            return await(running);
        }
        try {
            // another thread may have finished this text between the lookup and claiming it
            cached = lookup(text, full);
            if (cached != null) {
                hits.increment();
                mine.complete(cached);
                return cached;
            }
            misses.increment();
            Annotation annotation;
            try {
                annotation = full ? delegate.annotate(text) : delegate.annotateEntities(text);
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
            store(text, annotation, full);
            mine.complete(annotation);
            return annotation;
        } finally {
            inFlight.remove(request, mine);
        }
    }

    /** The counters so far and the current size. */
    public AnnotationCacheStats stats() {
        synchronized (lock) {
            return new AnnotationCacheStats(hits.sum(), misses.sum(), evictions.sum(), entries.size(), bytes);
        }
    }

    /** Drops every entry (the counters stay). */
    public void clear() {
        synchronized (lock) {
            entries.clear();
            bytes = 0;
        }
    }

    /** The cached annotation that answers this request, or null. */
    private Annotation lookup(String text, boolean full) {
        Entry entry;
        synchronized (lock) {
            entry = entries.get(text);
        }
        if (entry == null || (full && !entry.full())) {
            return null;
        }
        return full ? entry.annotation() : entry.annotation().withoutSentiment();
    }

    private void store(String text, Annotation annotation, boolean full) {
        long size = AnnotationFootprint.estimateBytes(text, annotation);
        if (size > settings.maxBytes()) {
            return; // larger than the whole cache: keeping it would evict everything else
        }
        synchronized (lock) {
            Entry current = entries.get(text);
            if (current != null && current.full() && !full) {
                return; // a full annotation stored meanwhile answers both kinds
            }
            Entry previous = entries.put(text, new Entry(annotation, size, full));
            bytes += size - (previous == null ? 0 : previous.bytes());
            Iterator<Entry> eldest = entries.values().iterator();
            while (entries.size() > settings.maxEntries() || bytes > settings.maxBytes()) {
                Entry evicted = eldest.next();
                eldest.remove();
                bytes -= evicted.bytes();
                evictions.increment();
            }
        }
    }

    private static Annotation await(CompletableFuture<Annotation> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "CachingAnnotator{" + settings + ", " + stats() + "}";
    }
}
