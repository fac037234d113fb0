package io.spikewatch.analyst;

import java.util.Objects;

/**
 * What a trend follows: every post, one tracked entity (from the per-minute metrics), or the
 * posts whose text matches a free-text query (from the posts index).
 *
 * @param value the entity's canonical name or the query text; null for {@link Kind#ALL}
 */
public record TrendSubject(Kind kind, String value) {

    public enum Kind { ALL, ENTITY, QUERY }

    public TrendSubject {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ALL ? value != null : value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind == Kind.ALL ? "the overall trend takes no value"
                    : (kind == Kind.ENTITY ? "--entity" : "--query") + ": must not be empty");
        }
    }

    public static TrendSubject all() {
        return new TrendSubject(Kind.ALL, null);
    }

    public static TrendSubject entity(String name) {
        return new TrendSubject(Kind.ENTITY, name == null ? null : name.trim());
    }

    public static TrendSubject query(String text) {
        return new TrendSubject(Kind.QUERY, text == null ? null : text.trim());
    }

    /** {@code entity 'Elon Musk'}, {@code posts matching 'ddos'}, {@code all posts}, for messages. */
    public String describe() {
        return switch (kind) {
            case ALL -> "all posts";
            case ENTITY -> "entity '" + value + "'";
            case QUERY -> "posts matching '" + value + "'";
        };
    }
}
