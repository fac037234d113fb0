package io.spikewatch.annotate;

import java.util.Locale;

/**
 * How well sentiment scores in [-1, 1] match what they claim. A text's gold value is +1 for
 * positive, -1 for negative and 0 for neutral; a calibrated score is the expected gold value,
 * so among texts scored about 0.4 the positives outnumber the negatives by 40 points, and the
 * mean score of a set estimates its positive share minus its negative share.
 *
 * <p>Reports the calibration error (scores binned into {@value #BINS} equal bins over [-1, 1];
 * the mean over bins, weighted by their texts, of |mean gold - mean score|; 0 is perfect) and the
 * mean score against the mean gold value. Not thread-safe; merge per-thread instances with
 * {@link #addAll}.
 */
public final class ScoreCalibration {

    /** Bins over [-1, 1]. */
    public static final int BINS = 10;

    private final long[] count = new long[BINS];
    private final double[] scoreSum = new double[BINS];
    private final double[] goldSum = new double[BINS];

    /** Counts one text. */
    public ScoreCalibration add(String gold, double score) {
        if (!(score >= -1.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
        }
        int bin = Math.min(BINS - 1, (int) ((score + 1.0) / 2.0 * BINS));
        count[bin]++;
        scoreSum[bin] += score;
        goldSum[bin] += goldValue(gold);
        return this;
    }

    public ScoreCalibration addAll(ScoreCalibration other) {
        for (int b = 0; b < BINS; b++) {
            count[b] += other.count[b];
            scoreSum[b] += other.scoreSum[b];
            goldSum[b] += other.goldSum[b];
        }
        return this;
    }

    private static double goldValue(String gold) {
        return switch (gold) {
            case Sentiment.POSITIVE -> 1.0;
            case Sentiment.NEGATIVE -> -1.0;
            case Sentiment.NEUTRAL -> 0.0;
            default -> throw new IllegalArgumentException("label must be one of " + PolarityModel.LABELS + ", was '" + gold + "'");
        };
    }

    public long total() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }

    /** The expected calibration error: the text-weighted mean over bins of |mean gold - mean score|. */
    public double error() {
        long n = total();
        if (n == 0) {
            return 0.0;
        }
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
            sum += Math.abs(goldSum[b] - scoreSum[b]);
        }
        return sum / n;
    }

    /** The mean score, which estimates {@link #meanGold()}. */
    public double meanScore() {
        return mean(scoreSum);
    }

    /** The positive share minus the negative share of the gold labels. */
    public double meanGold() {
        return mean(goldSum);
    }

    private double mean(double[] sums) {
        long n = total();
        double sum = 0;
        for (double s : sums) {
            sum += s;
        }
        return n == 0 ? 0.0 : sum / n;
    }

    /** One line: the error and the two means. */
    public String summary() {
        return String.format(Locale.ROOT, "score calibration error %.4f (mean score %+.4f, gold positive share - negative share %+.4f)",
                error(), meanScore(), meanGold());
    }
}
