package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.List;

/**
 * The polarity classifier's belief about a text: calibrated probabilities of negative, neutral
 * and positive that sum to 1. The label is the most probable class; the score, in [-1, 1], is
 * P(positive) - P(negative), so a label of positive always has a positive score, negative a
 * negative one, and a neutral text the balance of what is left.
 *
 * @param negative probability of negative
 * @param neutral probability of neutral
 * @param positive probability of positive
 */
public record Polarity(double negative, double neutral, double positive) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Tolerance on the sum of the three probabilities. */
    private static final double SUM_TOLERANCE = 1e-6;

    public Polarity {
        for (double p : new double[] {negative, neutral, positive}) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("a probability must be in [0, 1], was " + p);
            }
        }
        if (Math.abs(negative + neutral + positive - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities must sum to 1, were " + negative + ", " + neutral + ", " + positive);
        }
    }

    /** negative, neutral or positive: the most probable class (neutral on a tie). */
    public String label() {
        if (negative > neutral && negative > positive) {
            return Sentiment.NEGATIVE;
        }
        if (positive > neutral && positive > negative) {
            return Sentiment.POSITIVE;
        }
        return Sentiment.NEUTRAL;
    }

    /** P(positive) - P(negative). */
    public double score() {
        return Math.max(-1.0, Math.min(1.0, positive - negative));
    }

    public Sentiment toSentiment() {
        return new Sentiment(label(), score());
    }

    /** The mean of several beliefs (the units of text that mention one entity). */
    public static Polarity mean(List<Polarity> polarities) {
        if (polarities.isEmpty()) {
            throw new IllegalArgumentException("the mean of no polarities is undefined");
        }
        double neg = 0;
        double neu = 0;
        double pos = 0;
        for (Polarity p : polarities) {
            neg += p.negative;
            neu += p.neutral;
            pos += p.positive;
        }
        double n = polarities.size();
        return normalized(neg / n, neu / n, pos / n);
    }

    /** A polarity from three non-negative weights, scaled to sum to 1. */
    static Polarity normalized(double negative, double neutral, double positive) {
        double sum = negative + neutral + positive;
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("cannot normalize " + negative + ", " + neutral + ", " + positive);
        }
        double neg = negative / sum;
        double pos = positive / sum;
        return new Polarity(neg, Math.max(0.0, 1.0 - neg - pos), pos);
    }
}
