package io.spikewatch.config;

import io.spikewatch.alerts.DurationText;
import io.spikewatch.yaml.YamlValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a parsed YAML configuration with its key path ({@code elasticsearch.auth}), so
 * every reader names the full key in its error. Unknown keys are refused when the mapping is
 * opened. Values are described in errors (YAML's types), except where a caller reads a secret,
 * which has its own reader.
 */
final class ConfigMap {

    private final String path;
    private final Map<?, ?> map;

    private ConfigMap(String path, Map<?, ?> map) {
        this.path = path;
        this.map = map;
    }

    /** The mapping {@code node} found at {@code path}, whose keys must all be in {@code allowed}. */
    static ConfigMap of(String path, Object node, Set<String> allowed) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where(path) + "expected a mapping with any of "
                    + String.join(", ", new TreeSet<>(allowed)) + ", found " + YamlValues.describe(node));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !allowed.contains(name)) {
                throw new IllegalArgumentException(where(key(path, String.valueOf(key))) + "unknown key; allowed here are "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new ConfigMap(path, map);
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The full key path of {@code key} in this mapping. */
    String path(String key) {
        return key(path, key);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    IllegalArgumentException error(String key, String reason) {
        return new IllegalArgumentException(path(key) + ": " + reason);
    }

    ConfigMap child(String key, Set<String> allowed) {
        return of(path(key), map.get(key), allowed);
    }

    String string(String key) {
        Object value = map.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw error(key, "expected a non-empty string, found " + YamlValues.describe(value));
        }
        return text.strip();
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /** A list of non-empty strings; a single string counts as a list of one. */
    List<String> strings(String key) {
        Object value = map.get(key);
        if (value instanceof String single && !single.isBlank()) {
            return List.of(single.strip());
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw error(key, "expected a non-empty list of strings, found " + YamlValues.describe(value));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(path(key) + "[" + i + "]: expected a non-empty string, found "
                        + YamlValues.describe(list.get(i)));
            }
            result.add(text.strip());
        }
        return result;
    }

    int integer(String key, int fallback, int min) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number) || number < min) {
            throw error(key, "expected a whole number of at least " + min + ", found " + YamlValues.describe(value));
        }
        return number;
    }

    boolean bool(String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw error(key, "expected true or false, found " + YamlValues.describe(value));
        }
        return b;
    }

    /** A duration: {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT2M}). */
    Duration duration(String key, Duration fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw error(key, "expected a duration with its unit (90s, 10m, 2h, 1d or PT10M), found " + YamlValues.describe(value));
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }
}
