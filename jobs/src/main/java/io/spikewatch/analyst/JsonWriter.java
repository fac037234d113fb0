package io.spikewatch.analyst;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * JSON (pretty-printed, Jackson): a table is an array of objects keyed by column name, a record
 * table one object; a report of several sections is an object with a key per section (its title
 * in snake case). Times are ISO-8601 with the zone's offset, a percentage its fraction, a missing
 * value {@code null}.
 */
public final class JsonWriter implements ReportWriter {

    private final ZoneId zone;

    public JsonWriter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        JsonNode root;
        if (report.sections().size() == 1) {
            root = section(report.sections().get(0));
        } else {
            ObjectNode object = Json.MAPPER.createObjectNode();
            for (ResultTable table : report.sections()) {
                object.set(table.key(), section(table));
            }
            root = object;
        }
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
        out.flush();
    }

    private JsonNode section(ResultTable table) {
        if (table.isRecord()) {
            return table.isEmpty() ? Json.MAPPER.nullNode() : object(table.columns(), table.rows().get(0));
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (List<Object> row : table.rows()) {
            array.add(object(table.columns(), row));
        }
        return array;
    }

    private ObjectNode object(List<Column> columns, List<Object> row) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            Object value = row.get(i);
            if (value == null) {
                object.putNull(name);
            } else if (value instanceof Instant t) {
                object.put(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone)));
            } else if (value instanceof Long n) {
                object.put(name, n);
            } else if (value instanceof Integer n) {
                object.put(name, n);
            } else if (value instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isFinite(d)) {
                    object.put(name, d);
                } else {
                    object.putNull(name);
                }
            } else {
                object.put(name, value.toString());
            }
        }
        return object;
    }
}
