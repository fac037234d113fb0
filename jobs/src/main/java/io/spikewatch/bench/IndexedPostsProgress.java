package io.spikewatch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.spikewatch.monitor.SearchDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How far annotation has got, in event time: the newest {@code created_at} among the annotated
 * posts indexed so far (a pending post, indexed ahead of annotation, does not count; a post left out
 * of an overload sample does, since the annotation step has passed it). The index is
 * refreshed first, so the answer trails annotation only by the sink's buffering (at most its
 * one-second flush interval).
 */
public final class IndexedPostsProgress implements Supplier<Optional<Instant>> {

    private static final String NEWEST = "newest";
    private static final String ANNOTATED = "annotated";
    private static final int NOT_FOUND = 404;
    private static final Query NOT_PENDING = Query.of(q -> q.bool(b -> b.mustNot(n -> n.term(t -> t
            .field("annotation.status").value(SearchDocuments.STATUS_PENDING)))));
    private static final Query OUT_OF_SAMPLE = Query.of(q -> q.term(t -> t
            .field("annotation.status").value(SearchDocuments.STATUS_OUT_OF_SAMPLE)));

    private final ElasticsearchClient client;
    private final String postsIndex;
    private final Clock clock;

    public IndexedPostsProgress(ElasticsearchClient client, String postsIndex, Clock clock) {
        this.client = client;
        this.postsIndex = postsIndex;
        this.clock = clock;
    }

    /** Posts annotated and indexed so far (after a refresh); 0 when the index does not exist yet. */
    public long count() {
        return count(NOT_PENDING);
    }

    /** Of those, the posts left out of an overload sample (indexed without CoreNLP). */
    public long countOutOfSample() {
        return count(OUT_OF_SAMPLE);
    }

    private long count(Query query) {
        try {
            client.indices().refresh(r -> r.index(postsIndex));
            return client.count(c -> c.index(postsIndex).query(query)).count();
        } catch (ElasticsearchException e) {
            if (e.status() == NOT_FOUND) {
                return 0;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the posts in " + postsIndex, e);
        }
    }

    @Override
    public Optional<Instant> get() {
        return probe().newestAnnotated();
    }

    /** The newest post searchable, pending or not, and the newest annotated one, now (after a refresh). */
    public Freshness.Probe probe() {
        try {
            client.indices().refresh(r -> r.index(postsIndex));
            SearchResponse<Void> response = client.search(s -> s.index(postsIndex).size(0)
                    .aggregations(NEWEST, a -> a.max(m -> m.field("created_at")))
                    .aggregations(ANNOTATED, a -> a.filter(NOT_PENDING)
                            .aggregations(NEWEST, n -> n.max(m -> m.field("created_at")))), Void.class);
            Instant at = clock.instant();
            return new Freshness.Probe(at, instant(response.aggregations().get(NEWEST).max().value()),
                    instant(response.aggregations().get(ANNOTATED).filter().aggregations().get(NEWEST).max().value()));
        } catch (ElasticsearchException e) {
            if (e.status() == NOT_FOUND) {
                return new Freshness.Probe(clock.instant(), Optional.empty(), Optional.empty());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask " + postsIndex + " how far indexing and annotation have got", e);
        }
    }

    private static Optional<Instant> instant(double millis) {
        return Double.isFinite(millis) ? Optional.of(Instant.ofEpochMilli((long) millis)) : Optional.empty();
    }
}
