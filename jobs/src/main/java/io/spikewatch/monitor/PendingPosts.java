package io.spikewatch.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.Post;
import java.time.Instant;

/**
 * The document a post is indexed as the moment it is read, before annotation
 * ({@link SearchDocuments#pendingPost}): under the post's own id, written
 * {@link io.spikewatch.index.IndexOperation#CREATE_IF_ABSENT}, so it fills the id only while the
 * annotated document is not there. The annotated one is a plain index and replaces it whenever it
 * comes; a pending document that comes after it (the two paths are not ordered, and a restart
 * replays both) finds the id taken and is dropped by Elasticsearch, not by us.
 */
public final class PendingPosts {

    private final TrackedEntities tracked;
    private final String postsIndex;

    public PendingPosts(TrackedEntities tracked, String postsIndex) {
        this.tracked = tracked;
        this.postsIndex = postsIndex;
    }

    public IndexDocument document(Post post, Instant indexedAt) {
        try {
            return IndexDocument.createIfAbsent(postsIndex, post.id(),
                    Json.MAPPER.writeValueAsBytes(SearchDocuments.pendingPost(post, tracked.namedIn(post.text()), indexedAt)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write pending post " + post.id() + " as JSON", e);
        }
    }

}
