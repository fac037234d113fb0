package io.spikewatch.live;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.index.IndexNames;
import io.spikewatch.schema.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fixed, read-only searches behind the live page's panels, one method per endpoint, each
 * over the window it is given. They mirror the Kibana Live monitor's panels (see
 * {@code dashboards/README.md}). An index that does not exist yet (the job has not written it)
 * reads as empty, so the page works from the moment a demo starts.
 */
public final class LiveQueries {

    /** Posts listed in a post panel. */
    public static final int POSTS_PER_PANEL = 10;
    /** Tracked entities in the share-of-voice chart (the Kibana panel's top 10). */
    public static final int SHARE_OF_VOICE_ENTITIES = 10;
    /** Entities in the net-sentiment chart (the Kibana panel's top 8). */
    public static final int SENTIMENT_ENTITIES = 8;
    /** Named entities in the top-entities panel (the Kibana panel's top 15). */
    public static final int TOP_ENTITIES = 15;
    public static final int STATEMENTS = 20;
    public static final int ALERTS = 50;
    public static final int SPIKES = 50;
    /** Posts of a spike's series shown with its explanation. */
    public static final int SPIKE_POSTS = 20;
    /** How long after its start an episode still without an end is read for its posts. */
    public static final Duration OPEN_EPISODE_WINDOW = Duration.ofMinutes(30);

    private final ElasticsearchClient client;
    private final IndexNames indices;

    /** Reads through {@code client} (not closed here) from the indices of {@code indices}. */
    public LiveQueries(ElasticsearchClient client, IndexNames indices) {
        this.client = client;
        this.indices = indices;
    }

    public IndexNames indices() {
        return indices;
    }

    /** The oldest and newest post times and the number of posts: where the page's window ends by default. */
    public ObjectNode extent() throws IOException {
        SearchResponse<Void> response = search(s -> s.index(indices.posts()).size(0).trackTotalHits(t -> t.enabled(true))
                .aggregations("oldest", a -> a.min(m -> m.field("created_at")))
                .aggregations("newest", a -> a.max(m -> m.field("created_at"))), Void.class);
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("posts", response.hits().total() == null ? 0 : response.hits().total().value());
        Aggregate oldest = response.aggregations().get("oldest");
        Aggregate newest = response.aggregations().get("newest");
        if (oldest != null && newest != null && Double.isFinite(oldest.min().value()) && Double.isFinite(newest.max().value())) {
            json.put("oldest", Instant.ofEpochMilli((long) oldest.min().value()).toString());
            json.put("newest", Instant.ofEpochMilli((long) newest.max().value()).toString());
        }
        return json;
    }

    /** Posts per bucket of the window split by sentiment label ({@link PanelJson#volume}). */
    public ObjectNode volume(TimeRange range) throws IOException {
        SearchResponse<Void> response = search(s -> s.index(indices.posts()).size(0)
                .query(inRange("created_at", range))
                .aggregations("time", a -> a.dateHistogram(histogram("created_at", range))
                        .aggregations("sentiment", x -> x.terms(t -> t.field("sentiment.label").missing(PanelJson.UNSCORED).size(10)))),
                Void.class);
        Map<Instant, Map<String, Long>> counts = new HashMap<>();
        for (DateHistogramBucket bucket : histogramBuckets(response.aggregations().get("time"))) {
            Map<String, Long> labels = new HashMap<>();
            for (StringTermsBucket label : bucket.aggregations().get("sentiment").sterms().buckets().array()) {
                labels.put(label.key().stringValue(), label.docCount());
            }
            counts.put(Instant.ofEpochMilli(bucket.key()), labels);
        }
        return PanelJson.volume(range, counts);
    }

    /** Posts per bucket naming each of the most-named tracked entities ({@code canonical_entities}). */
    public ObjectNode shareOfVoice(TimeRange range) throws IOException {
        SearchResponse<Void> response = search(s -> s.index(indices.posts()).size(0)
                .query(inRange("created_at", range))
                .aggregations("entities", a -> a.terms(t -> t.field("canonical_entities").size(SHARE_OF_VOICE_ENTITIES))
                        .aggregations("time", x -> x.dateHistogram(histogram("created_at", range)))),
                Void.class);
        Map<String, Map<Instant, ? extends Number>> series = new LinkedHashMap<>();
        for (StringTermsBucket entity : termsBuckets(response.aggregations().get("entities"))) {
            Map<Instant, Long> values = new HashMap<>();
            for (DateHistogramBucket bucket : histogramBuckets(entity.aggregations().get("time"))) {
                values.put(Instant.ofEpochMilli(bucket.key()), bucket.docCount());
            }
            series.put(entity.key().stringValue(), values);
        }
        return PanelJson.series(range, series);
    }

    /**
     * Net sentiment per bucket of the tracked entities with the most metric minutes (or of
     * {@code entity} alone when given), from the metrics index: (positive − negative) / scored.
     */
    public ObjectNode entitySentiment(TimeRange range, String entity) throws IOException {
        SearchResponse<Void> response = search(s -> s.index(indices.metrics()).size(0)
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("scope").value("entity")));
                    b.filter(inRange("minute", range));
                    if (entity != null) {
                        b.filter(f -> f.term(t -> t.field("entity").value(entity)));
                    }
                    return b;
                }))
                .aggregations("entities", a -> a.terms(t -> t.field("entity").size(SENTIMENT_ENTITIES))
                        .aggregations("time", x -> x.dateHistogram(histogram("minute", range))
                                .aggregations("positive", y -> y.sum(m -> m.field("positive")))
                                .aggregations("negative", y -> y.sum(m -> m.field("negative")))
                                .aggregations("scored", y -> y.sum(m -> m.field("sentiment_scored"))))),
                Void.class);
        Map<String, Map<Instant, ? extends Number>> series = new LinkedHashMap<>();
        for (StringTermsBucket bucket : termsBuckets(response.aggregations().get("entities"))) {
            Map<Instant, Double> values = new HashMap<>();
            for (DateHistogramBucket minute : histogramBuckets(bucket.aggregations().get("time"))) {
                Double net = PanelJson.netSentiment(minute.aggregations().get("positive").sum().value(),
                        minute.aggregations().get("negative").sum().value(), minute.aggregations().get("scored").sum().value());
                if (net != null) {
                    values.put(Instant.ofEpochMilli(minute.key()), net);
                }
            }
            series.put(bucket.key().stringValue(), values);
        }
        return PanelJson.series(range, series);
    }

    /** The most-named entities, tracked or not ({@code entity_names}), with their post counts. */
    public ObjectNode topEntities(TimeRange range) throws IOException {
        SearchResponse<Void> response = search(s -> s.index(indices.posts()).size(0)
                .query(inRange("created_at", range))
                .aggregations("entities", a -> a.terms(t -> t.field("entity_names").size(TOP_ENTITIES))), Void.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket bucket : termsBuckets(response.aggregations().get("entities"))) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("entities", PanelJson.counts(counts));
        return json;
    }

    /** The posts of the window with the most views, then the most followers. */
    public ObjectNode mostReachPosts(TimeRange range) throws IOException {
        return posts(search(s -> s.index(indices.posts()).size(POSTS_PER_PANEL)
                .query(inRange("created_at", range))
                .sort(o -> o.field(f -> f.field("engagement.views").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("author.followers").order(SortOrder.Desc))), JsonNode.class));
    }

    /** The newest negative posts of the window. */
    public ObjectNode latestNegativePosts(TimeRange range) throws IOException {
        return posts(search(s -> s.index(indices.posts()).size(POSTS_PER_PANEL)
                .query(q -> q.bool(b -> b.filter(inRange("created_at", range))
                        .filter(f -> f.term(t -> t.field("sentiment.label").value("negative")))))
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc))), JsonNode.class));
    }

    /** The campaign statements of the window, newest first. */
    public ObjectNode statements(TimeRange range) throws IOException {
        SearchResponse<JsonNode> response = search(s -> s.index(indices.statements()).size(STATEMENTS)
                .query(inRange("published_at", range))
                .sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc))), JsonNode.class);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode array = json.putArray("statements");
        sources(response).forEach(source -> array.add(PanelJson.statement(source)));
        return json;
    }

    /** The alerts raised in the window (event time), newest first. */
    public ObjectNode alerts(TimeRange range) throws IOException {
        SearchResponse<JsonNode> response = search(s -> s.index(indices.alerts()).size(ALERTS)
                .query(inRange("created_at", range))
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc))), JsonNode.class);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode array = json.putArray("alerts");
        sources(response).forEach(source -> array.add(PanelJson.alert(source)));
        return json;
    }

    /** The spike episodes that overlap the window (started before its end, not ended before its start), newest first. */
    public ObjectNode spikes(TimeRange range) throws IOException {
        SearchResponse<JsonNode> response = search(s -> s.index(indices.spikes()).size(SPIKES)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.range(r -> r.date(d -> d.field("start").lt(range.to().toString()))))
                        .filter(f -> f.bool(o -> o
                                .should(x -> x.range(r -> r.date(d -> d.field("end").gte(range.from().toString()))))
                                .should(x -> x.bool(n -> n.mustNot(m -> m.exists(e -> e.field("end")))))
                                .minimumShouldMatch("1")))))
                .sort(o -> o.field(f -> f.field("start").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("severity").order(SortOrder.Desc))), JsonNode.class);
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode array = json.putArray("spikes");
        sources(response).forEach(source -> array.add(PanelJson.spike(source)));
        return json;
    }

    /**
     * One spike with its explanation and the posts of its series during the episode (from its
     * start to its end, or {@link #OPEN_EPISODE_WINDOW} after its start while it lasts), most
     * reposted first; null when no spike has that id. A {@code query:} series' posts are those of
     * all posts in the window, since its keyword query lives in the alert rules, not here.
     */
    public ObjectNode spike(SpikeId id) throws IOException {
        if (!client.indices().exists(e -> e.index(indices.spikes())).value()) {
            return null;
        }
        GetResponse<JsonNode> found = client.get(g -> g.index(indices.spikes()).id(id.documentId()), JsonNode.class);
        if (!found.found() || found.source() == null) {
            return null;
        }
        JsonNode source = found.source();
        Instant start = id.start();
        Instant end = source.hasNonNull("end") ? Instant.parse(source.get("end").asText()) : start.plus(OPEN_EPISODE_WINDOW);
        Instant until = end.isAfter(start) ? end.plus(Duration.ofMinutes(1)) : start.plus(Duration.ofMinutes(1));
        SearchResponse<JsonNode> posts = search(s -> s.index(indices.posts()).size(SPIKE_POSTS)
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.range(r -> r.date(d -> d.field("created_at").gte(start.toString()).lt(until.toString()))));
                    if (id.entity() != null) {
                        b.filter(f -> f.term(t -> t.field("canonical_entities").value(id.entity())));
                    }
                    if (id.platform() != null) {
                        b.filter(f -> f.term(t -> t.field("platform").value(id.platform())));
                    }
                    return b;
                }))
                .sort(o -> o.field(f -> f.field("engagement.reposts").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("engagement.views").order(SortOrder.Desc))), JsonNode.class);
        return PanelJson.spikeDetail(source, sources(posts));
    }

    private ObjectNode posts(SearchResponse<JsonNode> response) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode array = json.putArray("posts");
        sources(response).forEach(source -> array.add(PanelJson.post(source)));
        return json;
    }

    /** A search that reads a missing index as empty and never fails on a field no document has yet. */
    private <T> SearchResponse<T> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request, Class<T> type)
            throws IOException {
        return client.search(s -> request.apply(s.ignoreUnavailable(true).allowNoIndices(true)), type);
    }

    private static Function<Query.Builder, ObjectBuilder<Query>> inRange(String field, TimeRange range) {
        return q -> q.range(r -> r.date(d -> d.field(field).gte(range.from().toString()).lt(range.to().toString())));
    }

    private static Function<co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregation.Builder,
            ObjectBuilder<co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregation>> histogram(
            String field, TimeRange range) {
        return d -> d.field(field).fixedInterval(t -> t.time(range.interval().toSeconds() + "s")).minDocCount(1);
    }

    private static List<DateHistogramBucket> histogramBuckets(Aggregate aggregate) {
        return aggregate == null || !aggregate.isDateHistogram() ? List.of() : aggregate.dateHistogram().buckets().array();
    }

    private static List<StringTermsBucket> termsBuckets(Aggregate aggregate) {
        return aggregate == null || !aggregate.isSterms() ? List.of() : aggregate.sterms().buckets().array();
    }

    private static List<JsonNode> sources(SearchResponse<JsonNode> response) {
        List<JsonNode> sources = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            if (hit.source() != null) {
                sources.add(hit.source());
            }
        }
        return sources;
    }
}
