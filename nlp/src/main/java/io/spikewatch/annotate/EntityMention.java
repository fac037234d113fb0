package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entity found in a text.
 *
 * <p>{@code start} and {@code end} are UTF-16 code-unit offsets into the original text, end
 * exclusive, so {@code text.substring(start, end)} is the mention even when emoji or other
 * characters outside the Basic Multilingual Plane come before it (the same indexing as Java and
 * JavaScript strings).
 *
 * @param text the mention as written in the original text
 * @param type one of {@link EntityType}'s names
 * @param canonical the tracked entity's canonical name, or null when the entity is not tracked
 */
public record EntityMention(String text, String type, int start, int end, String canonical)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public EntityMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad mention offsets [" + start + ", " + end + ") for '" + text + "'");
        }
    }

    /** The canonical name when tracked, else the surface text: the key entity counts group by. */
    public String entityName() {
        return canonical != null ? canonical : text;
    }

    /** True when the mention was resolved to a tracked entity. */
    public boolean tracked() {
        return canonical != null;
    }
}
