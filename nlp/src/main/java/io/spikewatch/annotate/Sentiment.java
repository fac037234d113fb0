package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.Objects;

/**
 * The polarity of a text or of the part of a text about one entity.
 *
 * @param label {@link #NEGATIVE}, {@link #NEUTRAL} or {@link #POSITIVE}
 * @param score from -1 (certainly negative) through 0 to +1 (certainly positive). From the polarity
 *     classifier it is the calibrated P(positive) - P(negative) and the label is chosen so each class
 *     is recalled equally well ({@link Polarity}): a negative label can come with a score near 0
 *     when negative is likelier than usual without being the most probable class. From CoreNLP's
 *     sentiment model alone the label is derived from the score with
 *     {@link SentimentScorer#labelFor(double)}
 */
public record Sentiment(String label, double score) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";
    public static final String POSITIVE = "positive";

    /** The sentiment of a text with nothing to judge (empty, or no sentences). */
    public static final Sentiment NONE = new Sentiment(NEUTRAL, 0.0);

    public Sentiment {
        Objects.requireNonNull(label, "label");
        if (!label.equals(NEGATIVE) && !label.equals(NEUTRAL) && !label.equals(POSITIVE)) {
            throw new IllegalArgumentException("sentiment label must be negative, neutral or positive, was '" + label + "'");
        }
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("sentiment score must be in [-1, 1], was " + score);
        }
    }
}
