package io.spikewatch.monitor;

import io.spikewatch.alerts.ContentKind;
import io.spikewatch.alerts.QuerySeries;
import io.spikewatch.alerts.RuleScope;
import io.spikewatch.alerts.SeriesKeys;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The series a post counts in, decided ahead of NLP so the alert path never waits for it: every
 * post counts in {@code all}; in {@code entity:NAME} for each tracked entity its text names (by
 * alias, handle or hashtag); in {@code platform:NAME} when a rule watches its platform; in
 * {@code query:RULE} when it matches that rule's scope.
 */
public final class SeriesRouter {

    private final TrackedEntities tracked;
    private final List<QuerySeries> queries;
    private final Set<String> platforms;

    public SeriesRouter(TrackedEntities tracked, List<QuerySeries> queries, Set<String> platforms) {
        this.tracked = tracked;
        this.queries = List.copyOf(queries);
        this.platforms = Set.copyOf(platforms);
    }

    /**
     * The series known before any post names them: {@code all}, every tracked entity, every
     * platform a rule names, every rule's own query series. They all start counting with the
     * stream, so an entity first named in its own burst has a baseline (of zeros) by then.
     */
    public List<String> knownSeries() {
        List<String> series = new ArrayList<>();
        series.add(SeriesKeys.ALL);
        tracked.entities().forEach(entity -> series.add(SeriesKeys.entity(entity.name())));
        platforms.stream().filter(p -> !RuleScope.EVERY.equals(p)).sorted().forEach(p -> series.add(SeriesKeys.platform(p)));
        queries.forEach(query -> series.add(query.seriesKey()));
        return series;
    }

    public List<String> seriesOf(Post post) {
        List<String> series = new ArrayList<>();
        series.add(SeriesKeys.ALL);
        Set<String> entities = tracked.namedIn(post.text());
        for (String entity : entities) {
            series.add(SeriesKeys.entity(entity));
        }
        String platform = post.platform() == null ? null : post.platform().toLowerCase(Locale.ROOT);
        if (platform != null && (platforms.contains(platform) || platforms.contains(RuleScope.EVERY))) {
            series.add(SeriesKeys.platform(platform));
        }
        for (QuerySeries query : queries) {
            if (query.matches(post.text(), List.of(), platform, ContentKind.POSTS, entities)) {
                series.add(query.seriesKey());
            }
        }
        return series;
    }
}
