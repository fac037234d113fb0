package io.spikewatch.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads one NDJSON line into a {@link Post} or a {@link Statement}, or says precisely why it cannot.
 *
 * <p>The kind is the {@code kind} field ({@code post} or {@code statement}); without it, a record
 * with {@code published_at} is a statement and any other a post. Unknown fields are ignored. Times
 * are ISO-8601 with an offset ({@code 2024-08-12T20:18:00-04:00}, {@code ...Z}) or epoch
 * milliseconds.
 */
public final class RecordParser {

    public InputDocument parse(RawRecord raw) throws RejectedRecordException {
        JsonNode node = readTree(raw.text());
        String kind = kindOf(node);
        return switch (kind) {
            case "post" -> post(node);
            case "statement" -> statement(node);
            default -> throw new RejectedRecordException(
                    "unknown kind '" + kind + "' (expected 'post' or 'statement')", text(node, "id"));
        };
    }

    /**
     * The event time of a line, read the same way {@link #parse} reads it, or empty when the line
     * has none that can be read (it will then be rejected by {@link #parse}). Used by sources that
     * order or pace records by event time before they are parsed.
     */
    public Optional<Instant> peekEventTime(String line) {
        try {
            JsonNode node = readTree(line);
            String field = "statement".equals(kindOf(node)) ? "published_at" : "created_at";
            return Optional.of(time(node, field, null));
        } catch (RejectedRecordException e) {
            return Optional.empty();
        }
    }

    private static String kindOf(JsonNode node) {
        String kind = text(node, "kind");
        if (kind != null) {
            return kind;
        }
        return node.has("published_at") ? "statement" : "post";
    }

    private static JsonNode readTree(String line) throws RejectedRecordException {
        if (line == null || line.isBlank()) {
            throw new RejectedRecordException("empty record", null);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RejectedRecordException("invalid JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new RejectedRecordException("not a JSON object", null);
        }
        return node;
    }

    private static Post post(JsonNode node) throws RejectedRecordException {
        String id = required(node, "id", null);
        String text = required(node, "text", id);
        Instant createdAt = time(node, "created_at", id);
        JsonNode author = node.path("author");
        JsonNode counts = node.path("engagement");
        return new Post(
                id,
                text(node, "platform"),
                author.isObject()
                        ? new Author(
                                text(author, "id"), text(author, "handle"), text(author, "name"),
                                count(author, "followers", id))
                        : null,
                text,
                createdAt,
                text(node, "lang"),
                text(node, "url"),
                text(node, "reply_to"),
                text(node, "repost_of"),
                text(node, "quote_of"),
                counts.isObject()
                        ? new Engagement(
                                orZero(count(counts, "likes", id)),
                                orZero(count(counts, "reposts", id)),
                                orZero(count(counts, "replies", id)),
                                orZero(count(counts, "quotes", id)),
                                orZero(count(counts, "views", id)))
                        : Engagement.NONE);
    }

    private static Statement statement(JsonNode node) throws RejectedRecordException {
        String id = required(node, "id", null);
        String text = required(node, "text", id);
        Instant publishedAt = time(node, "published_at", id);
        return new Statement(
                id,
                text(node, "organization"),
                text(node, "speaker"),
                text(node, "title"),
                text,
                publishedAt,
                text(node, "url"));
    }

    private static String required(JsonNode node, String field, String id) throws RejectedRecordException {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("missing required field '" + field + "'", id);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    private static Instant time(JsonNode node, String field, String id) throws RejectedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new RejectedRecordException("missing required field '" + field + "'", id);
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(
                    "unparsable time in '" + field + "': '" + value.asText()
                            + "' (expected ISO-8601 with an offset, such as 2024-08-12T20:18:00-04:00, or epoch milliseconds)",
                    id);
        }
    }

    private static Long count(JsonNode node, String field, String id) throws RejectedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || value.asLong() < 0) {
            throw new RejectedRecordException(
                    "'" + field + "' must be a non-negative whole number, got " + value, id);
        }
        return value.asLong();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
