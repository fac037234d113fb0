package io.spikewatch.backtest;

import java.util.Collection;

/**
 * The NAB score of one file (or of several, summed) under one profile.
 *
 * @param raw the sum of the weighted detections and misses
 * @param nullScore the raw score of a detector that never fires
 * @param perfect the raw score of a detector that fires on the first row of every window and nowhere else
 * @param truePositives windows detected
 * @param falseNegatives windows missed (windows inside the probationary period are neither)
 * @param falsePositives detections outside every window
 */
public record FileScore(String file, NabProfile profile, double raw, double nullScore, double perfect,
        int truePositives, int falseNegatives, int falsePositives) {

    /** {@code 100 * (raw - null) / (perfect - null)}: 0 for the null detector, 100 for the perfect one. */
    public double normalized() {
        double range = perfect - nullScore;
        return range == 0 ? 100.0 : 100.0 * (raw - nullScore) / range;
    }

    /** The scores of several files of one profile, summed before normalizing as NAB does. */
    public static FileScore total(String name, NabProfile profile, Collection<FileScore> scores) {
        double raw = 0;
        double nullScore = 0;
        double perfect = 0;
        int tp = 0;
        int fn = 0;
        int fp = 0;
        for (FileScore score : scores) {
            if (score.profile() != profile) {
                throw new IllegalArgumentException("cannot add a " + score.profile().label() + " score to a " + profile.label() + " total");
            }
            raw += score.raw();
            nullScore += score.nullScore();
            perfect += score.perfect();
            tp += score.truePositives();
            fn += score.falseNegatives();
            fp += score.falsePositives();
        }
        return new FileScore(name, profile, raw, nullScore, perfect, tp, fn, fp);
    }
}
