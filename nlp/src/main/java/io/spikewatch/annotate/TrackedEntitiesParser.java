package io.spikewatch.annotate;

import io.spikewatch.yaml.YamlValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the tracked-entities YAML format described on {@link TrackedEntities} and checks every
 * entry, so a mistake is reported once, at load time, with the file, entity and key it is in.
 */
final class TrackedEntitiesParser {

    static final String KEY_ENTITIES = "entities";
    static final String KEY_NAME = "name";
    static final String KEY_TYPE = "type";
    static final String KEY_ALIASES = "aliases";
    static final String KEY_CASE_SENSITIVE = "case_sensitive";
    static final String KEY_HANDLES = "handles";
    static final String KEY_HASHTAGS = "hashtags";

    private static final Set<String> ENTITY_KEYS =
            Set.of(KEY_NAME, KEY_TYPE, KEY_ALIASES, KEY_CASE_SENSITIVE, KEY_HANDLES, KEY_HASHTAGS);

    /** An @ followed by letters, digits, '_', '.' or '-' (X, Bluesky and Mastodon-style names). */
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}_.\\-]+");
    /** A # followed by letters, digits or '_'. */
    private static final Pattern HASHTAG = Pattern.compile("#[\\p{L}\\p{N}_]+");

    private final String source;

    TrackedEntitiesParser(String source) {
        this.source = source;
    }

    List<TrackedEntity> parse(String yamlText) {
        Object root = load(yamlText);
        if (root == null) {
            throw error("the file is empty; expected a mapping with the key '" + KEY_ENTITIES + "'");
        }
        if (!(root instanceof Map<?, ?> rootMap)) {
            throw error("expected a mapping with the key '" + KEY_ENTITIES + "' at the top, found " + describe(root));
        }
        for (Object key : rootMap.keySet()) {
            if (!KEY_ENTITIES.equals(key)) {
                throw error("unknown top-level key '" + key + "'; the only key is '" + KEY_ENTITIES + "'");
            }
        }
        Object list = rootMap.get(KEY_ENTITIES);
        if (!(list instanceof List<?> entries)) {
            throw error("key '" + KEY_ENTITIES + "': expected a list of entities, found " + describe(list));
        }
        List<TrackedEntity> entities = new ArrayList<>();
        Map<String, String> nameOwners = new LinkedHashMap<>();
        Map<String, String> needleOwners = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            TrackedEntity entity = parseEntity(i, entries.get(i));
            String where = where(i, entity.name());
            String previous = nameOwners.putIfAbsent(entity.name().toLowerCase(Locale.ROOT), where);
            if (previous != null) {
                throw error(where + ": key '" + KEY_NAME + "': the name is already used by " + previous);
            }
            claimNeedles(where, entity, needleOwners);
            entities.add(entity);
        }
        return entities;
    }

    private Object load(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (YAMLException e) {
            throw new InvalidTrackedEntitiesException(source + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private TrackedEntity parseEntity(int index, Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw error(where(index, null) + ": expected a mapping with 'name' and 'type', found " + describe(entry));
        }
        Object rawName = map.get(KEY_NAME);
        if (!(rawName instanceof String name) || name.isBlank()) {
            throw error(where(index, null) + ": key '" + KEY_NAME + "': expected a non-empty string, found "
                    + describe(rawName));
        }
        name = name.strip();
        String where = where(index, name);
        for (Object key : map.keySet()) {
            if (!ENTITY_KEYS.contains(key)) {
                throw error(where + ": unknown key '" + key + "'; allowed keys are " + new java.util.TreeSet<>(ENTITY_KEYS));
            }
        }
        Object rawType = map.get(KEY_TYPE);
        if (!(rawType instanceof String typeText)) {
            throw error(where + ": key '" + KEY_TYPE + "': expected one of PERSON, ORGANIZATION, LOCATION, MISC, found "
                    + describe(rawType));
        }
        EntityType type;
        try {
            type = EntityType.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw error(where + ": key '" + KEY_TYPE + "': " + e.getMessage());
        }
        List<String> aliases = strings(where, KEY_ALIASES, map.get(KEY_ALIASES), null);
        List<String> caseSensitive = strings(where, KEY_CASE_SENSITIVE, map.get(KEY_CASE_SENSITIVE), null);
        List<String> handles = strings(where, KEY_HANDLES, map.get(KEY_HANDLES), HANDLE);
        List<String> hashtags = strings(where, KEY_HASHTAGS, map.get(KEY_HASHTAGS), HASHTAG);
        if (aliases.isEmpty() && caseSensitive.isEmpty() && handles.isEmpty() && hashtags.isEmpty()) {
            throw error(where + ": nothing to match; give at least one of '" + KEY_ALIASES + "', '"
                    + KEY_CASE_SENSITIVE + "', '" + KEY_HANDLES + "', '" + KEY_HASHTAGS + "'");
        }
        return new TrackedEntity(name, type, aliases, caseSensitive, handles, hashtags);
    }

    private List<String> strings(String where, String key, Object value, Pattern shape) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(where + ": key '" + key + "': expected a list of strings, found " + describe(value));
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String text) || text.isBlank()) {
                throw error(where + ": key '" + key + "' item " + i + ": expected a non-empty string, found "
                        + describe(item) + (item instanceof Number ? " (quote it)" : ""));
            }
            text = text.strip();
            if (shape != null && !shape.matcher(text).matches()) {
                throw error(where + ": key '" + key + "' item " + i + ": '" + text + "' is not a "
                        + (shape == HANDLE ? "handle: expected '@' followed by letters, digits, '_', '.' or '-'"
                                : "hashtag: expected '#' followed by letters, digits or '_'"));
            }
            result.add(text);
        }
        return List.copyOf(result);
    }

    /** Every alias, handle and hashtag must name exactly one entity, or matches would be arbitrary. */
    private void claimNeedles(String where, TrackedEntity entity, Map<String, String> owners) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String alias : entity.aliases()) {
            keys.put(alias.toLowerCase(Locale.ROOT), KEY_ALIASES + " '" + alias + "'");
        }
        for (String alias : entity.caseSensitiveAliases()) {
            keys.put(alias.toLowerCase(Locale.ROOT), KEY_CASE_SENSITIVE + " '" + alias + "'");
        }
        for (String handle : entity.handles()) {
            keys.put(handle.toLowerCase(Locale.ROOT), KEY_HANDLES + " '" + handle + "'");
        }
        for (String hashtag : entity.hashtags()) {
            keys.put(hashtag.toLowerCase(Locale.ROOT), KEY_HASHTAGS + " '" + hashtag + "'");
        }
        for (Map.Entry<String, String> key : keys.entrySet()) {
            String previous = owners.putIfAbsent(key.getKey(), where);
            if (previous != null && !previous.equals(where)) {
                throw error(where + ": key " + key.getValue() + ": already names " + previous
                        + "; an alias, handle or hashtag may name only one entity");
            }
        }
    }

    private static String where(int index, String name) {
        return YamlValues.item(KEY_ENTITIES, index, name);
    }

    private static String describe(Object value) {
        return YamlValues.describe(value);
    }

    private InvalidTrackedEntitiesException error(String message) {
        return new InvalidTrackedEntitiesException(source + ": " + message);
    }
}
