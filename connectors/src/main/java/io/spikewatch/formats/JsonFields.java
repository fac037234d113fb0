package io.spikewatch.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads fields of a platform's JSON with rejections that name the field by its path in the record
 * ({@code data[2].created_at}), so a dead letter says exactly what to fix.
 */
final class JsonFields {

    private JsonFields() {}

    /** The record as a JSON object, or a rejection saying why it is not one. */
    static JsonNode readObject(String text, String format) throws RejectedRecordException {
        if (text == null || text.isBlank()) {
            throw new RejectedRecordException("empty record", null);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RejectedRecordException("invalid JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw new RejectedRecordException("not a JSON object (a " + format + " record is one)", null);
        }
        return node;
    }

    /** A string field, or null when absent or null; any other type is a rejection. */
    static String optionalText(JsonNode node, String field, String path, String id) throws RejectedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RejectedRecordException(
                    "'" + path(path, field) + "' must be a string, got " + typeOf(value), id);
        }
        return value.asText();
    }

    /** A string field that must be present and not blank. */
    static String requiredText(JsonNode node, String field, String path, String id) throws RejectedRecordException {
        String value = optionalText(node, field, path, id);
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("missing required field '" + path(path, field) + "'", id);
        }
        return value;
    }

    /** An object field, or a missing node when absent or null; any other type is a rejection. */
    static JsonNode optionalObject(JsonNode node, String field, String path, String id) throws RejectedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw new RejectedRecordException(
                    "'" + path(path, field) + "' must be an object, got " + typeOf(value), id);
        }
        return value;
    }

    /** A non-negative whole number, or 0 when absent or null. */
    static long count(JsonNode node, String field, String path, String id) throws RejectedRecordException {
        Long value = optionalCount(node, field, path, id);
        return value == null ? 0 : value;
    }

    /** A non-negative whole number, or null when absent or null. */
    static Long optionalCount(JsonNode node, String field, String path, String id) throws RejectedRecordException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new RejectedRecordException(
                    "'" + path(path, field) + "' must be a non-negative whole number, got " + value, id);
        }
        return value.asLong();
    }

    /** A required ISO-8601 time with an offset or {@code Z}, such as {@code 2024-08-13T00:18:00.000Z}. */
    static Instant requiredTime(JsonNode node, String field, String path, String id) throws RejectedRecordException {
        String value = requiredText(node, field, path, id);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(
                    "unparsable time in '" + path(path, field) + "': '" + value
                            + "' (expected ISO-8601 with an offset, such as 2024-08-13T00:18:00.000Z)",
                    id);
        }
    }

    static String path(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
