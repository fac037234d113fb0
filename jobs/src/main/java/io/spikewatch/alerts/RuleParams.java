package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;
import java.util.Set;

/**
 * The type-specific {@code params} of a rule: each type has its own keys, all with defaults
 * except a threshold's {@code count}. A spike of the rule's type that passes {@link #accepts}
 * and reaches the rule's minimum severity makes the rule fire.
 */
public sealed interface RuleParams
        permits SpikeParams, SentimentShiftParams, ThresholdParams, FlatlineParams, NewEntityOrTermParams {

    /** Whether the spike is big enough for this rule, beyond its severity. */
    boolean accepts(Spike spike);

    /**
     * The waves of an episode as this rule counts them: a report with more than the last alert had
     * escalates the episode. By default the detector's ({@link Spike#waves()}).
     */
    default int waves(Spike spike) {
        return spike.waves();
    }

    /**
     * Whether a report whose severity rose by {@link RuleBook#ESCALATION_STEP} since the last alert
     * escalates the episode. By default it does.
     */
    default boolean escalatesWithSeverity() {
        return true;
    }

    /** The defaults of {@code type} (a threshold has none: its count is required). */
    static RuleParams defaults(RuleType type) {
        return switch (type) {
            case SPIKE -> SpikeParams.DEFAULTS;
            case SENTIMENT_SHIFT -> SentimentShiftParams.DEFAULTS;
            case FLATLINE -> FlatlineParams.DEFAULTS;
            case NEW_ENTITY_OR_TERM -> NewEntityOrTermParams.DEFAULTS;
            case THRESHOLD -> throw new IllegalArgumentException("a threshold rule needs params.count");
        };
    }

    /** The keys {@code params} of {@code type} may hold. */
    static Set<String> keys(RuleType type) {
        return switch (type) {
            case SPIKE -> Set.of(SpikeParams.KEY_MIN_POSTS);
            case SENTIMENT_SHIFT -> Set.of(SentimentShiftParams.KEY_MIN_NEGATIVE_SHARE, SentimentShiftParams.KEY_MIN_POSTS);
            case THRESHOLD -> Set.of(ThresholdParams.KEY_COUNT, ThresholdParams.KEY_WINDOW);
            case FLATLINE -> Set.of(FlatlineParams.KEY_MIN_EXPECTED);
            case NEW_ENTITY_OR_TERM -> Set.of(NewEntityOrTermParams.KEY_MIN_COUNT, NewEntityOrTermParams.KEY_MIN_LIFT);
        };
    }

    /** Posts observed in the spike so far, from its explanation, or its peak value without one. */
    static double observed(Spike spike) {
        return spike.explanation() != null ? spike.explanation().observed() : spike.peakValue();
    }
}
