package io.spikewatch.monitor;

import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.annotate.AnnotationCaches;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.annotate.TrackedEntities;
import java.util.Objects;

/**
 * Production annotators: CoreNLP with the given configuration behind the annotation cache
 * ({@link io.spikewatch.annotate.CachingAnnotator}); models and cache shared by every task of a
 * JVM, so a repost annotated by one slot is a hit for the other.
 */
public final class CoreNlpAnnotators implements AnnotatorFactory {

    private static final long serialVersionUID = 1L;

    private final AnnotatorConfig config;
    private final AnnotationCacheSettings cache;

    /** With the default cache bounds ({@link AnnotationCacheSettings#DEFAULTS}). */
    public CoreNlpAnnotators(AnnotatorConfig config) {
        this(config, AnnotationCacheSettings.DEFAULTS);
    }

    /**
     * @param cache the bounds of the JVM's annotation cache; {@link AnnotationCacheSettings#DISABLED} for none
     */
    public CoreNlpAnnotators(AnnotatorConfig config, AnnotationCacheSettings cache) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public TextAnnotator create() {
        return AnnotationCaches.coreNlp(config, cache);
    }

    @Override
    public TrackedEntities trackedEntities() {
        return config.trackedEntities();
    }

    @Override
    public String name() {
        return "corenlp-" + config.profile().name().toLowerCase() + "-" + config.parser().name().toLowerCase();
    }
}
