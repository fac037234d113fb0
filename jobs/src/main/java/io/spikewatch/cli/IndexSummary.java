package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.SearchDocuments;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the job wrote, read back from Elasticsearch: document counts, the most-named entities with
 * their sentiment, volume per minute, the alerts raised, and why records were dead-lettered.
 */
public final class IndexSummary {

    /** An entity: posts naming it, their mean sentiment, and the sentiment of the sentences about it. */
    public record EntityRow(String entity, long posts, Double postSentiment, Double entitySentiment, long negativePosts) {}

    /** One minute of the overall series. */
    public record MinuteRow(Instant minute, long count, long negative, long uniqueAuthors) {}

    /** An alert as recorded: when (event time), which rule, how severe, its title, and where it went. */
    public record AlertRow(Instant at, String rule, String series, String spikeKind, String phase, int severity, String title, String text,
            List<String> deliveries) {}

    /** A dead-letter reason and how many records it rejected. */
    public record ReasonRow(String reason, long count) {}

    private final ElasticsearchClient client;
    private final IndexNames indices;

    public IndexSummary(ElasticsearchClient client, IndexNames indices) {
        this.client = client;
        this.indices = indices;
    }

    /** Makes everything written so far visible to searches. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(indices.all()).ignoreUnavailable(true).allowNoIndices(true));
    }

    public long count(String index) throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            return 0;
        }
        return client.count(c -> c.index(index)).count();
    }

    /**
     * Post documents per {@code annotation.status} ({@code ok}, {@code failed}, {@code pending}), in
     * that order, statuses without posts left out. Pending posts are those annotation has not reached yet.
     */
    public Map<String, Long> postsByAnnotationStatus() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (count(indices.posts()) == 0) {
            return counts;
        }
        SearchResponse<Void> response = client.search(s -> s.index(indices.posts()).size(0)
                .aggregations("status", a -> a.terms(t -> t.field("annotation.status").size(ANNOTATION_STATUSES))), Void.class);
        Map<String, Long> found = new HashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("status").sterms().buckets().array()) {
            found.put(bucket.key().stringValue(), bucket.docCount());
        }
        for (String status : List.of(SearchDocuments.STATUS_OK, SearchDocuments.STATUS_FAILED, SearchDocuments.STATUS_PENDING)) {
            Long n = found.remove(status);
            if (n != null) {
                counts.put(status, n);
            }
        }
        counts.putAll(found);
        return counts;
    }

    public long alertCount() throws IOException {
        return count(indices.alerts());
    }

    public List<EntityRow> topEntities(int size) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(indices.posts()).size(0)
                .aggregations("entities", a -> a.terms(t -> t.field("canonical_entities").size(size))
                        .aggregations("sentiment", x -> x.avg(v -> v.field("sentiment.score")))
                        .aggregations("negative", x -> x.filter(f -> f.term(t -> t.field("sentiment.label").value("negative"))))
                        .aggregations("about", x -> x.nested(n -> n.path("entity_sentiment"))
                                .aggregations("entity", y -> y.terms(t -> t.field("entity_sentiment.entity").size(size * 4))
                                        .aggregations("score", z -> z.avg(v -> v.field("entity_sentiment.score")))))),
                Void.class);
        List<EntityRow> rows = new ArrayList<>();
        for (StringTermsBucket bucket : response.aggregations().get("entities").sterms().buckets().array()) {
            String entity = bucket.key().stringValue();
            Double aboutIt = null;
            Aggregate about = bucket.aggregations().get("about").nested().aggregations().get("entity");
            for (StringTermsBucket inner : about.sterms().buckets().array()) {
                if (inner.key().stringValue().equals(entity)) {
                    aboutIt = finite(inner.aggregations().get("score").avg().value());
                }
            }
            rows.add(new EntityRow(entity, bucket.docCount(), finite(bucket.aggregations().get("sentiment").avg().value()),
                    aboutIt, bucket.aggregations().get("negative").filter().docCount()));
        }
        return rows;
    }

    public List<MinuteRow> volume(Instant from, Instant to) throws IOException {
        SearchResponse<ObjectNode> response = client.search(s -> s.index(indices.metrics()).size(10_000)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("scope").value("all")))
                        .filter(f -> f.range(r -> r.date(d -> d.field("minute").gte(from.toString()).lt(to.toString()))))))
                .sort(o -> o.field(f -> f.field("minute").order(SortOrder.Asc))),
                ObjectNode.class);
        List<MinuteRow> rows = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ObjectNode doc = hit.source();
            rows.add(new MinuteRow(Instant.parse(doc.get("minute").asText()), doc.path("count").asLong(),
                    doc.path("negative").asLong(), doc.path("unique_authors").asLong()));
        }
        return rows;
    }

    /** More than the statuses a post document can have. */
    private static final int ANNOTATION_STATUSES = 10;

    /** The most alerts a summary reads: more than a demo raises, few enough to print. */
    public static final int MAX_ALERTS = 500;

    /** The alerts raised, in event-time order. */
    public List<AlertRow> alerts(int size) throws IOException {
        if (count(indices.alerts()) == 0) {
            return List.of();
        }
        SearchResponse<ObjectNode> response = client.search(s -> s.index(indices.alerts()).size(size)
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc))), ObjectNode.class);
        List<AlertRow> rows = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ObjectNode doc = hit.source();
            List<String> deliveries = new ArrayList<>();
            doc.path("deliveries").forEach(d -> deliveries.add(d.path("channel").asText() + " " + d.path("status").asText()));
            String[] spikeId = doc.path("spike_id").asText().split("\\|");
            rows.add(new AlertRow(Instant.parse(doc.get("created_at").asText()), doc.path("rule").asText(), doc.path("series").asText(),
                    spikeId.length >= 2 ? spikeId[spikeId.length - 2] : "", doc.path("phase").asText(),
                    doc.path("severity").asInt(), doc.path("title").asText(), doc.path("text").asText(), deliveries));
        }
        return rows;
    }

    public List<ReasonRow> deadLetterReasons(int size) throws IOException {
        if (count(indices.deadLetters()) == 0) {
            return List.of();
        }
        SearchResponse<Void> response = client.search(s -> s.index(indices.deadLetters()).size(0)
                .aggregations("reasons", a -> a.terms(t -> t.field("reason.keyword").size(size))), Void.class);
        List<ReasonRow> rows = new ArrayList<>();
        for (StringTermsBucket bucket : response.aggregations().get("reasons").sterms().buckets().array()) {
            rows.add(new ReasonRow(bucket.key().stringValue(), bucket.docCount()));
        }
        return rows;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
