package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Collects, per entity, the sentiment units (clauses or sentences) that mention it and combines
 * them into one {@link EntitySentiment}. A unit that mentions an entity twice counts once towards
 * its sentiment and twice towards its mention count. Not thread-safe; use one per message.
 *
 * @param <U> what is known about one unit (a classifier's {@link Polarity}, or a score)
 */
final class EntitySentimentAggregator<U> {

    private final Function<List<U>, Sentiment> combine;
    private final Map<String, Accumulator<U>> byEntity = new LinkedHashMap<>();

    /** @param combine the sentiment of an entity from the judgements of its distinct units */
    EntitySentimentAggregator(Function<List<U>, Sentiment> combine) {
        this.combine = Objects.requireNonNull(combine, "combine");
    }

    /** Units judged by the polarity classifier: the mean of their probabilities. */
    static EntitySentimentAggregator<Polarity> ofPolarities() {
        return new EntitySentimentAggregator<>(units -> Polarity.mean(units).toSentiment());
    }

    /** Units scored on [-1, 1]: the mean score, labelled with {@link SentimentScorer}'s neutral band. */
    static EntitySentimentAggregator<Double> ofScores() {
        return new EntitySentimentAggregator<>(units -> {
            double sum = 0;
            for (double s : units) {
                sum += s;
            }
            return SentimentScorer.sentiment(sum / units.size());
        });
    }

    /**
     * Records one mention.
     *
     * @param unitId the clause or sentence object, compared by identity
     * @param unit that unit's judgement
     */
    void add(EntityMention mention, Object unitId, U unit) {
        Accumulator<U> acc = byEntity.computeIfAbsent(mention.entityName(), k -> new Accumulator<>());
        acc.mentions++;
        if (acc.seen.put(unitId, Boolean.TRUE) == null) {
            acc.units.add(unit);
        }
    }

    /** One entry per entity, in order of first mention. */
    List<EntitySentiment> result() {
        List<EntitySentiment> result = new ArrayList<>(byEntity.size());
        for (Map.Entry<String, Accumulator<U>> e : byEntity.entrySet()) {
            Accumulator<U> acc = e.getValue();
            Sentiment s = combine.apply(acc.units);
            result.add(new EntitySentiment(e.getKey(), s.label(), s.score(), acc.mentions));
        }
        return result;
    }

    private static final class Accumulator<U> {
        final Map<Object, Boolean> seen = new IdentityHashMap<>();
        final List<U> units = new ArrayList<>();
        int mentions;
    }
}
