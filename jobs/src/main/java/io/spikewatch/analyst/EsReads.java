package io.spikewatch.analyst;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.time.Instant;

/** Small pieces the analyst queries share: whether an index is there, a time-range filter. */
final class EsReads {

    private EsReads() {}

    /** Whether {@code index} exists; also the first request, so an unreachable cluster fails here. */
    static boolean exists(ElasticsearchClient client, String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    /** {@code field} in {@code [range.from, range.to)}. */
    static Query range(String field, TimeRange range) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field).gte(range.from().toString()).lt(range.to().toString()))));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * An average over {@code scored} documents: null when there were none (the typed client reads
     * Elasticsearch's null average of an empty bucket as 0).
     */
    static Double meanOf(long scored, double average) {
        return scored > 0 ? finite(average) : null;
    }

    static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }
}
