package io.spikewatch.monitor;

import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.annotate.TrackedEntities;
import java.io.Serializable;

/**
 * Makes the annotator a task uses; shipped with the job to every task manager, so it carries
 * configuration, not models. Implementations share loaded models within a JVM.
 */
public interface AnnotatorFactory extends Serializable {

    TextAnnotator create();

    /** A short name stored with each annotated document (which annotator produced it). */
    String name();

    /**
     * The tracked entities the annotators link mentions to, parsed without loading any model: the
     * pending documents of the fast path name those their text matches by alias, handle or hashtag
     * before annotation. None by default.
     */
    default TrackedEntities trackedEntities() {
        return TrackedEntities.empty();
    }
}
