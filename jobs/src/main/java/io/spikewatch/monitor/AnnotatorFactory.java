package io.spikewatch.monitor;

import io.spikewatch.annotate.TextAnnotator;
import java.io.Serializable;

/**
 * Makes the annotator a task uses; shipped with the job to every task manager, so it carries
 * configuration, not models. Implementations share loaded models within a JVM.
 */
public interface AnnotatorFactory extends Serializable {

    TextAnnotator create();

    /** A short name stored with each annotated document (which annotator produced it). */
    String name();
}
