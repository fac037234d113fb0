package io.spikewatch.alerts;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * What part of the stream a rule watches, and so which series its spikes come from.
 *
 * <ul>
 *   <li>Nothing given: the {@code all} series (everything counted together).</li>
 *   <li>Only {@code entities}: the {@code entity:NAME} series of each; {@code "*"} means every
 *       tracked entity.</li>
 *   <li>Only {@code platforms}: the {@code platform:NAME} series of each; {@code "*"} means every platform.</li>
 *   <li>A {@code query}, {@code kinds}, or both entities and platforms: the rule's own series
 *       {@code query:RULE_NAME}, which counts the records that pass every filter given (see
 *       {@link QuerySeries}).</li>
 * </ul>
 *
 * @param entities canonical names from the tracked-entities file (empty: no entity filter)
 * @param query null when none
 * @param platforms lower-case platform names (empty: no platform filter)
 * @param kinds empty: no kind filter
 */
public record RuleScope(Set<String> entities, KeywordQuery query, Set<String> platforms, Set<ContentKind> kinds) {

    /** In {@code entities} or {@code platforms}: every one. */
    public static final String EVERY = "*";

    public static final RuleScope EVERYTHING = new RuleScope(Set.of(), null, Set.of(), Set.of());

    public RuleScope {
        entities = Set.copyOf(entities);
        platforms = platforms.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        kinds = Set.copyOf(kinds);
    }

    /** Whether the rule has its own {@code query:RULE_NAME} series. */
    public boolean ownSeries() {
        return query != null || !kinds.isEmpty() || (!entities.isEmpty() && !platforms.isEmpty());
    }

    /** Whether spikes of {@code seriesKey} are the rule's (named {@code ruleName}) to judge. */
    public boolean covers(String seriesKey, String ruleName) {
        if (ownSeries()) {
            return seriesKey.equals(SeriesKeys.query(ruleName));
        }
        if (!entities.isEmpty()) {
            return seriesKey.startsWith(SeriesKeys.ENTITY_PREFIX)
                    && matchesOne(entities, seriesKey.substring(SeriesKeys.ENTITY_PREFIX.length()));
        }
        if (!platforms.isEmpty()) {
            return seriesKey.startsWith(SeriesKeys.PLATFORM_PREFIX)
                    && matchesOne(platforms, seriesKey.substring(SeriesKeys.PLATFORM_PREFIX.length()));
        }
        return seriesKey.equals(SeriesKeys.ALL);
    }

    private static boolean matchesOne(Collection<String> names, String name) {
        return names.contains(EVERY) || names.contains(name);
    }
}
