package io.spikewatch.annotate;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 with exact span and type match, per scored type and
 * micro-averaged over them (true positives, false positives and false negatives summed before
 * the ratios, as the CoNLL and WNUT scorers do). A ratio with a zero denominator is 0. Not
 * thread-safe; {@link #addAll} merges counts from other threads.
 */
public final class NerMetrics {

    /** The types scored: the ones both CoreNLP and the WNUT 2017 data have, organisations folded. */
    public static final List<EntityType> SCORED_TYPES = List.of(EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION);

    private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);
    private int sentences;

    public NerMetrics() {
        for (EntityType type : SCORED_TYPES) {
            counts.put(type, new int[3]);
        }
    }

    /**
     * Counts one sentence. Spans of unscored types are ignored; duplicates count once.
     */
    public void add(List<TokenSpan> gold, List<TokenSpan> predicted) {
        sentences++;
        Set<TokenSpan> goldSet = scored(gold);
        Set<TokenSpan> predictedSet = scored(predicted);
        for (TokenSpan span : predictedSet) {
            counts.get(span.type())[goldSet.contains(span) ? TP : FP]++;
        }
        for (TokenSpan span : goldSet) {
            if (!predictedSet.contains(span)) {
                counts.get(span.type())[FN]++;
            }
        }
    }

    public void addAll(NerMetrics other) {
        sentences += other.sentences;
        for (EntityType type : SCORED_TYPES) {
            for (int i = 0; i < 3; i++) {
                counts.get(type)[i] += other.counts.get(type)[i];
            }
        }
    }

    public int sentences() {
        return sentences;
    }

    public int truePositives(EntityType type) {
        return count(type)[TP];
    }

    public int falsePositives(EntityType type) {
        return count(type)[FP];
    }

    public int falseNegatives(EntityType type) {
        return count(type)[FN];
    }

    public double precision(EntityType type) {
        return ratio(truePositives(type), truePositives(type) + falsePositives(type));
    }

    public double recall(EntityType type) {
        return ratio(truePositives(type), truePositives(type) + falseNegatives(type));
    }

    public double f1(EntityType type) {
        return f1(precision(type), recall(type));
    }

    public double microPrecision() {
        return ratio(sum(TP), sum(TP) + sum(FP));
    }

    public double microRecall() {
        return ratio(sum(TP), sum(TP) + sum(FN));
    }

    public double microF1() {
        return f1(microPrecision(), microRecall());
    }

    /** One line per type and one for the micro average: gold and predicted counts, P, R, F1. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %6s %6s %6s %9s %9s %9s%n", "type", "gold", "found", "correct",
                "precision", "recall", "F1"));
        for (EntityType type : SCORED_TYPES) {
            int[] c = counts.get(type);
            out.append(row(type.name().toLowerCase(Locale.ROOT), c[TP] + c[FN], c[TP] + c[FP], c[TP],
                    precision(type), recall(type), f1(type)));
        }
        out.append(row("overall", sum(TP) + sum(FN), sum(TP) + sum(FP), sum(TP), microPrecision(), microRecall(), microF1()));
        return out.toString();
    }

    private static String row(String name, int gold, int found, int correct, double p, double r, double f) {
        return String.format(Locale.ROOT, "%-14s %6d %6d %6d %9.4f %9.4f %9.4f%n", name, gold, found, correct, p, r, f);
    }

    private static final int TP = 0;
    private static final int FP = 1;
    private static final int FN = 2;

    private int[] count(EntityType type) {
        int[] c = counts.get(type);
        if (c == null) {
            throw new IllegalArgumentException(type + " is not scored; scored types are " + SCORED_TYPES);
        }
        return c;
    }

    private int sum(int which) {
        int total = 0;
        for (int[] c : counts.values()) {
            total += c[which];
        }
        return total;
    }

    private static Set<TokenSpan> scored(List<TokenSpan> spans) {
        Set<TokenSpan> set = new HashSet<>();
        for (TokenSpan span : spans) {
            if (SCORED_TYPES.contains(span.type())) {
                set.add(span);
            }
        }
        return set;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
