package io.spikewatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a Lens visualization in its Kibana 8 saved form ({@code state.datasourceStates.formBased.layers}).
 *
 * <p>Each form-based layer must have its data view reference ({@code indexpattern-datasource-layer-LAYER});
 * each column's source field must exist in that data view with a type its operation can use and
 * its data type must match the field; columns that build on others (formulas, math) must name
 * columns of the same layer; the visualization's accessors must be columns of its layers; an
 * annotation layer must have its data view reference ({@code xy-visualization-layer-LAYER}) and a
 * date time field; the query, filters and column filters may only name mapped fields.
 */
final class LensCheck {

    static final String LAYER_REFERENCE_PREFIX = "indexpattern-datasource-layer-";
    static final String ANNOTATION_LAYER_REFERENCE_PREFIX = "xy-visualization-layer-";
    /** The pseudo-field of Lens's "count of records". */
    static final String RECORDS = "___records___";

    private static final Map<String, FieldRequirement> FIELD_OPERATIONS = Map.ofEntries(
            Map.entry("date_histogram", FieldRequirement.DATE),
            Map.entry("terms", FieldRequirement.TERMS),
            Map.entry("range", FieldRequirement.NUMERIC),
            Map.entry("sum", FieldRequirement.NUMERIC),
            Map.entry("average", FieldRequirement.NUMERIC),
            Map.entry("median", FieldRequirement.NUMERIC),
            Map.entry("percentile", FieldRequirement.NUMERIC),
            Map.entry("percentile_rank", FieldRequirement.NUMERIC),
            Map.entry("standard_deviation", FieldRequirement.NUMERIC),
            Map.entry("min", FieldRequirement.NUMERIC_OR_DATE),
            Map.entry("max", FieldRequirement.NUMERIC_OR_DATE),
            Map.entry("unique_count", FieldRequirement.AGGREGATABLE),
            Map.entry("last_value", FieldRequirement.AGGREGATABLE),
            Map.entry("count", FieldRequirement.AGGREGATABLE));

    /** Operations computed from other columns ({@code references}) rather than from a field. */
    private static final Set<String> REFERENCE_OPERATIONS = Set.of(
            "formula", "math", "static_value", "time_range", "cumulative_sum", "differences",
            "moving_average", "counter_rate", "normalize_by_unit", "overall_sum", "overall_min",
            "overall_max", "overall_average");

    private static final Pattern GENERATED_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CheckContext context;

    LensCheck(CheckContext context) {
        this.context = context;
    }

    void check(SavedObject lens) {
        JsonNode state = lens.attributes().path("state");
        String visType = lens.attributes().path("visualizationType").asText("");
        JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
        if (!state.isObject() || !layers.isObject()) {
            context.problem(lens, "has no state.datasourceStates.formBased.layers (the Kibana 8 Lens format)");
            return;
        }
        Map<String, Set<String>> columnsByLayer = new HashMap<>();
        List<MappedFields> layerFields = new ArrayList<>();
        Iterator<Entry<String, JsonNode>> it = layers.fields();
        while (it.hasNext()) {
            Entry<String, JsonNode> layer = it.next();
            columnsByLayer.put(layer.getKey(), columnIds(layer.getValue()));
            Optional<MappedFields> fields = context.dataView(lens, LAYER_REFERENCE_PREFIX + layer.getKey(),
                    "layer '" + layer.getKey() + "'");
            fields.ifPresent(layerFields::add);
            checkLayer(lens, layer.getKey(), layer.getValue(), fields.orElse(null));
        }
        for (MappedFields fields : layerFields) {
            context.queryAndFilters(lens, "the visualization's", fields, state.path("query"), state.path("filters"));
        }
        checkVisualization(lens, visType, state.path("visualization"), columnsByLayer);
    }

    private static Set<String> columnIds(JsonNode layer) {
        Set<String> ids = new HashSet<>();
        layer.path("columns").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private void checkLayer(SavedObject lens, String layerId, JsonNode layer, MappedFields fields) {
        JsonNode columns = layer.path("columns");
        Set<String> ids = columnIds(layer);
        Set<String> ordered = new HashSet<>();
        layer.path("columnOrder").forEach(c -> ordered.add(c.asText()));
        if (!ordered.equals(ids)) {
            context.problem(lens, "layer '" + layerId + "': columnOrder " + ordered + " does not list exactly its columns " + ids);
        }
        Iterator<Entry<String, JsonNode>> it = columns.fields();
        while (it.hasNext()) {
            Entry<String, JsonNode> entry = it.next();
            String where = "layer '" + layerId + "' column '" + entry.getKey() + "'";
            JsonNode column = entry.getValue();
            String operation = column.path("operationType").asText("");
            if (GENERATED_ID.matcher(entry.getKey()).find()) {
                context.problem(lens, where + " has a generated UUID as its id; use a readable one");
            }
            for (JsonNode ref : column.path("references")) {
                if (!ids.contains(ref.asText())) {
                    context.problem(lens, where + " (" + operation + ") refers to column '" + ref.asText() + "', which the layer does not have");
                }
            }
            JsonNode orderBy = column.path("params").path("orderBy");
            if ("column".equals(orderBy.path("type").asText()) && !ids.contains(orderBy.path("columnId").asText())) {
                context.problem(lens, where + " is ordered by column '" + orderBy.path("columnId").asText() + "', which the layer does not have");
            }
            if (REFERENCE_OPERATIONS.contains(operation)) {
                continue;
            }
            FieldRequirement requirement = FIELD_OPERATIONS.get(operation);
            if (requirement == null) {
                context.problem(lens, where + " has operation '" + operation + "', which this check does not know; add it to LensCheck");
                continue;
            }
            if (fields == null) {
                continue;
            }
            String sourceField = column.path("sourceField").asText("");
            if (!("count".equals(operation) && RECORDS.equals(sourceField))) {
                context.field(lens, where + " (" + operation + ")", fields, sourceField, requirement, true);
                checkDataType(lens, where, operation, column, fields, sourceField);
            }
            JsonNode filter = column.path("filter");
            if (filter.path("query").isTextual()) {
                context.queryFields(lens, where + " filter", fields, filter.path("query").asText());
            }
        }
    }

    /**
     * Date histograms and top values return the field's own values: Lens's dataType must match the
     * field's type. Checked only for a field the operation accepts (numbers are then the rest).
     */
    private void checkDataType(SavedObject lens, String where, String operation, JsonNode column, MappedFields fields, String sourceField) {
        if (!operation.equals("terms") && !operation.equals("date_histogram")) {
            return;
        }
        fields.get(sourceField).filter(field -> FIELD_OPERATIONS.get(operation).accepts(field.type())).ifPresent(field -> {
            String expected = switch (field.type()) {
                case "date", "date_nanos" -> "date";
                case "keyword", "constant_keyword" -> "string";
                case "boolean" -> "boolean";
                case "ip" -> "ip";
                default -> "number";
            };
            String actual = column.path("dataType").asText("");
            if (!actual.equals(expected)) {
                context.problem(lens, where + " has dataType '" + actual + "' but field '" + sourceField
                        + "' is " + field.type() + " (dataType '" + expected + "')");
            }
        });
    }

    private void checkVisualization(SavedObject lens, String visType, JsonNode vis, Map<String, Set<String>> columnsByLayer) {
        switch (visType) {
            case "lnsXY" -> {
                for (JsonNode layer : vis.path("layers")) {
                    String type = layer.path("layerType").asText("data");
                    if ("annotations".equals(type)) {
                        checkAnnotationLayer(lens, layer);
                    } else {
                        accessors(lens, layer, columnsByLayer, "xAccessor", "splitAccessor", "accessors");
                    }
                }
            }
            case "lnsDatatable" -> {
                List<String> columnIds = new ArrayList<>();
                vis.path("columns").forEach(c -> columnIds.add(c.path("columnId").asText()));
                accessorIds(lens, vis.path("layerId").asText(), columnIds, columnsByLayer);
            }
            case "lnsPie" -> {
                for (JsonNode layer : vis.path("layers")) {
                    accessors(lens, layer, columnsByLayer, "primaryGroups", "secondaryGroups", "metrics");
                }
            }
            case "lnsMetric" -> accessors(lens, vis, columnsByLayer,
                    "metricAccessor", "secondaryMetricAccessor", "maxAccessor", "breakdownByAccessor");
            default -> context.problem(lens, "has visualizationType '" + visType
                    + "', which this check does not know (lnsXY, lnsDatatable, lnsPie, lnsMetric); add it to LensCheck");
        }
    }

    /** The accessors under {@code keys} (a string or an array of strings) must be columns of the layer. */
    private void accessors(SavedObject lens, JsonNode layer, Map<String, Set<String>> columnsByLayer, String... keys) {
        List<String> ids = new ArrayList<>();
        for (String key : keys) {
            JsonNode value = layer.path(key);
            if (value.isTextual()) {
                ids.add(value.asText());
            } else {
                value.forEach(v -> ids.add(v.asText()));
            }
        }
        accessorIds(lens, layer.path("layerId").asText(), ids, columnsByLayer);
    }

    private void accessorIds(SavedObject lens, String layerId, List<String> ids, Map<String, Set<String>> columnsByLayer) {
        Set<String> columns = columnsByLayer.get(layerId);
        if (columns == null) {
            context.problem(lens, "visualization layer '" + layerId + "' has no form-based layer of that id");
            return;
        }
        if (ids.isEmpty()) {
            context.problem(lens, "visualization layer '" + layerId + "' shows no column");
        }
        for (String id : ids) {
            if (!columns.contains(id)) {
                context.problem(lens, "visualization layer '" + layerId + "' shows column '" + id + "', which the layer does not have");
            }
        }
    }

    private void checkAnnotationLayer(SavedObject lens, JsonNode layer) {
        String layerId = layer.path("layerId").asText();
        String where = "annotation layer '" + layerId + "'";
        if (!"byValue".equals(layer.path("persistanceType").asText("byValue"))) {
            context.problem(lens, where + " is persisted '" + layer.path("persistanceType").asText()
                    + "'; only by-value annotation layers are checked (a library annotation group would be another object)");
            return;
        }
        Optional<MappedFields> fields = context.dataView(lens, ANNOTATION_LAYER_REFERENCE_PREFIX + layerId, where);
        for (JsonNode annotation : layer.path("annotations")) {
            String at = where + " annotation '" + annotation.path("id").asText() + "'";
            if (!"query".equals(annotation.path("type").asText()) || fields.isEmpty()) {
                continue;
            }
            context.field(lens, at + " time field", fields.get(), annotation.path("timeField").asText(""), FieldRequirement.DATE, true);
            if (annotation.path("textField").isTextual()) {
                context.field(lens, at + " text field", fields.get(), annotation.path("textField").asText(), FieldRequirement.ANY, true);
            }
            for (JsonNode extra : annotation.path("extraFields")) {
                context.field(lens, at + " tooltip field", fields.get(), extra.asText(), FieldRequirement.ANY, true);
            }
            JsonNode filter = annotation.path("filter");
            if (!filter.path("query").isTextual()) {
                context.problem(lens, at + " is query-based but has no filter.query");
            } else {
                context.queryFields(lens, at, fields.get(), filter.path("query").asText());
            }
        }
    }
}
