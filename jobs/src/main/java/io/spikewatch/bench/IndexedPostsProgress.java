package io.spikewatch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.MaxAggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How far annotation has got, in event time: the newest {@code created_at} among the posts
 * indexed so far (posts are indexed only after annotation). The index is refreshed first, so the
 * answer trails annotation only by the sink's buffering (at most its one-second flush interval).
 */
public final class IndexedPostsProgress implements Supplier<Optional<Instant>> {

    private static final String LATEST = "latest";
    private static final int NOT_FOUND = 404;

    private final ElasticsearchClient client;
    private final String postsIndex;

    public IndexedPostsProgress(ElasticsearchClient client, String postsIndex) {
        this.client = client;
        this.postsIndex = postsIndex;
    }

    /** Posts annotated and indexed so far (after a refresh); 0 when the index does not exist yet. */
    public long count() {
        try {
            client.indices().refresh(r -> r.index(postsIndex));
            return client.count(c -> c.index(postsIndex)).count();
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
        try {
            client.indices().refresh(r -> r.index(postsIndex));
            SearchResponse<Void> response = client.search(s -> s.index(postsIndex).size(0)
                    .aggregations(LATEST, a -> a.max(m -> m.field("created_at"))), Void.class);
            MaxAggregate max = response.aggregations().get(LATEST).max();
            double value = max.value();
            return Double.isFinite(value) ? Optional.of(Instant.ofEpochMilli((long) value)) : Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask " + postsIndex + " how far annotation has got", e);
        }
    }
}
