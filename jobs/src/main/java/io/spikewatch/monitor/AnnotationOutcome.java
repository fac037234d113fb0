package io.spikewatch.monitor;

import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.SentimentLanguages;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.schema.InputDocument;

/**
 * What annotating one document gave: the annotation, or the reason it failed. A document whose
 * annotation failed is still indexed (with {@code annotation.status: failed} and the error), so
 * a bug or an odd input in the NLP stage never loses a post. A document in a language the
 * sentiment models do not read is annotated for its entities only, without the parse
 * ({@link TextAnnotator#annotateEntities}), and has no sentiment ({@code sentimentSkipped} says
 * why, see {@link SentimentLanguages}).
 *
 * @param error why annotation failed, or null
 * @param sentimentSkipped why the annotation's sentiment is not to be used, or null
 */
public record AnnotationOutcome(Annotation annotation, String error, String sentimentSkipped) {

    public AnnotationOutcome(Annotation annotation, String error) {
        this(annotation, error, null);
    }

    public static AnnotationOutcome of(TextAnnotator annotator, InputDocument document) {
        try {
            if (SentimentLanguages.reads(document.lang())) {
                return new AnnotationOutcome(annotator.annotate(document.text()), null, null);
            }
            return new AnnotationOutcome(annotator.annotateEntities(document.text()), null, SentimentLanguages.SKIPPED_FOR_LANGUAGE);
        } catch (RuntimeException e) {
            return new AnnotationOutcome(Annotation.EMPTY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public boolean succeeded() {
        return error == null;
    }

    /** Whether the annotation's sentiment (overall and per entity) is there to be used. */
    public boolean hasSentiment() {
        return succeeded() && sentimentSkipped == null;
    }
}
