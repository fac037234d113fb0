package io.spikewatch.backtest;

import java.util.Arrays;
import java.util.Locale;

/**
 * The application profiles of NAB (Lavin and Ahmad, 2015): how much a true positive, a false
 * positive and a missed window weigh. {@link #label()} is the name NAB's result files use.
 */
public enum NabProfile {
    STANDARD("standard", 1.0, 0.11, 1.0),
    REWARD_LOW_FP_RATE("reward_low_FP_rate", 1.0, 0.22, 1.0),
    REWARD_LOW_FN_RATE("reward_low_FN_rate", 1.0, 0.11, 2.0);

    private final String label;
    private final double truePositiveWeight;
    private final double falsePositiveWeight;
    private final double falseNegativeWeight;

    NabProfile(String label, double truePositiveWeight, double falsePositiveWeight, double falseNegativeWeight) {
        this.label = label;
        this.truePositiveWeight = truePositiveWeight;
        this.falsePositiveWeight = falsePositiveWeight;
        this.falseNegativeWeight = falseNegativeWeight;
    }

    public String label() {
        return label;
    }

    public double truePositiveWeight() {
        return truePositiveWeight;
    }

    public double falsePositiveWeight() {
        return falsePositiveWeight;
    }

    public double falseNegativeWeight() {
        return falseNegativeWeight;
    }

    /** Accepts NAB's label ({@code reward_low_FP_rate}), the constant name or the short forms {@code low-fp}, {@code low-fn}. */
    public static NabProfile parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (NabProfile profile : values()) {
            if (profile.label.toLowerCase(Locale.ROOT).equals(key) || profile.name().toLowerCase(Locale.ROOT).equals(key)
                    || ("reward_" + key + "_rate").equals(profile.label.toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown NAB profile '" + text + "', expected one of "
                + Arrays.stream(values()).map(NabProfile::label).toList() + " (or low-fp, low-fn)");
    }
}
