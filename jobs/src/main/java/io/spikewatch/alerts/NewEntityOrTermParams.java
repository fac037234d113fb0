package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.TermWeight;
import java.util.List;
import java.util.stream.Stream;

/**
 * Params of a {@code new_entity_or_term} rule: the spike's explanation must hold an entity, term
 * or hashtag seen at least {@code min_count} times with a lift of at least {@code min_lift}
 * against the baseline.
 */
public record NewEntityOrTermParams(long minCount, double minLift) implements RuleParams {

    public static final String KEY_MIN_COUNT = "min_count";
    public static final String KEY_MIN_LIFT = "min_lift";
    public static final long DEFAULT_MIN_COUNT = 10;
    public static final double DEFAULT_MIN_LIFT = 5;
    public static final NewEntityOrTermParams DEFAULTS = new NewEntityOrTermParams(DEFAULT_MIN_COUNT, DEFAULT_MIN_LIFT);

    @Override
    public boolean accepts(Spike spike) {
        if (spike.explanation() == null) {
            return false;
        }
        var e = spike.explanation();
        return Stream.of(e.entities(), e.terms(), e.hashtags())
                .flatMap(List::stream)
                .anyMatch(this::qualifies);
    }

    private boolean qualifies(TermWeight weight) {
        return weight.count() >= minCount && weight.lift() >= minLift;
    }
}
