package io.spikewatch.dashboards;

import java.util.Set;

/**
 * What a use of a field needs from its mapping type: a date histogram needs a {@code date}, top
 * values (terms) a field Elasticsearch can aggregate on exactly ({@code keyword}, numbers,
 * {@code boolean}, {@code ip}; never analysed {@code text}), a sum or an average a number.
 */
public enum FieldRequirement {
    /** The x axis of a Lens date histogram, a data view's time field, an annotation's time field. */
    DATE("a date", Set.of("date", "date_nanos")),
    /** Lens top values (terms). */
    TERMS("keyword, numeric, boolean or ip", union(Set.of("keyword", "constant_keyword", "boolean", "ip"), Types.NUMERIC)),
    /** Lens sum, average, median, percentiles, standard deviation. */
    NUMERIC("a numeric type", Types.NUMERIC),
    /** Lens min and max: numbers or dates. */
    NUMERIC_OR_DATE("a numeric or date type", union(Types.NUMERIC, Set.of("date", "date_nanos"))),
    /** Lens unique count, last value, count of a field; sorting a saved search: doc values, so no text. */
    AGGREGATABLE("a type with doc values (not text)",
            union(Set.of("keyword", "constant_keyword", "boolean", "ip", "date", "date_nanos"), Types.NUMERIC)),
    /** A column of a saved search, an annotation's tooltip field, a field named in a query: any mapped field. */
    ANY("any mapped field", Set.of());

    private final String description;
    private final Set<String> types;

    FieldRequirement(String description, Set<String> types) {
        this.description = description;
        this.types = types;
    }

    /** Whether a field of this mapping type satisfies the requirement. A type conflict never does. */
    public boolean accepts(String type) {
        if (MappedField.CONFLICT.equals(type)) {
            return false;
        }
        return this == ANY || types.contains(type);
    }

    /** What it needs, for messages: e.g. {@code a date}. */
    public String description() {
        return description;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static final class Types {
        static final Set<String> NUMERIC = Set.of(
                "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long");
    }
}
