package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.TermWeight;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Params of a {@code new_entity_or_term} rule: the spike's explanation must hold an entity, term
 * or hashtag seen at least {@code min_count} times with a lift of at least {@code min_lift}
 * against the baseline. The news is the names: once the episode is alerted, the rule alerts again
 * (escalating) when another entity of it qualifies (the EU after its commissioner), not for the
 * hashtags and phrases of the same story nor as a name is counted in more posts.
 */
public record NewEntityOrTermParams(long minCount, double minLift) implements RuleParams {

    public static final String KEY_MIN_COUNT = "min_count";
    public static final String KEY_MIN_LIFT = "min_lift";
    public static final long DEFAULT_MIN_COUNT = 10;
    public static final double DEFAULT_MIN_LIFT = 5;
    public static final NewEntityOrTermParams DEFAULTS = new NewEntityOrTermParams(DEFAULT_MIN_COUNT, DEFAULT_MIN_LIFT);

    @Override
    public boolean accepts(Spike spike) {
        return !qualifying(spike).isEmpty();
    }

    /**
     * The entities, hashtags and terms of the spike that qualify: the entities first (a new name is
     * the news), then the hashtags, then the terms, each of highest lift first.
     */
    public List<TermWeight> qualifying(Spike spike) {
        if (spike.explanation() == null) {
            return List.of();
        }
        var e = spike.explanation();
        Comparator<TermWeight> newestFirst = Comparator.comparingDouble(TermWeight::lift).reversed().thenComparing(TermWeight::term);
        return Stream.of(e.entities(), e.hashtags(), e.terms())
                .flatMap(weights -> weights.stream().filter(this::qualifies).sorted(newestFirst))
                .toList();
    }

    /** One wave per qualifying entity. */
    @Override
    public int waves(Spike spike) {
        return spike.explanation() == null ? 0 : (int) spike.explanation().entities().stream().filter(this::qualifies).count();
    }

    @Override
    public boolean escalatesWithSeverity() {
        return false;
    }

    private boolean qualifies(TermWeight weight) {
        return weight.count() >= minCount && weight.lift() >= minLift;
    }
}
