package io.spikewatch.annotate;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value loaded on first use and then shared by all who ask (by the whole JVM when held in a
 * static field: a lexicon, a model, word vectors; or a pipeline an annotator needs only for some
 * texts): the first caller loads it, concurrent callers wait for that load, and a load that fails throws to
 * its caller and is tried again by the next one (nothing is cached, and the failure stays an
 * ordinary exception rather than a class that cannot initialize). Thread-safe.
 */
final class LoadedOnce<T> {

    private final Supplier<T> loader;
    private volatile T value;

    LoadedOnce(Supplier<T> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    T get() {
        T loaded = value;
        if (loaded == null) {
            synchronized (this) {
                loaded = value;
                if (loaded == null) {
                    loaded = Objects.requireNonNull(loader.get(), "the loader gave nothing");
                    value = loaded;
                }
            }
        }
        return loaded;
    }

    /** Forgets the value: the next {@link #get()} loads it again. */
    void clear() {
        value = null;
    }
}
