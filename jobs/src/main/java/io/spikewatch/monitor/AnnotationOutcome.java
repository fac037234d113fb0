package io.spikewatch.monitor;

import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.EntityMention;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.annotate.SentimentLanguages;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.InputDocument;
import java.util.List;

/**
 * What annotating one document gave: the annotation, or the reason it failed. A document whose
 * annotation failed is still indexed (with {@code annotation.status: failed} and the error), so
 * a bug or an odd input in the NLP stage never loses a post. A document in a language the
 * sentiment models do not read is annotated for its entities only, without the parse
 * ({@link TextAnnotator#annotateEntities}), and has no sentiment ({@code sentimentSkipped} says
 * why, see {@link SentimentLanguages}). A post left out of the {@link OverloadSample} while
 * annotation is behind skips CoreNLP: its annotation is the tracked entities its text names by
 * alias, handle or hashtag, and {@code sampleRate} is the rate of the sample it was left out of.
 *
 * @param error why annotation failed, or null
 * @param sentimentSkipped why the annotation's sentiment is not to be used, or null
 * @param sampleRate the rate of the overload sample this document was left out of, or null when
 *     it was annotated
 */
public record AnnotationOutcome(Annotation annotation, String error, String sentimentSkipped, Double sampleRate) {

    /** {@code annotation.sentiment_skipped} of a post left out of the overload sample. */
    public static final String SKIPPED_OUT_OF_SAMPLE = "not in the overload sample";

    public AnnotationOutcome(Annotation annotation, String error) {
        this(annotation, error, null, null);
    }

    public AnnotationOutcome(Annotation annotation, String error, String sentimentSkipped) {
        this(annotation, error, sentimentSkipped, null);
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

    /** A document left out of an overload sample of {@code rate}: the tracked entities its text names, no CoreNLP. */
    public static AnnotationOutcome outOfSample(TrackedEntities tracked, String text, double rate) {
        List<EntityMention> mentions = tracked.match(text).stream().map(match -> match.mentionIn(text)).toList();
        return new AnnotationOutcome(new Annotation(mentions, Sentiment.NONE, List.of()), null, SKIPPED_OUT_OF_SAMPLE, rate);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** Whether the document was left out of an overload sample (and so skipped CoreNLP). */
    public boolean outOfSample() {
        return sampleRate != null;
    }

    /** Whether the annotation's sentiment (overall and per entity) is there to be used. */
    public boolean hasSentiment() {
        return succeeded() && sentimentSkipped == null;
    }
}
