package io.spikewatch.backtest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The scoring function of the Numenta Anomaly Benchmark (Lavin and Ahmad, 2015, and the rules of
 * its official scorer), for one file and one threshold.
 *
 * <ul>
 *   <li>A detection is a row whose anomaly score is at or above the threshold.
 *   <li>The probationary period, {@code min(floor(0.15 * rows), 0.15 * 5000)} rows at the start of
 *       the file, is not scored at all.
 *   <li>Each row inside a window of {@code w} rows whose last row is {@code r} is worth
 *       {@code A_TP * σ(-(r - i + 1) / w) / σ(-1)}, with the scaled sigmoid
 *       {@code σ(x) = 2 / (1 + e^(5x)) - 1}; a window counts only its earliest detection, and a
 *       window without one counts {@code -A_FN}.
 *   <li>A detection outside every window counts {@code A_FP * σ(d / (w' - 1))}, {@code d} rows after
 *       the last row of the previous window of width {@code w'} ({@code -A_FP} before any window
 *       and from three window widths on): a false positive right after a window costs less.
 *   <li>The raw score is normalized with the null detector (which never fires: {@code -A_FN} per
 *       scored window) and the perfect one ({@code A_TP} per window): see {@link FileScore}.
 * </ul>
 */
public final class NabScorer {

    /** Share of each file that is not scored. */
    public static final double PROBATIONARY_SHARE = 0.15;
    /** The probationary period never exceeds this share of this many rows. */
    public static final int PROBATIONARY_CAP_ROWS = 5000;
    /** From this many window widths after a window on, a false positive weighs fully. */
    private static final double FAR_PAST_WINDOW = 3.0;
    private static final double SIGMOID_STEEPNESS = 5.0;

    private final NabProfile profile;

    public NabScorer(NabProfile profile) {
        this.profile = profile;
    }

    /** The rows of a file of {@code rows} rows that are not scored. */
    public static int probationaryRows(int rows) {
        return (int) Math.min(Math.floor(PROBATIONARY_SHARE * rows), PROBATIONARY_SHARE * PROBATIONARY_CAP_ROWS);
    }

    /** NAB's scaled sigmoid of a relative position: 0.987 at -1 (left edge of a window), 0 at 0, -1 from 3 on. */
    static double scaledSigmoid(double relativePosition) {
        if (relativePosition >= FAR_PAST_WINDOW) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(SIGMOID_STEEPNESS * relativePosition)) - 1.0;
    }

    /**
     * The weight every row would get if it were a detection (NAB's {@code S(t)} column of its result
     * files), probationary rows included.
     */
    public double[] rowWeights(List<LocalDateTime> timestamps, List<LabeledWindow> windows) {
        int[] windowOf = windowIndexPerRow(timestamps, windows);
        int[][] bounds = windowBounds(windowOf, windows.size());
        double maxTruePositive = scaledSigmoid(-1.0);
        double[] weights = new double[timestamps.size()];
        int previousRight = -1;
        int previousWidth = 0;
        for (int i = 0; i < weights.length; i++) {
            int window = windowOf[i];
            if (window >= 0) {
                int right = bounds[window][1];
                double width = right - bounds[window][0] + 1;
                weights[i] = scaledSigmoid(-(right - i + 1) / width) * profile.truePositiveWeight() / maxTruePositive;
                if (i == right) {
                    previousRight = right;
                    previousWidth = (int) width;
                }
            } else {
                double position = previousRight < 0
                        ? FAR_PAST_WINDOW
                        : Math.abs(previousRight - i) / (double) Math.max(1, previousWidth - 1);
                weights[i] = scaledSigmoid(position) * profile.falsePositiveWeight();
            }
        }
        return weights;
    }

    /** Scores one file: its rows in time order, the labeled windows of that file and the threshold. */
    public FileScore score(String file, List<ScoredRow> rows, List<LabeledWindow> windows, double threshold) {
        List<LocalDateTime> timestamps = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LocalDateTime timestamp = rows.get(i).timestamp();
            if (i > 0 && !timestamp.isAfter(timestamps.get(i - 1))) {
                throw new IllegalArgumentException(file + ": row " + (i + 2) + " (" + NabTimestamps.format(timestamp)
                        + ") is not after the row before it; a scored series must be in time order");
            }
            timestamps.add(timestamp);
        }
        double[] weights = rowWeights(timestamps, windows);
        int[] windowOf = windowIndexPerRow(timestamps, windows);
        int probation = probationaryRows(rows.size());

        boolean[] scored = new boolean[windows.size()];
        double[] earliest = new double[windows.size()];
        boolean[] detected = new boolean[windows.size()];
        double falsePositiveSum = 0;
        int falsePositives = 0;
        for (int i = probation; i < rows.size(); i++) {
            int window = windowOf[i];
            if (window >= 0) {
                scored[window] = true;
            }
            if (rows.get(i).anomalyScore() < threshold) {
                continue;
            }
            if (window >= 0) {
                if (!detected[window]) {
                    detected[window] = true;
                    earliest[window] = weights[i];
                }
            } else {
                falsePositives++;
                falsePositiveSum += weights[i];
            }
        }
        double raw = falsePositiveSum;
        int truePositives = 0;
        int falseNegatives = 0;
        int scoredWindows = 0;
        for (int w = 0; w < windows.size(); w++) {
            if (!scored[w]) {
                continue;
            }
            scoredWindows++;
            if (detected[w]) {
                truePositives++;
                raw += earliest[w];
            } else {
                falseNegatives++;
                raw -= profile.falseNegativeWeight();
            }
        }
        double nullScore = -profile.falseNegativeWeight() * scoredWindows;
        double perfect = profile.truePositiveWeight() * windows.size();
        return new FileScore(file, profile, raw, nullScore, perfect, truePositives, falseNegatives, falsePositives);
    }

    /** For each row, the index of the window that holds it, or -1. */
    private static int[] windowIndexPerRow(List<LocalDateTime> timestamps, List<LabeledWindow> windows) {
        int[] windowOf = new int[timestamps.size()];
        for (int i = 0; i < windowOf.length; i++) {
            windowOf[i] = -1;
            for (int w = 0; w < windows.size(); w++) {
                if (windows.get(w).contains(timestamps.get(i))) {
                    windowOf[i] = w;
                    break;
                }
            }
        }
        return windowOf;
    }

    /** First and last row of each window ({-1, -1} for a window no row falls in). */
    private static int[][] windowBounds(int[] windowOf, int windows) {
        int[][] bounds = new int[windows][];
        for (int w = 0; w < windows; w++) {
            bounds[w] = new int[] {-1, -1};
        }
        for (int i = 0; i < windowOf.length; i++) {
            int w = windowOf[i];
            if (w >= 0) {
                if (bounds[w][0] < 0) {
                    bounds[w][0] = i;
                }
                bounds[w][1] = i;
            }
        }
        return bounds;
    }
}
