package io.spikewatch.annotate;

import java.util.Locale;

/**
 * The scores of the SemEval message-polarity task from a confusion matrix of gold against
 * predicted labels: AvgRec (the mean of the three classes' recalls, the task's official measure,
 * 1/3 for a system that always says one class), F1_PN (the mean of the F1 of positive and of
 * negative) and accuracy. A class with no gold text has recall 0; one never predicted has
 * precision 0. Not thread-safe; merge per-thread instances with {@link #addAll}.
 */
public final class SentimentMetrics {

    private static final int CLASSES = PolarityModel.LABELS.size();
    private static final int NEGATIVE = PolarityModel.LABELS.indexOf(Sentiment.NEGATIVE);
    private static final int POSITIVE = PolarityModel.LABELS.indexOf(Sentiment.POSITIVE);

    /** counts[gold][predicted], classes in {@link PolarityModel#LABELS} order. */
    private final long[][] counts = new long[CLASSES][CLASSES];

    /** Counts one text. */
    public SentimentMetrics add(String gold, String predicted) {
        counts[index(gold)][index(predicted)]++;
        return this;
    }

    public SentimentMetrics addAll(SentimentMetrics other) {
        for (int g = 0; g < CLASSES; g++) {
            for (int p = 0; p < CLASSES; p++) {
                counts[g][p] += other.counts[g][p];
            }
        }
        return this;
    }

    private static int index(String label) {
        int i = PolarityModel.LABELS.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label must be one of " + PolarityModel.LABELS + ", was '" + label + "'");
        }
        return i;
    }

    /** How many texts had this gold label and that prediction. */
    public long count(String gold, String predicted) {
        return counts[index(gold)][index(predicted)];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double recall(String label) {
        int c = index(label);
        long gold = 0;
        for (int p = 0; p < CLASSES; p++) {
            gold += counts[c][p];
        }
        return gold == 0 ? 0.0 : (double) counts[c][c] / gold;
    }

    public double precision(String label) {
        int c = index(label);
        long predicted = 0;
        for (int g = 0; g < CLASSES; g++) {
            predicted += counts[g][c];
        }
        return predicted == 0 ? 0.0 : (double) counts[c][c] / predicted;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** The mean recall of negative, neutral and positive. */
    public double avgRec() {
        double sum = 0;
        for (String label : PolarityModel.LABELS) {
            sum += recall(label);
        }
        return sum / CLASSES;
    }

    /** The mean F1 of positive and negative. */
    public double f1PN() {
        return (f1(PolarityModel.LABELS.get(POSITIVE)) + f1(PolarityModel.LABELS.get(NEGATIVE))) / 2;
    }

    public double accuracy() {
        long n = total();
        long right = 0;
        for (int c = 0; c < CLASSES; c++) {
            right += counts[c][c];
        }
        return n == 0 ? 0.0 : (double) right / n;
    }

    /** One line of the three scores. */
    public String summary() {
        return String.format(Locale.ROOT, "n=%d AvgRec=%.4f F1_PN=%.4f accuracy=%.4f", total(), avgRec(), f1PN(), accuracy());
    }

    /** The confusion matrix as text, gold classes as rows, with each class's recall. */
    public String confusionTable() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-14s", "gold \\ pred"));
        for (String label : PolarityModel.LABELS) {
            out.append(String.format(Locale.ROOT, " %9s", label));
        }
        out.append(String.format(Locale.ROOT, " %8s%n", "recall"));
        for (int g = 0; g < CLASSES; g++) {
            out.append(String.format(Locale.ROOT, "%-14s", PolarityModel.LABELS.get(g)));
            for (int p = 0; p < CLASSES; p++) {
                out.append(String.format(Locale.ROOT, " %9d", counts[g][p]));
            }
            out.append(String.format(Locale.ROOT, " %8.4f%n", recall(PolarityModel.LABELS.get(g))));
        }
        return out.toString();
    }
}
