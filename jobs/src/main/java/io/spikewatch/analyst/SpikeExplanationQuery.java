package io.spikewatch.analyst;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.index.IndexNames;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What drove a spike: its stored episode and explanation, and, when the stored terms are thin
 * (fewer than {@value #MIN_STORED_TERMS} terms, hashtags and entities together) or when asked, a
 * live query over the posts index: {@code significant_text} on the post text and
 * {@code significant_terms} on the entity names of the spike's posts, against a background of the
 * same series over the baseline window before the spike and the spike itself (a superset, as
 * Elasticsearch's significance scoring expects).
 *
 * <p>The series decides which posts are the spike's: all posts, those naming a tracked entity
 * ({@code canonical_entities}), or a platform's; a keyword-query series has its query in the
 * alert rules, not in the index, so it gets no live terms.
 */
public final class SpikeExplanationQuery {

    /** A stored explanation with fewer terms, hashtags and entities than this is completed live. */
    public static final int MIN_STORED_TERMS = 3;
    public static final Duration DEFAULT_BASELINE = Duration.ofHours(2);
    /** How many significant words and entities the live query returns. */
    public static final int LIVE_TERMS = 10;
    /** A live term must be in at least this many of the spike's posts. */
    public static final long MIN_POSTS_PER_TERM = 2;
    /** While an episode lasts, its window ends this long after its peak. */
    static final Duration OPEN_WINDOW_AFTER_PEAK = Duration.ofMinutes(1);

    private final ElasticsearchClient client;
    private final IndexNames indices;

    public SpikeExplanationQuery(ElasticsearchClient client, IndexNames indices) {
        this.client = client;
        this.indices = indices;
    }

    /** The stored spike; {@link UnknownSpikeException} when the spikes index does not hold {@code id}. */
    public StoredSpike stored(String id) throws IOException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("SPIKE_ID: must not be empty");
        }
        if (!EsReads.exists(client, indices.spikes())) {
            throw new UnknownSpikeException(id, indices.spikes() + " (the index does not exist)");
        }
        GetResponse<JsonNode> response = client.get(g -> g.index(indices.spikes()).id(id), JsonNode.class);
        if (!response.found() || response.source() == null) {
            throw new UnknownSpikeException(id, indices.spikes());
        }
        return new StoredSpike(id, SpikeDocumentReader.read(id, response.source()));
    }

    /**
     * The spike {@code id} explained; live terms are added when {@code forceLive} or the stored
     * explanation is thin, over {@code baseline} before the spike.
     */
    public ExplainedSpike explain(String id, boolean forceLive, Duration baseline) throws IOException {
        if (baseline == null || baseline.isNegative() || baseline.isZero()) {
            throw new IllegalArgumentException("--baseline: must be a positive duration, got " + baseline);
        }
        StoredSpike stored = stored(id);
        LiveTerms live = forceLive || isThin(stored.spike().explanation()) ? live(stored.spike(), baseline) : null;
        return new ExplainedSpike(stored, live);
    }

    static boolean isThin(SpikeExplanation e) {
        return e == null || e.terms().size() + e.hashtags().size() + e.entities().size() < MIN_STORED_TERMS;
    }

    /** The posts window of a spike: start to end, or to a minute past the peak while it lasts. */
    static TimeRange window(Spike spike) {
        Instant end = spike.end() != null ? spike.end()
                : (spike.peak() != null ? spike.peak() : spike.start()).plus(OPEN_WINDOW_AFTER_PEAK);
        return new TimeRange(spike.start(), end.isAfter(spike.start()) ? end : spike.start().plus(OPEN_WINDOW_AFTER_PEAK));
    }

    /** The filter selecting a series' posts, or empty when the index cannot tell (a keyword-query series). */
    static Optional<List<Query>> seriesFilter(String series) {
        if (series.equals("all")) {
            return Optional.of(List.of());
        }
        int colon = series.indexOf(':');
        String scope = colon < 0 ? series : series.substring(0, colon);
        String name = colon < 0 ? "" : series.substring(colon + 1);
        return switch (scope) {
            case "entity" -> Optional.of(List.of(EsReads.term("canonical_entities", name)));
            case "platform" -> Optional.of(List.of(EsReads.term("platform", name)));
            default -> Optional.empty();
        };
    }

    LiveTerms live(Spike spike, Duration baselineLength) throws IOException {
        TimeRange window = window(spike);
        TimeRange baseline = new TimeRange(spike.start().minus(baselineLength), spike.start());
        Optional<List<Query>> series = seriesFilter(spike.seriesKey());
        if (series.isEmpty()) {
            return LiveTerms.unavailable(window, baseline, "series " + spike.seriesKey()
                    + " is a keyword query of the alert rules; its posts cannot be selected from the index");
        }
        if (!EsReads.exists(client, indices.posts())) {
            return LiveTerms.unavailable(window, baseline, "no posts index " + indices.posts());
        }
        TimeRange background = new TimeRange(baseline.from(), window.to());
        Query foreground = Query.of(q -> q.bool(b -> b.filter(series.get()).filter(EsReads.range("created_at", window))));
        Query backgroundFilter = Query.of(q -> q.bool(b -> b.filter(series.get()).filter(EsReads.range("created_at", background))));
        SearchResponse<Void> response = client.search(s -> s.index(indices.posts()).size(0).trackTotalHits(t -> t.enabled(true))
                .query(foreground)
                .aggregations("words", a -> a.significantText(t -> t.field("text").filterDuplicateText(true).size(LIVE_TERMS)
                        .minDocCount(MIN_POSTS_PER_TERM).backgroundFilter(backgroundFilter)))
                .aggregations("entities", a -> a.significantTerms(t -> t.field("entity_names").size(LIVE_TERMS)
                        .minDocCount(MIN_POSTS_PER_TERM).backgroundFilter(backgroundFilter)))
                .aggregations("background", a -> a.global(g -> g).aggregations("posts", f -> f.filter(backgroundFilter))),
                Void.class);
        long spikePosts = response.hits().total().value();
        if (spikePosts == 0) {
            return LiveTerms.unavailable(window, baseline, "no posts of series " + spike.seriesKey() + " in " + indices.posts()
                    + " from " + window);
        }
        long backgroundPosts = response.aggregations().get("background").global().aggregations().get("posts").filter().docCount();
        return new LiveTerms(window, baseline, spikePosts, backgroundPosts - spikePosts,
                terms(response.aggregations().get("words").sigsterms().buckets().array()),
                terms(response.aggregations().get("entities").sigsterms().buckets().array()), null);
    }

    private static List<LiveTerm> terms(List<SignificantStringTermsBucket> buckets) {
        List<LiveTerm> terms = new ArrayList<>();
        for (SignificantStringTermsBucket bucket : buckets) {
            terms.add(new LiveTerm(bucket.key(), bucket.docCount(), Math.max(0, bucket.bgCount() - bucket.docCount()), bucket.score()));
        }
        return terms;
    }
}
