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

class MastodonStatusAdapterTest {

    private final MastodonStatusAdapter adapter = new MastodonStatusAdapter();

    @Test
    void mapsAStatusWithItsHtmlAsPlainTextKeepingParagraphsAndBreaks() throws Exception {
        List<InputDocument> docs = adapter.map(record("mastodon-status.json"));

        assertThat(docs).hasSize(1);
        Post post = (Post) docs.get(0);
        assertThat(post.id()).isEqualTo("mastodon:112950000000000001");
        assertThat(post.platform()).isEqualTo("mastodon");
        assertThat(post.text()).isEqualTo("""
                The X Space with @trumpwatch is 40 minutes late.

                Musk blames a "massive DDoS".
                Rivals & critics are not convinced \u2014 see https://example.org/live #XSpace""");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2024-08-13T00:24:10Z"));
        assertThat(post.lang()).isEqualTo("en");
        assertThat(post.url()).isEqualTo("https://social.example/@newsdesk/112950000000000001");
        assertThat(post.author()).isEqualTo(new Author("2002", "newsdesk", "News Desk", 8120L));
        assertThat(post.replyTo()).isEqualTo("mastodon:112950000000000000");
        assertThat(post.repostOf()).isNull();
        assertThat(post.quoteOf()).isNull();
        assertThat(post.engagement()).isEqualTo(new Engagement(52, 17, 4, 2, 0));
    }

    @Test
    void aReblogIsARepostWithTheOriginalsTextAndContentWarning() throws Exception {
        Post post = (Post) adapter.map(record("mastodon-reblog.json")).get(0);

        assertThat(post.id()).isEqualTo("mastodon:112950000000000009");
        assertThat(post.repostOf()).isEqualTo("mastodon:112950000000000001");
        assertThat(post.text()).isEqualTo("US politics\n\nMusk blames a \"massive DDoS\".");
        assertThat(post.author()).isEqualTo(new Author("3003", "relay@other.example", "Relay", 95L));
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2024-08-13T00:30:00Z"));
        assertThat(post.url())
                .as("the uri when the server gives no url")
                .isEqualTo("https://other.example/users/relay/statuses/112950000000000009/activity");
        assertThat(post.lang()).isNull();
    }

    @Test
    void aQuoteInFullOrShallowFormBecomesQuoteOf() throws Exception {
        String full = "{\"id\":\"5\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"<p>so this</p>\","
                + "\"quote\":{\"state\":\"accepted\",\"quoted_status\":{\"id\":\"4\",\"content\":\"x\"}}}";
        String shallow = "{\"id\":\"6\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"<p>and this</p>\","
                + "\"quote\":{\"state\":\"accepted\",\"quoted_status_id\":\"4\"}}";

        assertThat(((Post) adapter.map(inline(full)).get(0)).quoteOf()).isEqualTo("mastodon:4");
        assertThat(((Post) adapter.map(inline(shallow)).get(0)).quoteOf()).isEqualTo("mastodon:4");
        assertThat(((Post) adapter.map(inline(shallow)).get(0)).author()).isNull();
    }

    @Test
    void rejectsNamingTheField() {
        assertRejected("<p>not json</p>", "invalid JSON", null);
        assertRejected("{\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"a\"}", "missing required field 'id'", null);
        assertRejected("{\"id\":\"1\",\"content\":\"a\"}", "missing required field 'created_at'", "mastodon:1");
        assertRejected("{\"id\":\"1\",\"created_at\":\"13/08/2024\",\"content\":\"a\"}",
                "unparsable time in 'created_at'", "mastodon:1");
        assertRejected("{\"id\":\"1\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"<p></p>\"}",
                "missing required field 'content' (no text once HTML is removed)", "mastodon:1");
        assertRejected("{\"id\":\"1\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"\",\"reblog\":{\"id\":\"2\"}}",
                "missing required field 'reblog.content'", "mastodon:1");
        assertRejected("{\"id\":\"1\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"a\",\"reblog\":\"2\"}",
                "'reblog' must be an object, got a string", "mastodon:1");
        assertRejected("{\"id\":\"1\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"a\",\"reblogs_count\":-1}",
                "'reblogs_count' must be a non-negative whole number", "mastodon:1");
        assertRejected("{\"id\":\"1\",\"created_at\":\"2024-08-13T00:00:00Z\",\"content\":\"a\",\"account\":{\"followers_count\":\"lots\"}}",
                "'account.followers_count' must be a non-negative whole number", "mastodon:1");
    }

    private void assertRejected(String json, String reason, String recordId) {
        assertThatThrownBy(() -> adapter.map(inline(json)))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((RejectedRecordException) e).recordId()).isEqualTo(recordId));
    }
}
