package io.spikewatch.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words for what a YAML file held, for configuration errors a person can act on: {@code rules[2]
 * (platform-outage): key 'type': expected one of ... but was the string 'spkie'}. Shared by every
 * parser of a YAML file we read (tracked entities, alert rules), so their messages read alike.
 */
public final class YamlValues {

    private YamlValues() {}

    /** "nothing", "a mapping", "a list", "the string 'x'", or "the integer 3" (and so on). */
    public static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "the string '" + value + "'";
        }
        return "the " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
    }

    /** An item of a top-level list, by index and, once known, by name: {@code rules[2] (platform-outage)}. */
    public static String item(String listKey, int index, String name) {
        return listKey + "[" + index + "]" + (name == null ? "" : " (" + name + ")");
    }
}
