package io.spikewatch.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks of one set of saved objects share: the objects by type and id, the fields
 * behind each data view, and the problems found so far.
 */
final class CheckContext {

    static final String INDEX_PATTERN = "index-pattern";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, SavedObject> byTypeAndId;
    private final Map<String, MappedFields> dataViewFields;
    private final List<SavedObjectProblem> problems = new ArrayList<>();

    /**
     * @param byTypeAndId every object under {@code type/id}
     * @param dataViewFields the fields of each data view that resolved to indices we write, by id
     */
    CheckContext(Map<String, SavedObject> byTypeAndId, Map<String, MappedFields> dataViewFields) {
        this.byTypeAndId = byTypeAndId;
        this.dataViewFields = dataViewFields;
    }

    static String key(String type, String id) {
        return type + "/" + id;
    }

    Optional<SavedObject> find(String type, String id) {
        return Optional.ofNullable(byTypeAndId.get(key(type, id)));
    }

    void problem(SavedObject object, String message) {
        problems.add(SavedObjectProblem.of(object, message));
    }

    List<SavedObjectProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The fields of the data view that {@code object}'s reference {@code referenceName} points at;
     * empty (with a problem recorded) when the reference is missing or is not a data view. A data
     * view that exists but points at no index we write is reported on the data view itself.
     */
    Optional<MappedFields> dataView(SavedObject object, String referenceName, String usedFor) {
        Optional<SavedObjectReference> ref = object.reference(referenceName);
        if (ref.isEmpty()) {
            problem(object, usedFor + " needs a reference named '" + referenceName + "' to its data view, and there is none");
            return Optional.empty();
        }
        if (!INDEX_PATTERN.equals(ref.get().type())) {
            problem(object, "reference '" + referenceName + "' must point at an index-pattern (data view), not a " + ref.get().type());
            return Optional.empty();
        }
        return Optional.ofNullable(dataViewFields.get(ref.get().id()));
    }

    /**
     * Checks that {@code field} exists in {@code fields} with a type {@code requirement} accepts.
     * {@code forLens}: Lens cannot use fields inside {@code nested} ones at all.
     */
    void field(SavedObject object, String where, MappedFields fields, String field, FieldRequirement requirement, boolean forLens) {
        Optional<MappedField> mapped = fields.get(field);
        if (mapped.isEmpty()) {
            problem(object, where + " uses field '" + field + "', which the index template does not map");
            return;
        }
        String type = mapped.get().type();
        if (MappedField.CONFLICT.equals(type)) {
            problem(object, where + " uses field '" + field + "', which the indices of its data view map to different types");
        } else if (!requirement.accepts(type)) {
            problem(object, where + " uses field '" + field + "' of type " + type + "; it needs " + requirement.description());
        } else if (forLens && mapped.get().insideNested()) {
            problem(object, where + " uses field '" + field + "', which lies inside a nested field; Lens cannot use those");
        }
    }

    /** Checks that every field a KQL or Lucene query names exists in {@code fields}. */
    void queryFields(SavedObject object, String where, MappedFields fields, String query) {
        for (String name : KqlFieldNames.of(query)) {
            if (!fields.matchesAny(name)) {
                problem(object, where + " query '" + query + "' names field '" + name + "', which the index template does not map");
            }
        }
    }

    /** Checks the query ({@code {query, language}}) and filters of a search source or Lens state against {@code fields}. */
    void queryAndFilters(SavedObject object, String where, MappedFields fields, JsonNode query, JsonNode filters) {
        if (query != null && query.path("query").isTextual()) {
            String language = query.path("language").asText("kuery");
            if (!language.equals("kuery") && !language.equals("lucene")) {
                problem(object, where + " query language '" + language + "' is neither kuery nor lucene");
            }
            queryFields(object, where, fields, query.path("query").asText());
        }
        if (filters != null) {
            for (JsonNode filter : filters) {
                JsonNode key = filter.path("meta").path("key");
                if (key.isTextual()) {
                    field(object, where + " filter", fields, key.asText(), FieldRequirement.ANY, false);
                }
            }
        }
    }

    /** Parses an attribute that holds JSON as a string; empty (with a problem recorded) when it does not parse. */
    Optional<JsonNode> json(SavedObject object, String attributeName, JsonNode value) {
        if (!value.isTextual()) {
            problem(object, "attribute '" + attributeName + "' must be a string holding JSON");
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(value.asText()));
        } catch (JsonProcessingException e) {
            problem(object, "attribute '" + attributeName + "' is not valid JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
