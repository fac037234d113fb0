package io.spikewatch.formats;

import static io.spikewatch.formats.Payloads.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlueskyJetstreamAdapterTest {

    private final BlueskyJetstreamAdapter adapter = new BlueskyJetstreamAdapter();

    private List<InputDocument> mapAllLines() throws RejectedRecordException {
        List<InputDocument> docs = new ArrayList<>();
        String[] lines = Payloads.text("bluesky-jetstream-events.ndjson").split("\n");
        for (int i = 0; i < lines.length; i++) {
            docs.addAll(adapter.map(new RawRecord("bluesky-jetstream-events.ndjson", "line " + (i + 1), lines[i])));
        }
        return docs;
    }

    @Test
    void mapsAPostCreationWithItsAtUriIdAndWebUrl() throws Exception {
        Post post = (Post) mapAllLines().get(0);

        assertThat(post.id()).isEqualTo("at://did:plc:spacewatch4example/app.bsky.feed.post/3kzpost000001");
        assertThat(post.platform()).isEqualTo("bluesky");
        assertThat(post.url()).isEqualTo("https://bsky.app/profile/did:plc:spacewatch4example/post/3kzpost000001");
        assertThat(post.author()).isEqualTo(new Author("did:plc:spacewatch4example", null, null, null));
        assertThat(post.text()).isEqualTo("Over on X the Trump Space still will not load. Glad I am here.");
        assertThat(post.createdAt())
                .as("the record's createdAt, not Jetstream's time_us")
                .isEqualTo(Instant.parse("2024-08-13T00:20:04.512Z"));
        assertThat(post.lang()).isEqualTo("en");
        assertThat(post.engagement()).isEqualTo(Engagement.NONE);
        assertThat(post.replyTo()).isNull();
        assertThat(post.quoteOf()).isNull();
    }

    @Test
    void mapsRepliesAndBothKindsOfQuoteToAtUris() throws Exception {
        List<InputDocument> docs = mapAllLines();

        Post reply = (Post) docs.get(1);
        assertThat(reply.replyTo()).isEqualTo("at://did:plc:spacewatch4example/app.bsky.feed.post/3kzpost000001");
        assertThat(reply.lang()).isEqualTo("en");
        Post quote = (Post) docs.get(2);
        assertThat(quote.quoteOf()).isEqualTo(docs.get(0).id());
        assertThat(quote.lang()).isNull();
        Post quoteWithMedia = (Post) docs.get(3);
        assertThat(quoteWithMedia.quoteOf()).isEqualTo(quote.id());
    }

    @Test
    void eventsThatAreNotPostCreationsAreSkippedAndCountedNotRejected() throws Exception {
        List<InputDocument> docs = mapAllLines();

        assertThat(docs).hasSize(4);
        assertThat(adapter.skipped()).isEqualTo(Map.of(
                "commit:other-collection", 1L, "commit:delete", 1L, "identity", 1L, "account", 1L));
    }

    @Test
    void rejectsNamingTheField() {
        String create = "{\"did\":\"did:plc:a\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\","
                + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"r1\",\"record\":%s}}";
        String id = "at://did:plc:a/app.bsky.feed.post/r1";
        assertRejected("{\"did\":", "invalid JSON", null);
        assertRejected("{\"kind\":\"commit\"}", "missing required field 'did'", null);
        assertRejected("{\"did\":\"did:plc:a\"}", "missing required field 'kind'", null);
        assertRejected("{\"did\":\"did:plc:a\",\"kind\":\"commit\"}", "missing required field 'commit'", null);
        assertRejected("{\"did\":\"did:plc:a\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\","
                + "\"collection\":\"app.bsky.feed.post\",\"record\":{}}}", "missing required field 'commit.rkey'", null);
        assertRejected(create.formatted("{\"createdAt\":\"2024-08-13T00:00:00Z\"}"),
                "missing required field 'commit.record.text'", id);
        assertRejected(create.formatted("{\"text\":\"hi\"}"), "missing required field 'commit.record.createdAt'", id);
        assertRejected(create.formatted("{\"text\":\"hi\",\"createdAt\":\"yesterday\"}"),
                "unparsable time in 'commit.record.createdAt'", id);
        assertRejected(create.formatted("{\"text\":5,\"createdAt\":\"2024-08-13T00:00:00Z\"}"),
                "'commit.record.text' must be a string, got a number", id);
        assertRejected(create.formatted("{\"text\":\"hi\",\"createdAt\":\"2024-08-13T00:00:00Z\",\"langs\":\"en\"}"),
                "'commit.record.langs' must be an array", id);
        assertRejected(create.formatted("{\"text\":\"hi\",\"createdAt\":\"2024-08-13T00:00:00Z\",\"reply\":{\"parent\":{}}}"),
                "missing required field 'commit.record.reply.parent.uri'", id);
        assertRejected(create.replace("create", "rename").formatted("{}"), "unknown 'commit.operation' 'rename'", null);
        assertThat(adapter.skipped()).isEmpty();
    }

    private void assertRejected(String json, String reason, String recordId) {
        assertThatThrownBy(() -> adapter.map(inline(json)))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((RejectedRecordException) e).recordId()).isEqualTo(recordId));
    }
}
