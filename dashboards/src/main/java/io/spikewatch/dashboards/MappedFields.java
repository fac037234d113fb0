package io.spikewatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of one index mapping (or the union of several, for a data view that spans indices),
 * flattened to dotted names as Kibana lists them: object sub-fields become {@code parent.child},
 * multi-fields {@code field.sub}, and fields inside {@code nested} ones are marked as such.
 */
public final class MappedFields {

    private final Map<String, MappedField> byName;

    private MappedFields(Map<String, MappedField> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * The fields of a {@code mappings} object ({@code {"properties": {...}}}).
     *
     * @throws IllegalArgumentException when it has no {@code properties} object
     */
    public static MappedFields of(JsonNode mappings) {
        JsonNode properties = mappings.path("properties");
        if (!properties.isObject()) {
            throw new IllegalArgumentException("a mapping must have a 'properties' object");
        }
        Map<String, MappedField> fields = new LinkedHashMap<>();
        collect(properties, "", false, fields);
        return new MappedFields(fields);
    }

    /** The union of several mappings; a field they map to different types becomes {@link MappedField#CONFLICT}. */
    public static MappedFields union(Collection<MappedFields> parts) {
        Map<String, MappedField> fields = new LinkedHashMap<>();
        for (MappedFields part : parts) {
            for (MappedField field : part.byName.values()) {
                fields.merge(field.name(), field, (a, b) -> a.type().equals(b.type())
                        ? new MappedField(a.name(), a.type(), a.insideNested() || b.insideNested())
                        : new MappedField(a.name(), MappedField.CONFLICT, a.insideNested() || b.insideNested()));
            }
        }
        return new MappedFields(fields);
    }

    public Optional<MappedField> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether some field matches {@code name}, in which {@code *} stands for any characters (as KQL allows). */
    public boolean matchesAny(String name) {
        if (!name.contains("*")) {
            return byName.containsKey(name);
        }
        Pattern pattern = Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"));
        return byName.keySet().stream().anyMatch(n -> pattern.matcher(n).matches());
    }

    public Collection<MappedField> all() {
        return byName.values();
    }

    private static void collect(JsonNode properties, String prefix, boolean insideNested, Map<String, MappedField> out) {
        Iterator<Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Entry<String, JsonNode> entry = it.next();
            String name = prefix + entry.getKey();
            JsonNode spec = entry.getValue();
            String type = spec.path("type").asText(spec.has("properties") ? "object" : "");
            if (spec.has("properties")) {
                if ("nested".equals(type)) {
                    out.put(name, new MappedField(name, type, insideNested));
                }
                collect(spec.get("properties"), name + ".", insideNested || "nested".equals(type), out);
                continue;
            }
            out.put(name, new MappedField(name, type, insideNested));
            Iterator<Entry<String, JsonNode>> multi = spec.path("fields").fields();
            while (multi.hasNext()) {
                Entry<String, JsonNode> sub = multi.next();
                String subName = name + "." + sub.getKey();
                out.put(subName, new MappedField(subName, sub.getValue().path("type").asText(""), insideNested));
            }
        }
    }
}
