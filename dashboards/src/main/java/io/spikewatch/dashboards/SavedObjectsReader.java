package io.spikewatch.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a saved-objects NDJSON file: one JSON object per line, blank lines skipped. The summary
 * line a Kibana export appends ({@code exportedCount}, {@code missingRefCount}...) is skipped too,
 * so a fresh export can be dropped in unchanged.
 *
 * <p>A line that is not a saved object (bad JSON, no {@code type}, {@code id} or {@code attributes},
 * a malformed reference) fails the whole read with the file, the line and the reason.
 */
public final class SavedObjectsReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SavedObjectsReader() {}

    public static List<SavedObject> read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses NDJSON text; {@code sourceName} names it in messages. */
    public static List<SavedObject> parse(String sourceName, String ndjson) {
        List<SavedObject> objects = new ArrayList<>();
        String[] lines = ndjson.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String source = sourceName + " line " + (i + 1);
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage(), e);
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(source + ": expected a JSON object, found " + node.getNodeType());
            }
            if (node.has("exportedCount")) {
                continue;
            }
            objects.add(toSavedObject(source, node));
        }
        return objects;
    }

    private static SavedObject toSavedObject(String source, JsonNode node) {
        String type = requiredText(source, node, "type");
        String id = requiredText(source, node, "id");
        JsonNode attributes = node.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw new IllegalArgumentException(source + ": key 'attributes' must be an object");
        }
        JsonNode refs = node.path("references");
        if (!refs.isMissingNode() && !refs.isArray()) {
            throw new IllegalArgumentException(source + ": key 'references' must be an array");
        }
        List<SavedObjectReference> references = new ArrayList<>();
        for (int r = 0; r < refs.size(); r++) {
            JsonNode ref = refs.get(r);
            String where = source + " references[" + r + "]";
            references.add(new SavedObjectReference(
                    requiredText(where, ref, "name"), requiredText(where, ref, "type"), requiredText(where, ref, "id")));
        }
        boolean versions = node.path("coreMigrationVersion").isTextual() && node.path("typeMigrationVersion").isTextual();
        return new SavedObject(source, type, id, attributes, references, versions);
    }

    private static String requiredText(String where, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": key '" + key + "' must be a non-empty string");
        }
        return value.asText();
    }
}
