package io.spikewatch.analyst;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.spikewatch.index.IndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts per tracked entity over a range and each entity's share of them, with sentiment, from
 * the posts index ({@code canonical_entities}, posts by {@code created_at}). Given entities are
 * compared as given (one with no posts is a row of zeros); without, the {@code top} most-named.
 */
public final class ShareOfVoiceQuery {

    public static final int DEFAULT_TOP = 10;
    /** The most entities one comparison takes. */
    public static final int MAX_ENTITIES = 100;

    private final ElasticsearchClient client;
    private final IndexNames indices;

    public ShareOfVoiceQuery(ElasticsearchClient client, IndexNames indices) {
        this.client = client;
        this.indices = indices;
    }

    public String index() {
        return indices.posts();
    }

    /**
     * @param entities the canonical names to compare, or empty for the {@code top} most-named
     */
    public ShareOfVoice run(TimeRange range, List<String> entities, int top) throws IOException {
        if (entities.size() > MAX_ENTITIES) {
            throw new IllegalArgumentException("--entities: " + entities.size() + " entities, at most " + MAX_ENTITIES);
        }
        if (entities.isEmpty() && (top < 1 || top > MAX_ENTITIES)) {
            throw new IllegalArgumentException("--top: " + top + " is not between 1 and " + MAX_ENTITIES);
        }
        if (!EsReads.exists(client, indices.posts())) {
            return new ShareOfVoice(range, 0, List.of());
        }
        Map<String, Aggregation> perEntity = Map.of(
                "labels", Aggregation.of(a -> a.filters(f -> f.filters(k -> k.keyed(TrendsQuery.labelFilters())))),
                "sentiment", Aggregation.of(a -> a.avg(m -> m.field("sentiment.score"))));
        Aggregation byEntity;
        if (entities.isEmpty()) {
            byEntity = Aggregation.of(a -> a.terms(t -> t.field("canonical_entities").size(top)).aggregations(perEntity));
        } else {
            Map<String, Query> filters = new LinkedHashMap<>();
            for (String entity : entities) {
                filters.put(entity, EsReads.term("canonical_entities", entity));
            }
            byEntity = Aggregation.of(a -> a.filters(f -> f.filters(k -> k.keyed(filters))).aggregations(perEntity));
        }
        SearchResponse<Void> response = client.search(s -> s.index(indices.posts()).size(0).trackTotalHits(t -> t.enabled(true))
                .query(EsReads.range("created_at", range))
                .aggregations("entities", byEntity),
                Void.class);
        Aggregate result = response.aggregations().get("entities");
        Map<String, Long> posts = new LinkedHashMap<>();
        Map<String, Map<String, Aggregate>> subs = new LinkedHashMap<>();
        if (entities.isEmpty()) {
            for (StringTermsBucket bucket : result.sterms().buckets().array()) {
                posts.put(bucket.key().stringValue(), bucket.docCount());
                subs.put(bucket.key().stringValue(), bucket.aggregations());
            }
        } else {
            Map<String, FiltersBucket> keyed = result.filters().buckets().keyed();
            for (String entity : entities) {
                posts.put(entity, keyed.get(entity).docCount());
                subs.put(entity, keyed.get(entity).aggregations());
            }
        }
        long mentions = posts.values().stream().mapToLong(Long::longValue).sum();
        List<VoiceRow> rows = new ArrayList<>();
        posts.forEach((entity, n) -> {
            Map<String, Aggregate> a = subs.get(entity);
            Map<String, FiltersBucket> labels = a.get("labels").filters().buckets().keyed();
            long negative = labels.get("negative").docCount();
            long neutral = labels.get("neutral").docCount();
            long positive = labels.get("positive").docCount();
            rows.add(new VoiceRow(entity, n, mentions == 0 ? 0 : (double) n / mentions, negative, neutral, positive,
                    EsReads.meanOf(negative + neutral + positive, a.get("sentiment").avg().value())));
        });
        rows.sort(Comparator.comparingLong(VoiceRow::posts).reversed());
        return new ShareOfVoice(range, response.hits().total().value(), rows);
    }
}
