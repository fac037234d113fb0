package io.spikewatch.alerts;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * A series the job counts for one rule ({@code query:RULE_NAME}): the records that match every
 * filter of the rule's scope. Plain Java: the job calls {@link #matches} on each record before
 * counting it per minute, like the {@code all} series.
 *
 * <p>A series with an {@code entities} filter needs the record's canonical entities, so it must
 * be counted after annotation ({@link #needsEntities()}); the others can be counted on the raw text.
 *
 * @param seriesKey {@code query:RULE_NAME}
 * @param query null for none
 */
public record QuerySeries(String seriesKey, KeywordQuery query, Set<String> entities, Set<String> platforms, Set<ContentKind> kinds) {

    public QuerySeries {
        entities = Set.copyOf(entities);
        platforms = Set.copyOf(platforms);
        kinds = Set.copyOf(kinds);
    }

    public boolean needsEntities() {
        return !entities.isEmpty();
    }

    /**
     * @param tags hashtags and handles given apart from the text (may be empty)
     * @param platform null for statements
     * @param canonicalEntities the tracked entities the record names (empty before annotation)
     */
    public boolean matches(String text, Collection<String> tags, String platform, ContentKind kind,
            Collection<String> canonicalEntities) {
        if (!kinds.isEmpty() && !kinds.contains(kind)) {
            return false;
        }
        if (!platforms.isEmpty() && !platforms.contains(RuleScope.EVERY)
                && (platform == null || !platforms.contains(platform.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!entities.isEmpty()) {
            boolean named = entities.contains(RuleScope.EVERY)
                    ? !canonicalEntities.isEmpty()
                    : canonicalEntities.stream().anyMatch(entities::contains);
            if (!named) {
                return false;
            }
        }
        return query == null || query.matches(text, tags);
    }
}
