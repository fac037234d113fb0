package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexOperation;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.Post;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingPostsTest {

    private static final TrackedEntities TRACKED = TrackedEntities.fromYaml("""
            entities:
              - name: Elon Musk
                type: PERSON
                aliases: [Elon Musk, Musk]
                handles: ["@elonmusk"]
              - name: X (platform)
                type: ORGANIZATION
                aliases: [X, "𝕏"]
            """, "test.yaml");
    private static final Instant READ_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Post POST = new Post("x-7", "x", new Author("u1", "fan", "A Fan", 10L),
            "Musk says DDoS on 𝕏, @elonmusk why is X down", Instant.parse("2024-08-13T00:18:42Z"), "en", null, null, null, null,
            new Engagement(1, 2, 3, 4, 5));

    private final PendingPosts pending = new PendingPosts(TRACKED, "spikewatch-posts");

    @Test
    void aPendingPostFillsItsIdOnlyWhileTheAnnotatedOneIsAbsent() {
        IndexDocument document = pending.document(POST, READ_AT);

        assertThat(document.index()).isEqualTo("spikewatch-posts");
        assertThat(document.id()).isEqualTo("x-7");
        assertThat(document.operation()).isEqualTo(IndexOperation.CREATE_IF_ABSENT);
    }

    @Test
    void aPendingPostHasEveryInputFieldItsMinuteItsTrackedEntitiesAndNoAnnotationYet() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(pending.document(POST, READ_AT).json());

        assertThat(doc.get("id").asText()).isEqualTo("x-7");
        assertThat(doc.get("kind").asText()).isEqualTo("post");
        assertThat(doc.get("text").asText()).isEqualTo(POST.text());
        assertThat(doc.get("minute").asText()).isEqualTo("2024-08-13T00:18:00Z");
        assertThat(doc.at("/engagement/views").asLong()).isEqualTo(5);
        assertThat(doc.at("/author/handle").asText()).isEqualTo("fan");
        assertThat(doc.get("canonical_entities")).extracting(JsonNode::asText).containsExactly("Elon Musk", "X (platform)");
        assertThat(doc.at("/annotation/status").asText()).isEqualTo(SearchDocuments.STATUS_PENDING);
        assertThat(doc.get("indexed_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(doc.has("sentiment")).isFalse();
        assertThat(doc.has("entity_sentiment")).isFalse();
        assertThat(doc.has("entities")).isFalse();
    }

    @Test
    void withoutTrackedEntitiesAPendingPostNamesNone() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(new PendingPosts(TrackedEntities.empty(), "p").document(POST, READ_AT).json());

        assertThat(doc.get("canonical_entities")).isEmpty();
    }
}
