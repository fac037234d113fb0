package io.spikewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordParserTest {

    private final RecordParser parser = new RecordParser();

    private InputDocument parse(String line) throws RejectedRecordException {
        return parser.parse(new RawRecord("test.ndjson", "line 1", line));
    }

    @Test
    void readsAFullPost() throws Exception {
        InputDocument doc = parse("""
                {"kind":"post","id":"x-1","platform":"x","author":{"id":"u1","handle":"elonmusk","name":"Elon Musk","followers":195000000},
                 "text":"There appears to be a massive DDOS attack on 𝕏","created_at":"2024-08-12T20:18:00-04:00","lang":"en",
                 "url":"https://x.com/p/1","reply_to":null,"repost_of":"x-0","quote_of":null,
                 "engagement":{"likes":10,"reposts":2,"replies":3,"quotes":1,"views":1000},"unknown_field":{"a":1}}
                """.replace("\n", ""));

        assertThat(doc).isInstanceOf(Post.class);
        Post post = (Post) doc;
        assertThat(post.id()).isEqualTo("x-1");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2024-08-13T00:18:00Z"));
        assertThat(post.author()).isEqualTo(new Author("u1", "elonmusk", "Elon Musk", 195_000_000L));
        assertThat(post.repostOf()).isEqualTo("x-0");
        assertThat(post.replyTo()).isNull();
        assertThat(post.engagement()).isEqualTo(new Engagement(10, 2, 3, 1, 1000));
        assertThat(post.authorKey()).isEqualTo("u1");
    }

    @Test
    void readsAStatementByItsPublishedAtWhenKindIsAbsent() throws Exception {
        InputDocument doc = parse("{\"id\":\"s-1\",\"organization\":\"Harris-Walz campaign\",\"speaker\":\"Joseph Costello\","
                + "\"text\":\"a statement\",\"published_at\":1723510800000}");

        assertThat(doc).isInstanceOf(Statement.class);
        assertThat(doc.eventTime()).isEqualTo(Instant.ofEpochMilli(1723510800000L));
        assertThat(((Statement) doc).speaker()).isEqualTo("Joseph Costello");
    }

    @Test
    void aMinimalPostNeedsOnlyIdTextAndTime() throws Exception {
        Post post = (Post) parse("{\"id\":\"p\",\"text\":\"hi\",\"created_at\":\"2024-08-12T20:00:00Z\"}");

        assertThat(post.author()).isNull();
        assertThat(post.authorKey()).isNull();
        assertThat(post.engagement()).isEqualTo(Engagement.NONE);
    }

    @Test
    void rejectsWithAReasonAPersonCanActOn() {
        assertRejected("{not json", "invalid JSON");
        assertRejected("[1,2]", "not a JSON object");
        assertRejected("   ", "empty record");
        assertRejected("{\"text\":\"t\",\"created_at\":\"2024-08-12T20:00:00Z\"}", "missing required field 'id'");
        assertRejected("{\"id\":\"a\",\"created_at\":\"2024-08-12T20:00:00Z\"}", "missing required field 'text'");
        assertRejected("{\"id\":\"a\",\"text\":\"t\"}", "missing required field 'created_at'");
        assertRejected("{\"id\":\"a\",\"text\":\"t\",\"created_at\":\"yesterday\"}", "unparsable time in 'created_at': 'yesterday'");
        assertRejected("{\"id\":\"a\",\"text\":\"t\",\"created_at\":\"2024-08-12T20:00:00\"}", "unparsable time");
        assertRejected("{\"kind\":\"video\",\"id\":\"a\"}", "unknown kind 'video'");
        assertRejected("{\"id\":\"a\",\"text\":\"t\",\"created_at\":\"2024-08-12T20:00:00Z\",\"engagement\":{\"likes\":-3}}",
                "'likes' must be a non-negative whole number");
    }

    @Test
    void aRejectionKeepsTheRecordIdWhenItWasReadable() {
        assertThatThrownBy(() -> parse("{\"id\":\"a-7\",\"created_at\":\"2024-08-12T20:00:00Z\"}"))
                .isInstanceOfSatisfying(RejectedRecordException.class, e -> {
                    DeadLetter letter = e.toDeadLetter(new RawRecord("posts.ndjson", "line 9", "{...}"));
                    assertThat(letter.recordId()).isEqualTo("a-7");
                    assertThat(letter.source()).isEqualTo("posts.ndjson");
                    assertThat(letter.location()).isEqualTo("line 9");
                    assertThat(letter.stage()).isEqualTo(DeadLetter.STAGE_PARSE);
                    assertThat(letter.reason()).isEqualTo("missing required field 'text'");
                });
    }

    @Test
    void deadLetterIdsAreDeterministicSoAReplayOverwrites() {
        DeadLetter first = DeadLetter.of("parse", "f", "line 1", "{", "invalid JSON", null);
        DeadLetter again = DeadLetter.of("parse", "f", "line 1", "{", "invalid JSON", null);
        DeadLetter other = DeadLetter.of("parse", "f", "line 2", "{", "invalid JSON", null);

        assertThat(first.id()).isEqualTo(again.id()).isNotEqualTo(other.id()).hasSize(32);
    }

    @Test
    void peeksTheEventTimeOfEitherKind() {
        assertThat(parser.peekEventTime("{\"id\":\"a\",\"created_at\":\"2024-08-12T20:00:00Z\"}"))
                .contains(Instant.parse("2024-08-12T20:00:00Z"));
        assertThat(parser.peekEventTime("{\"kind\":\"statement\",\"published_at\":\"2024-08-12T21:00:00-04:00\"}"))
                .contains(Instant.parse("2024-08-13T01:00:00Z"));
        assertThat(parser.peekEventTime("{broken")).isEmpty();
    }

    @Test
    void writesSnakeCaseIsoJson() throws Exception {
        Post post = (Post) parse("{\"id\":\"p\",\"text\":\"hi\",\"created_at\":\"2024-08-12T20:00:00Z\",\"repost_of\":\"q\"}");

        String json = Json.MAPPER.writeValueAsString(post);

        assertThat(Json.MAPPER.readTree(json).get("created_at").asText()).isEqualTo("2024-08-12T20:00:00Z");
        assertThat(Json.MAPPER.readTree(json).get("repost_of").asText()).isEqualTo("q");
        assertThat(Json.MAPPER.readTree(json).has("reply_to")).isFalse();
    }

    private void assertRejected(String line, String reason) {
        assertThatThrownBy(() -> parse(line))
                .as(line)
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason);
    }
}
