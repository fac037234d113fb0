package io.spikewatch.annotate;

import java.util.List;

/**
 * Turns CoreNLP's five sentiment class probabilities (very negative, negative, neutral, positive,
 * very positive) into a score in [-1, 1] and a label.
 *
 * <p>The score of one unit (a sentence or clause) is the expected value of the class under the
 * model's distribution, with the classes placed at -1, -0.5, 0, 0.5 and 1: a confident "very
 * positive" scores near 1, an unsure split between negative and positive scores near 0. Units are
 * combined into a message score by averaging, weighted by their length in tokens, so a short
 * interjection does not outweigh the sentence that carries the content.
 */
public final class SentimentScorer {

    /** Where each of CoreNLP's five classes sits on the [-1, 1] scale. */
    static final double[] CLASS_VALUES = {-1.0, -0.5, 0.0, 0.5, 1.0};

    /**
     * Scores closer to 0 than this are neutral. CoreNLP's model trained on film reviews leans
     * slightly negative on plain factual sentences (around -0.1), which this band absorbs.
     */
    public static final double NEUTRAL_BAND = 0.2;

    private SentimentScorer() {}

    /**
     * The score of one unit from its class probabilities.
     *
     * @throws IllegalArgumentException when there are not exactly five probabilities
     */
    public static double score(List<Double> classProbabilities) {
        if (classProbabilities.size() != CLASS_VALUES.length) {
            throw new IllegalArgumentException("expected " + CLASS_VALUES.length
                    + " sentiment class probabilities, got " + classProbabilities.size());
        }
        double total = 0.0;
        double mass = 0.0;
        for (int i = 0; i < CLASS_VALUES.length; i++) {
            double p = classProbabilities.get(i);
            total += p * CLASS_VALUES[i];
            mass += p;
        }
        return mass > 0 ? clamp(total / mass) : 0.0;
    }

    /** The label of a score: neutral inside {@link #NEUTRAL_BAND}, else its sign. */
    public static String labelFor(double score) {
        if (score >= NEUTRAL_BAND) {
            return Sentiment.POSITIVE;
        }
        if (score <= -NEUTRAL_BAND) {
            return Sentiment.NEGATIVE;
        }
        return Sentiment.NEUTRAL;
    }

    /** A sentiment from a score. */
    public static Sentiment sentiment(double score) {
        double clamped = clamp(score);
        return new Sentiment(labelFor(clamped), clamped);
    }

    /** Accumulates weighted unit scores into one sentiment. Not thread-safe; use one per message. */
    public static final class Mean {
        private double weightedSum;
        private double totalWeight;

        /** Adds one unit's score with a positive weight (its token count). */
        public Mean add(double score, double weight) {
            if (weight > 0) {
                weightedSum += score * weight;
                totalWeight += weight;
            }
            return this;
        }

        /** The weighted mean as a sentiment; {@link Sentiment#NONE} when nothing was added. */
        public Sentiment result() {
            return totalWeight > 0 ? sentiment(weightedSum / totalWeight) : Sentiment.NONE;
        }
    }

    private static double clamp(double score) {
        return Math.max(-1.0, Math.min(1.0, score));
    }
}
