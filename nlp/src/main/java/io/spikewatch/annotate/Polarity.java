package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.List;

/**
 * The polarity classifier's belief about a text: calibrated probabilities of negative, neutral
 * and positive that sum to 1, and the rule that turns them into a label. The score, in [-1, 1],
 * is P(positive) - P(negative): calibrated, so the mean score of many texts estimates the share
 * of positive minus the share of negative ones.
 *
 * <p>The label is the class with the highest log-probability plus its {@link Decision} offset.
 * With no offsets that is the most probable class, which favours the frequent class; the shipped
 * model's offsets are tuned so each class is recalled about as well as the others (the SemEval
 * measure), so a label can be negative while P(neutral) is higher. Labels answer "which class is
 * this text most likely to be, weighing the classes equally"; scores answer "how much of it".
 *
 * @param negative probability of negative
 * @param neutral probability of neutral
 * @param positive probability of positive
 * @param decision how the label is chosen from the probabilities
 */
public record Polarity(double negative, double neutral, double positive, Decision decision) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Tolerance on the sum of the three probabilities. */
    private static final double SUM_TOLERANCE = 1e-6;

    /**
     * Offsets added to the log-probabilities of negative and positive (neutral's is 0) before the
     * label is taken as the highest.
     */
    public record Decision(double negativeOffset, double positiveOffset) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The most probable class. */
        public static final Decision MOST_PROBABLE = new Decision(0.0, 0.0);

        public Decision {
            if (!Double.isFinite(negativeOffset) || !Double.isFinite(positiveOffset)) {
                throw new IllegalArgumentException("decision offsets must be finite numbers, were " + negativeOffset + " and " + positiveOffset);
            }
        }
    }

    /** A belief labeled with its most probable class. */
    public Polarity(double negative, double neutral, double positive) {
        this(negative, neutral, positive, Decision.MOST_PROBABLE);
    }

    public Polarity {
        java.util.Objects.requireNonNull(decision, "decision");
        for (double p : new double[] {negative, neutral, positive}) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("a probability must be in [0, 1], was " + p);
            }
        }
        if (Math.abs(negative + neutral + positive - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities must sum to 1, were " + negative + ", " + neutral + ", " + positive);
        }
    }

    /** negative, neutral or positive: the class with the highest log-probability plus offset (neutral on a tie). */
    public String label() {
        double neg = Math.log(negative) + decision.negativeOffset();
        double neu = Math.log(neutral);
        double pos = Math.log(positive) + decision.positiveOffset();
        if (neg > neu && neg > pos) {
            return Sentiment.NEGATIVE;
        }
        if (pos > neu && pos > neg) {
            return Sentiment.POSITIVE;
        }
        return Sentiment.NEUTRAL;
    }

    /** The same probabilities with positive and negative swapped (irony), labeled by the same rule. */
    public Polarity mirrored() {
        return new Polarity(positive, neutral, negative, decision);
    }

    /** P(positive) - P(negative). */
    public double score() {
        return Math.max(-1.0, Math.min(1.0, positive - negative));
    }

    public Sentiment toSentiment() {
        return new Sentiment(label(), score());
    }

    /** The mean of several beliefs (the units of text that mention one entity), labeled by the first one's rule. */
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
        return normalized(neg / n, neu / n, pos / n, polarities.get(0).decision());
    }

    /** A polarity from three non-negative weights, scaled to sum to 1, labeled by {@code decision}. */
    static Polarity normalized(double negative, double neutral, double positive, Decision decision) {
        double sum = negative + neutral + positive;
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("cannot normalize " + negative + ", " + neutral + ", " + positive);
        }
        double neg = negative / sum;
        double pos = positive / sum;
        return new Polarity(neg, Math.max(0.0, 1.0 - neg - pos), pos, decision);
    }
}
