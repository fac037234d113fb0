package io.spikewatch.annotate;

import java.util.Arrays;

/**
 * What CoreNLP's recursive sentiment model (RNTN) says about a message or a clause: its five-class
 * distribution (very negative .. very positive; for a message the mean over its sentences
 * weighted by their tokens) and the lowest and highest sentence score on the [-1, 1] scale of
 * {@link SentimentScorer}. A feature source of the polarity classifier.
 *
 * @param distribution five probabilities
 * @param minScore the most negative sentence's score
 * @param maxScore the most positive sentence's score
 */
record RntnSummary(double[] distribution, double minScore, double maxScore) {

    static final int CLASSES = SentimentScorer.CLASS_VALUES.length;

    RntnSummary {
        if (distribution.length != CLASSES) {
            throw new IllegalArgumentException("expected " + CLASSES + " class probabilities, got " + distribution.length);
        }
        distribution = distribution.clone();
    }

    /** The expected class value of the distribution, in [-1, 1]. */
    double score() {
        double s = 0;
        for (int i = 0; i < CLASSES; i++) {
            s += distribution[i] * SentimentScorer.CLASS_VALUES[i];
        }
        return s;
    }

    /** Accumulates sentences into a message summary. Not thread-safe. */
    static final class Builder {
        private final double[] sum = new double[CLASSES];
        private double weight;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        /** Adds a sentence's distribution with a positive weight (its token count). */
        Builder add(double[] distribution, double tokens) {
            if (tokens <= 0) {
                return this;
            }
            double score = 0;
            for (int i = 0; i < CLASSES; i++) {
                sum[i] += distribution[i] * tokens;
                score += distribution[i] * SentimentScorer.CLASS_VALUES[i];
            }
            weight += tokens;
            min = Math.min(min, score);
            max = Math.max(max, score);
            return this;
        }

        /** The summary, or null when no sentence was added. */
        RntnSummary build() {
            if (weight == 0) {
                return null;
            }
            double[] mean = Arrays.copyOf(sum, CLASSES);
            for (int i = 0; i < CLASSES; i++) {
                mean[i] /= weight;
            }
            return new RntnSummary(mean, min, max);
        }
    }

    /** The summary of one unit (a clause or a sentence) from its five probabilities. */
    static RntnSummary of(double[] distribution) {
        return new Builder().add(distribution, 1).build();
    }
}
