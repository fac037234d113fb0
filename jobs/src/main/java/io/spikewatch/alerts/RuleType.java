package io.spikewatch.alerts;

import io.spikewatch.spikes.SpikeKind;
import java.util.Arrays;
import java.util.Locale;

/** What a rule watches for, and the {@link SpikeKind} of the spikes it accepts. */
public enum RuleType {
    /** Volume far above the learned baseline. */
    SPIKE(SpikeKind.VOLUME),
    /** The share of negative posts jumped. */
    SENTIMENT_SHIFT(SpikeKind.SENTIMENT_SHIFT),
    /** A fixed count over a window was reached (see {@link ThresholdParams}). */
    THRESHOLD(SpikeKind.THRESHOLD),
    /** Volume collapsed, as when the platform itself is down. */
    FLATLINE(SpikeKind.FLATLINE),
    /** An entity or term absent from the baseline became frequent. */
    NEW_ENTITY_OR_TERM(SpikeKind.EMERGING);

    private final SpikeKind spikeKind;

    RuleType(SpikeKind spikeKind) {
        this.spikeKind = spikeKind;
    }

    public SpikeKind spikeKind() {
        return spikeKind;
    }

    /** The name in the rules file, e.g. {@code sentiment_shift}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String allConfigNames() {
        return String.join(", ", Arrays.stream(values()).map(RuleType::configName).toList());
    }

    /** @throws IllegalArgumentException listing the accepted names */
    public static RuleType fromConfig(String text) {
        for (RuleType type : values()) {
            if (type.configName().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("expected one of " + allConfigNames() + " but was '" + text + "'");
    }
}
