package io.spikewatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One saved object as exported by Kibana: one line of an NDJSON export file.
 *
 * @param source where it was read, {@code FILE line N}, for messages
 * @param type the saved-object type ({@code index-pattern}, {@code lens}, {@code search}, {@code dashboard})
 * @param id the id, stable across imports (an import with overwrite replaces the object of the same type and id)
 * @param attributes the type-specific attributes, as exported (some hold JSON encoded as strings)
 * @param references the objects it links to
 * @param migrationVersions whether {@code coreMigrationVersion} and {@code typeMigrationVersion}
 *     are present; without them Kibana takes the attributes for the oldest format and migrates them
 */
public record SavedObject(
        String source,
        String type,
        String id,
        JsonNode attributes,
        List<SavedObjectReference> references,
        boolean migrationVersions) {

    public SavedObject {
        references = List.copyOf(references);
    }

    /** The {@code title} attribute, or an empty string when there is none. */
    public String title() {
        return attributes.path("title").asText("");
    }

    /** The reference of that name, if any. */
    public Optional<SavedObjectReference> reference(String name) {
        return references.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** {@code type 'id' (source)}: how messages name this object. */
    public String label() {
        return type + " '" + id + "' (" + source + ")";
    }
}
