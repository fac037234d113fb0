package io.spikewatch.monitor;

import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.TextAnnotator;

/**
 * What annotating one document gave: the annotation, or the reason it failed. A document whose
 * annotation failed is still indexed (with {@code annotation.status: failed} and the error), so
 * a bug or an odd input in the NLP stage never loses a post.
 */
public record AnnotationOutcome(Annotation annotation, String error) {

    public static AnnotationOutcome of(TextAnnotator annotator, String text) {
        try {
            return new AnnotationOutcome(annotator.annotate(text), null);
        } catch (RuntimeException e) {
            return new AnnotationOutcome(Annotation.EMPTY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public boolean succeeded() {
        return error == null;
    }
}
