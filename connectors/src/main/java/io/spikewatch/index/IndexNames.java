package io.spikewatch.index;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the Spikewatch indices for one prefix: {@code {prefix}-posts},
 * {@code {prefix}-statements}, {@code {prefix}-metrics}, {@code {prefix}-deadletters},
 * {@code {prefix}-spikes} and {@code {prefix}-alerts}.
 *
 * <p>The prefix follows Elasticsearch's index-name rules, narrowed to what is safe in URLs and
 * index patterns: lowercase letters, digits, {@code -}, {@code _} and {@code .}, starting with a
 * letter or digit, short enough that the longest full name stays within 255 bytes.
 *
 * @param prefix the shared start of every index name; tests use a fresh one to stay isolated
 */
public record IndexNames(String prefix) implements Serializable {

    public static final String DEFAULT_PREFIX = "spikewatch";

    /** Elasticsearch refuses index names longer than this many bytes. */
    static final int MAX_INDEX_NAME_BYTES = 255;

    static final int MAX_PREFIX_LENGTH = MAX_INDEX_NAME_BYTES - 1
            - Arrays.stream(IndexKind.values()).mapToInt(kind -> kind.suffix().length()).max().orElseThrow();

    private static final Pattern VALID_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public IndexNames {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("index prefix must not be empty");
        }
        if (!prefix.equals(prefix.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "index prefix '" + prefix + "' must be lowercase (Elasticsearch index names are)");
        }
        if (!VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("index prefix '" + prefix
                    + "' may only hold a-z, 0-9, '-', '_' and '.', and must start with a letter or digit");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("index prefix '" + prefix + "' is " + prefix.length()
                    + " characters; at most " + MAX_PREFIX_LENGTH + " keep every index name within "
                    + MAX_INDEX_NAME_BYTES + " bytes");
        }
    }

    /** The names with {@link #DEFAULT_PREFIX}. */
    public static IndexNames defaults() {
        return new IndexNames(DEFAULT_PREFIX);
    }

    public String posts() {
        return nameOf(IndexKind.POSTS);
    }

    public String statements() {
        return nameOf(IndexKind.STATEMENTS);
    }

    public String metrics() {
        return nameOf(IndexKind.METRICS);
    }

    public String deadLetters() {
        return nameOf(IndexKind.DEAD_LETTERS);
    }

    public String spikes() {
        return nameOf(IndexKind.SPIKES);
    }

    public String alerts() {
        return nameOf(IndexKind.ALERTS);
    }

    public String nameOf(IndexKind kind) {
        return prefix + "-" + kind.suffix();
    }

    /** All the names, in the order of {@link IndexKind}. */
    public List<String> all() {
        return Arrays.stream(IndexKind.values()).map(this::nameOf).toList();
    }
}
