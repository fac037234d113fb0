package io.spikewatch.analyst;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.SearchDocuments;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Volume, sentiment and unique authors per interval. An entity or all posts come from the
 * per-minute metrics (summed into the interval, the mean sentiment weighted by the posts scored
 * each minute); a free-text query runs over the posts index ({@code simple_query_string} on
 * {@code text}, every word required). Empty intervals inside the range are rows of zeros; a range
 * with no data at all is an empty list.
 *
 * <p>Unique authors cannot be summed over minutes, so for intervals longer than a minute (and for
 * queries) they are counted in the posts index with a cardinality aggregation.
 */
public final class TrendsQuery {

    /** Below this many distinct authors per interval, Elasticsearch's cardinality count is exact. */
    public static final int CARDINALITY_PRECISION = 40_000;
    static final String[] LABELS = {"negative", "neutral", "positive"};

    private final ElasticsearchClient client;
    private final IndexNames indices;

    public TrendsQuery(ElasticsearchClient client, IndexNames indices) {
        this.client = client;
        this.indices = indices;
    }

    /** The index the trend of {@code subject} reads. */
    public String indexFor(TrendSubject subject) {
        return subject.kind() == TrendSubject.Kind.QUERY ? indices.posts() : indices.metrics();
    }

    /**
     * The rows of {@code subject} over {@code range}, one per {@code interval}, buckets aligned in
     * {@code zone} (so a day starts at its midnight); empty when nothing was recorded in the range.
     */
    public List<TrendRow> run(TrendSubject subject, TimeRange range, Interval interval, ZoneId zone) throws IOException {
        interval.checkBuckets("--interval", range);
        if (!EsReads.exists(client, indexFor(subject))) {
            return List.of();
        }
        return subject.kind() == TrendSubject.Kind.QUERY ? fromPosts(subject, range, interval, zone)
                : fromMetrics(subject, range, interval, zone);
    }

    private List<TrendRow> fromMetrics(TrendSubject subject, TimeRange range, Interval interval, ZoneId zone) throws IOException {
        Query series = subject.kind() == TrendSubject.Kind.ALL ? EsReads.term("scope", "all")
                : Query.of(q -> q.bool(b -> b.filter(EsReads.term("scope", "entity")).filter(EsReads.term("entity", subject.value()))));
        SearchResponse<Void> response = client.search(s -> s.index(indices.metrics()).size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(series).filter(EsReads.range("minute", range))))
                .aggregations("buckets", histogram("minute", range, interval, zone)
                        .aggregations("posts", a -> a.sum(m -> m.field("count")))
                        .aggregations("negative", a -> a.sum(m -> m.field("negative")))
                        .aggregations("neutral", a -> a.sum(m -> m.field("neutral")))
                        .aggregations("positive", a -> a.sum(m -> m.field("positive")))
                        .aggregations("authors", a -> a.sum(m -> m.field("unique_authors")))
                        .aggregations("scored", a -> a.sum(m -> m.field("sentiment_scored")))
                        .aggregations("sentiment", a -> a.weightedAvg(w -> w.value(v -> v.field("sentiment_mean"))
                                .weight(v -> v.field("sentiment_scored")))).build()),
                Void.class);
        if (response.hits().total().value() == 0) {
            return List.of();
        }
        Map<Instant, Long> authors = interval.isOneMinute() ? null : authorsFromPosts(subject, range, interval, zone);
        List<TrendRow> rows = new ArrayList<>();
        for (DateHistogramBucket bucket : response.aggregations().get("buckets").dateHistogram().buckets().array()) {
            Map<String, Aggregate> a = bucket.aggregations();
            Instant start = EsReads.instant(bucket.key());
            long unique = authors == null ? (long) a.get("authors").sum().value() : authors.getOrDefault(start, 0L);
            rows.add(new TrendRow(start, (long) a.get("posts").sum().value(), (long) a.get("negative").sum().value(),
                    (long) a.get("neutral").sum().value(), (long) a.get("positive").sum().value(),
                    a.get("scored").sum().value() > 0 ? EsReads.finite(a.get("sentiment").weightedAvg().value()) : null, unique));
        }
        return rows;
    }

    /** Distinct authors per interval of the annotated posts the metrics of {@code subject} count. */
    private Map<Instant, Long> authorsFromPosts(TrendSubject subject, TimeRange range, Interval interval, ZoneId zone) throws IOException {
        Map<Instant, Long> authors = new HashMap<>();
        if (!EsReads.exists(client, indices.posts())) {
            return authors;
        }
        SearchResponse<Void> response = client.search(s -> s.index(indices.posts()).size(0)
                .query(q -> q.bool(b -> {
                    b.filter(EsReads.range("created_at", range))
                            .mustNot(EsReads.term("annotation.status", SearchDocuments.STATUS_PENDING));
                    if (subject.kind() == TrendSubject.Kind.ENTITY) {
                        b.filter(EsReads.term("canonical_entities", subject.value()));
                    }
                    return b;
                }))
                .aggregations("buckets", histogram("created_at", range, interval, zone)
                        .aggregations("authors", uniqueAuthors()).build()),
                Void.class);
        for (DateHistogramBucket bucket : response.aggregations().get("buckets").dateHistogram().buckets().array()) {
            authors.put(EsReads.instant(bucket.key()), bucket.aggregations().get("authors").cardinality().value());
        }
        return authors;
    }

    private List<TrendRow> fromPosts(TrendSubject subject, TimeRange range, Interval interval, ZoneId zone) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(indices.posts()).size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(textQuery(subject.value())).filter(EsReads.range("created_at", range))))
                .aggregations("buckets", histogram("created_at", range, interval, zone)
                        .aggregations("labels", a -> a.filters(f -> f.filters(k -> k.keyed(labelFilters()))))
                        .aggregations("sentiment", a -> a.avg(m -> m.field("sentiment.score")))
                        .aggregations("authors", uniqueAuthors()).build()),
                Void.class);
        if (response.hits().total().value() == 0) {
            return List.of();
        }
        List<TrendRow> rows = new ArrayList<>();
        for (DateHistogramBucket bucket : response.aggregations().get("buckets").dateHistogram().buckets().array()) {
            Map<String, Aggregate> a = bucket.aggregations();
            Map<String, FiltersBucket> labels = a.get("labels").filters().buckets().keyed();
            long negative = labels.get("negative").docCount();
            long neutral = labels.get("neutral").docCount();
            long positive = labels.get("positive").docCount();
            rows.add(new TrendRow(EsReads.instant(bucket.key()), bucket.docCount(), negative, neutral, positive,
                    EsReads.meanOf(negative + neutral + positive, a.get("sentiment").avg().value()), a.get("authors").cardinality().value()));
        }
        return rows;
    }

    /** A free-text query over the post text: words all required, quotes for phrases, {@code -word} to exclude. */
    static Query textQuery(String text) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(text).fields("text").defaultOperator(Operator.And)));
    }

    static Map<String, Query> labelFilters() {
        Map<String, Query> filters = new HashMap<>();
        for (String label : LABELS) {
            filters.put(label, EsReads.term("sentiment.label", label));
        }
        return filters;
    }

    private static Aggregation.Builder.ContainerBuilder histogram(String field, TimeRange range, Interval interval, ZoneId zone) {
        return new Aggregation.Builder().dateHistogram(h -> h.field(field).fixedInterval(t -> t.time(interval.text()))
                .timeZone(zone.getId()).minDocCount(0)
                .extendedBounds(e -> e.min(FieldDateMath.of(m -> m.value(range.from().toEpochMilli())))
                        .max(FieldDateMath.of(m -> m.value(range.to().toEpochMilli() - 1)))));
    }

    private static Aggregation uniqueAuthors() {
        return Aggregation.of(a -> a.cardinality(c -> c.field("author.id").precisionThreshold(CARDINALITY_PRECISION)));
    }
}
