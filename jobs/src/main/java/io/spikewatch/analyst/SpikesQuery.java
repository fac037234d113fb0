package io.spikewatch.analyst;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.index.IndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Spike episodes from the spikes index, oldest start first, filtered by {@link SpikeFilter}. */
public final class SpikesQuery {

    /** The most episodes one listing reads; the demo records fewer than a thousand. */
    public static final int MAX_SPIKES = 10_000;

    private final ElasticsearchClient client;
    private final IndexNames indices;

    public SpikesQuery(ElasticsearchClient client, IndexNames indices) {
        this.client = client;
        this.indices = indices;
    }

    public String index() {
        return indices.spikes();
    }

    public List<StoredSpike> run(SpikeFilter filter) throws IOException {
        if (!EsReads.exists(client, indices.spikes())) {
            return List.of();
        }
        List<Query> conditions = new ArrayList<>();
        if (filter.from() != null || filter.to() != null) {
            conditions.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("start");
                if (filter.from() != null) {
                    d.gte(filter.from().toString());
                }
                if (filter.to() != null) {
                    d.lt(filter.to().toString());
                }
                return d;
            }))));
        }
        if (filter.series() != null) {
            conditions.add(EsReads.term("series", filter.series()));
        }
        if (filter.kind() != null) {
            conditions.add(EsReads.term("kind", filter.kind().name().toLowerCase(Locale.ROOT)));
        }
        if (filter.minSeverity() != null) {
            conditions.add(Query.of(q -> q.range(r -> r.number(n -> n.field("severity").gte((double) filter.minSeverity())))));
        }
        SearchResponse<JsonNode> response = client.search(s -> s.index(indices.spikes()).size(MAX_SPIKES)
                .query(q -> q.bool(b -> b.filter(conditions)))
                .sort(o -> o.field(f -> f.field("start").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("series").order(SortOrder.Asc))),
                JsonNode.class);
        List<StoredSpike> spikes = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            spikes.add(new StoredSpike(hit.id(), SpikeDocumentReader.read(hit.id(), hit.source())));
        }
        return spikes;
    }
}
