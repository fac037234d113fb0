package io.spikewatch.monitor;

import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.schema.Post;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Flink adapter of {@link PendingPosts} on the fast path: each post read becomes its pending
 * document. Counts them in {@code postsIndexedPending}.
 */
public class IndexPendingPosts extends RichMapFunction<Post, IndexDocument> {

    private final AnnotatorFactory annotators;
    private final IndexNames indices;

    private transient PendingPosts pending;
    private transient Counter indexed;

    public IndexPendingPosts(AnnotatorFactory annotators, IndexNames indices) {
        this.annotators = annotators;
        this.indices = indices;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = new PendingPosts(annotators.trackedEntities(), indices.posts());
        indexed = getRuntimeContext().getMetricGroup().counter("postsIndexedPending");
    }

    @Override
    public IndexDocument map(Post post) {
        indexed.inc();
        return pending.document(post, Instant.now());
    }
}
