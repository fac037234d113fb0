package io.spikewatch.formats;

import static io.spikewatch.formats.Payloads.inline;
import static io.spikewatch.formats.Payloads.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class XApiV2AdapterTest {

    private final XApiV2Adapter adapter = new XApiV2Adapter();

    @Test
    void mapsEveryPostOfAnArrayWithItsAuthorFromIncludes() throws Exception {
        List<InputDocument> docs = adapter.map(record("x-api-v2-search.json"));

        assertThat(docs).hasSize(4).allMatch(Post.class::isInstance);
        Post first = (Post) docs.get(0);
        assertThat(first.id()).isEqualTo("x:1823000000000000001");
        assertThat(first.platform()).isEqualTo("x");
        assertThat(first.author()).isEqualTo(new Author("9001", "spacewatcher", "Space Watcher", 48_210L));
        assertThat(first.text()).isEqualTo("The Space with @realDonaldTrump starts soon. #XSpace");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-08-12T23:55:00Z"));
        assertThat(first.lang()).isEqualTo("en");
        assertThat(first.url()).isEqualTo("https://x.com/spacewatcher/status/1823000000000000001");
        assertThat(first.engagement()).isEqualTo(new Engagement(900, 120, 45, 12, 150_000));
        assertThat(first.replyTo()).isNull();
        assertThat(first.repostOf()).isNull();
        assertThat(first.quoteOf()).isNull();
    }

    @Test
    void mapsRepliesQuotesAndRetweetsToReferences() throws Exception {
        List<InputDocument> docs = adapter.map(record("x-api-v2-search.json"));

        Post reply = (Post) docs.get(1);
        assertThat(reply.replyTo()).isEqualTo("x:1823000000000000001");
        assertThat(reply.author()).isEqualTo(new Author("9002", "waiting_room", "Waiting Room", null));
        assertThat(reply.engagement()).isEqualTo(new Engagement(3, 0, 0, 0, 0));

        Post retweet = (Post) docs.get(2);
        assertThat(retweet.repostOf()).isEqualTo("x:1823000000000000001");
        assertThat(retweet.text())
                .as("the original's full text, not X's truncated 'RT @...' text")
                .isEqualTo("The Space with @realDonaldTrump starts soon. #XSpace");

        Post quote = (Post) docs.get(3);
        assertThat(quote.quoteOf()).isEqualTo("x:1823000000000000099");
        assertThat(quote.text()).isEqualTo("Blaming a DDoS again? Same as the DeSantis launch.");
    }

    @Test
    void anAuthorMissingFromIncludesIsKnownByIdWithAUrlThatNeedsNoUsername() throws Exception {
        Post quote = (Post) adapter.map(record("x-api-v2-search.json")).get(3);

        assertThat(quote.author()).isEqualTo(new Author("9004", null, null, null));
        assertThat(quote.authorKey()).isEqualTo("9004");
        assertThat(quote.url()).isEqualTo("https://x.com/i/status/1823000000000000004");
        assertThat(quote.engagement()).isEqualTo(Engagement.NONE);
    }

    @Test
    void aSinglePostObjectUsesTheNoteTweetTextOfALongPost() throws Exception {
        List<InputDocument> docs = adapter.map(record("x-api-v2-single-long.json"));

        assertThat(docs).hasSize(1);
        Post post = (Post) docs.get(0);
        assertThat(post.text()).startsWith("A long statement").endsWith("so the adapter reads it from there.");
        assertThat(post.author()).isEqualTo(new Author("9010", null, null, null));
    }

    @Test
    void aPostWithoutAuthorIdHasNoAuthor() throws Exception {
        Post post = (Post) adapter.map(inline(
                "{\"data\":{\"id\":\"5\",\"text\":\"hi\",\"created_at\":\"2024-08-13T00:00:00Z\"}}")).get(0);

        assertThat(post.author()).isNull();
        assertThat(post.url()).isEqualTo("https://x.com/i/status/5");
    }

    @Test
    void aResponseWithOnlyErrorsIsRejectedWithXsReason() {
        assertThatThrownBy(() -> adapter.map(record("x-api-v2-errors-only.json")))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("no 'data'")
                .hasMessageContaining("Could not find tweet with ids: [1823000000000000077]");
    }

    @Test
    void rejectsNamingTheFieldAndTheItem() {
        assertRejected("{not json", "invalid JSON", null);
        assertRejected("[]", "not a JSON object", null);
        assertRejected("{\"meta\":{}}", "missing required field 'data'", null);
        assertRejected("{\"data\":\"x\"}", "'data' must be an object or an array, got a string", null);
        assertRejected("{\"data\":[{\"id\":\"1\",\"text\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\"},"
                + "{\"id\":\"2\",\"created_at\":\"2024-08-13T00:00:00Z\"}]}", "missing required field 'data[1].text'", "x:2");
        assertRejected("{\"data\":{\"text\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\"}}",
                "missing required field 'data.id'", null);
        assertRejected("{\"data\":{\"id\":7,\"text\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\"}}",
                "'data.id' must be a string, got a number", null);
        assertRejected("{\"data\":{\"id\":\"1\",\"text\":\"a\"}}", "missing required field 'data.created_at'", "x:1");
        assertRejected("{\"data\":{\"id\":\"1\",\"text\":\"a\",\"created_at\":\"Mon Aug 12 20:18:00 +0000 2024\"}}",
                "unparsable time in 'data.created_at'", "x:1");
        assertRejected("{\"data\":{\"id\":\"1\",\"text\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\","
                + "\"public_metrics\":{\"like_count\":\"many\"}}}",
                "'data.public_metrics.like_count' must be a non-negative whole number", "x:1");
        assertRejected("{\"data\":{\"id\":\"1\",\"text\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\","
                + "\"referenced_tweets\":[{\"type\":\"liked\",\"id\":\"2\"}]}}",
                "unknown 'data.referenced_tweets[0].type' 'liked'", "x:1");
        assertRejected("{\"data\":{\"id\":\"1\",\"text\":\"a\",\"created_at\":\"2024-08-13T00:00:00Z\"},"
                + "\"includes\":{\"users\":{}}}", "'includes.users' must be an array", null);
    }

    private void assertRejected(String json, String reason, String recordId) {
        assertThatThrownBy(() -> adapter.map(inline(json)))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((RejectedRecordException) e).recordId()).isEqualTo(recordId));
    }
}
