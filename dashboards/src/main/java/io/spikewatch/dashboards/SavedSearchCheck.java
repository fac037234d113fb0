package io.spikewatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Checks a saved search (a Discover table on a dashboard): its search source must name its data
 * view through {@code indexRefName}; its columns must be mapped fields (or {@code _source}); it
 * may only sort on fields with doc values, outside nested ones; its query and filters may only
 * name mapped fields.
 */
final class SavedSearchCheck {

    static final String SEARCH_SOURCE = "kibanaSavedObjectMeta.searchSourceJSON";
    private static final String SOURCE_COLUMN = "_source";

    private final CheckContext context;

    SavedSearchCheck(CheckContext context) {
        this.context = context;
    }

    void check(SavedObject search) {
        JsonNode attributes = search.attributes();
        Optional<JsonNode> source = context.json(search, SEARCH_SOURCE,
                attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON"));
        if (source.isEmpty()) {
            return;
        }
        String indexRef = source.get().path("indexRefName").asText("");
        if (indexRef.isEmpty()) {
            context.problem(search, SEARCH_SOURCE + " has no indexRefName naming its data view reference");
            return;
        }
        Optional<MappedFields> fields = context.dataView(search, indexRef, "the search source");
        if (fields.isEmpty()) {
            return;
        }
        if (!attributes.path("columns").isArray() || attributes.path("columns").isEmpty()) {
            context.problem(search, "has no columns; a dashboard table would show only the raw document");
        }
        for (JsonNode column : attributes.path("columns")) {
            if (!SOURCE_COLUMN.equals(column.asText())) {
                context.field(search, "column", fields.get(), column.asText(), FieldRequirement.ANY, false);
            }
        }
        for (JsonNode sort : attributes.path("sort")) {
            if (!sort.isArray() || sort.size() != 2 || !sort.get(1).asText().matches("asc|desc")) {
                context.problem(search, "sort entry " + sort + " must be [field, \"asc\"|\"desc\"]");
                continue;
            }
            context.field(search, "sort", fields.get(), sort.get(0).asText(), FieldRequirement.AGGREGATABLE, true);
        }
        context.queryAndFilters(search, "the search's", fields.get(), source.get().path("query"), source.get().path("filter"));
    }
}
