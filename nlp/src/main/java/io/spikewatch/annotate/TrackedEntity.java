package io.spikewatch.annotate;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One entity the monitoring team follows, with every way a post may refer to it.
 *
 * @param name the canonical name every match reports
 * @param aliases names matched ignoring case
 * @param caseSensitiveAliases names matched only as written, for short or ambiguous aliases such
 *     as "X" or "EU" that would otherwise match ordinary words ("x", "eu")
 * @param handles account names including the leading {@code @}, matched ignoring case
 * @param hashtags tags including the leading {@code #}, matched ignoring case
 */
public record TrackedEntity(
        String name,
        EntityType type,
        List<String> aliases,
        List<String> caseSensitiveAliases,
        List<String> handles,
        List<String> hashtags)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrackedEntity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        caseSensitiveAliases = List.copyOf(caseSensitiveAliases);
        handles = List.copyOf(handles);
        hashtags = List.copyOf(hashtags);
    }
}
