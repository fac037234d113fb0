package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects, per entity, the sentiment units (clauses or sentences) that mention it and combines
 * them into one {@link EntitySentiment}. A unit that mentions an entity twice counts once towards
 * its score and twice towards its mention count. Not thread-safe; use one per message.
 */
final class EntitySentimentAggregator {

    private final Map<String, Accumulator> byEntity = new LinkedHashMap<>();

    /**
     * Records one mention.
     *
     * @param unitId the clause or sentence object, compared by identity
     * @param unitScore that unit's score in [-1, 1]
     */
    void add(EntityMention mention, Object unitId, double unitScore) {
        Accumulator acc = byEntity.computeIfAbsent(mention.entityName(), k -> new Accumulator());
        acc.mentions++;
        if (acc.units.putIfAbsent(unitId, unitScore) == null) {
            acc.sum += unitScore;
        }
    }

    /** One entry per entity, in order of first mention. */
    List<EntitySentiment> result() {
        List<EntitySentiment> result = new ArrayList<>(byEntity.size());
        for (Map.Entry<String, Accumulator> e : byEntity.entrySet()) {
            Accumulator acc = e.getValue();
            Sentiment s = SentimentScorer.sentiment(acc.sum / acc.units.size());
            result.add(new EntitySentiment(e.getKey(), s.label(), s.score(), acc.mentions));
        }
        return result;
    }

    private static final class Accumulator {
        final Map<Object, Double> units = new IdentityHashMap<>();
        double sum;
        int mentions;
    }
}
