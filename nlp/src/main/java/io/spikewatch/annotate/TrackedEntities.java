package io.spikewatch.annotate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entities a deployment follows, and the matcher that finds them in text.
 *
 * <h2>File format</h2>
 * A YAML mapping with one key, {@code entities}, holding a list; each entry has:
 * <pre>{@code
 * entities:
 *   - name: X (platform)          # canonical name, unique (ignoring case); required
 *     type: ORGANIZATION          # PERSON | ORGANIZATION | LOCATION | MISC; required
 *     aliases: [Twitter, "𝕏", X.com, X Spaces]   # matched ignoring case
 *     case_sensitive: [X]         # matched only as written
 *     handles: ["@X"]             # '@' + letters, digits, '_', '.', '-'; ignoring case
 *     hashtags: ["#TwitterBlackout"]              # '#' + letters, digits, '_'; ignoring case
 * }</pre>
 * At least one of the four lists must be non-empty. The canonical name is not matched unless it
 * is also listed. Each alias, handle and hashtag may belong to one entity only. Unknown keys,
 * wrong types, malformed handles or hashtags and duplicate names are rejected with an
 * {@link InvalidTrackedEntitiesException} naming the file, the entity (index and name) and the key.
 *
 * <h2>Matching</h2>
 * <ul>
 *   <li>Aliases, handles and hashtags match ignoring case, except {@code case_sensitive} aliases.
 *   <li>A match must stand on word boundaries: the code points just before and just after it must
 *       not be letters, digits, combining marks or '_' (Unicode-aware, so "X" matches in
 *       "X is down" and "X's", and "𝕏" matches on its own, but "X" does not match inside "Xbox"
 *       or "SpaceX", nor "@elonmusk" inside "@elonmusk_fan").
 *   <li>An alias does not match right after '@': "@musk" is some other account unless listed as a
 *       handle. It does match after '#', so "#Trump" is a mention of the alias "Trump".
 *   <li>Where matches overlap, the longest wins ("Trump campaign" over "Trump"); between equally
 *       long ones, the earliest.
 *   <li>Offsets are UTF-16 code units into the given text.
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class TrackedEntities {

    private static final TrackedEntities EMPTY = new TrackedEntities(List.of());

    private static final Comparator<TrackedMatch> LONGEST_FIRST = Comparator
            .comparingInt(TrackedMatch::length).reversed()
            .thenComparingInt(TrackedMatch::start);

    private final List<TrackedEntity> entities;
    private final Map<String, TrackedEntity> byName;
    /** Needles grouped by the case-folded first UTF-16 unit, so each text position tries only a few. */
    private final Map<Character, List<Needle>> needlesByFirstChar;

    private TrackedEntities(List<TrackedEntity> entities) {
        this.entities = List.copyOf(entities);
        Map<String, TrackedEntity> names = new LinkedHashMap<>();
        Map<Character, List<Needle>> needles = new HashMap<>();
        for (TrackedEntity entity : entities) {
            names.put(entity.name(), entity);
            for (String alias : entity.aliases()) {
                add(needles, new Needle(alias, false, true, entity));
            }
            for (String alias : entity.caseSensitiveAliases()) {
                add(needles, new Needle(alias, true, true, entity));
            }
            for (String handle : entity.handles()) {
                add(needles, new Needle(handle, false, false, entity));
            }
            for (String hashtag : entity.hashtags()) {
                add(needles, new Needle(hashtag, false, false, entity));
            }
        }
        this.byName = Map.copyOf(names);
        this.needlesByFirstChar = Map.copyOf(needles);
    }

    /** No tracked entities: {@link #match} finds nothing. */
    public static TrackedEntities empty() {
        return EMPTY;
    }

    /**
     * Reads a tracked-entities file (UTF-8).
     *
     * @throws InvalidTrackedEntitiesException when the file cannot be read or has an error; the
     *     message starts with the file name
     */
    public static TrackedEntities load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidTrackedEntitiesException(file + ": cannot read the tracked-entities file: " + e, e);
        }
        return fromYaml(text, file.toString());
    }

    /**
     * Parses tracked entities from YAML text, for configurations shipped inside a job.
     *
     * @param source what to call the text in error messages, such as the file it came from
     * @throws InvalidTrackedEntitiesException when the text has an error; the message starts with {@code source}
     */
    public static TrackedEntities fromYaml(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return new TrackedEntities(new TrackedEntitiesParser(source).parse(yaml));
    }

    /** The entities, in file order. */
    public List<TrackedEntity> entities() {
        return entities;
    }

    /** The entity with this canonical name, if tracked. */
    public Optional<TrackedEntity> byName(String canonicalName) {
        return Optional.ofNullable(byName.get(canonicalName));
    }

    /** True when nothing is tracked. */
    public boolean isEmpty() {
        return entities.isEmpty();
    }

    /**
     * Finds every non-overlapping mention of a tracked entity, longest first where they
     * compete, returned in text order.
     */
    public List<TrackedMatch> match(String text) {
        Objects.requireNonNull(text, "text");
        if (needlesByFirstChar.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        List<TrackedMatch> candidates = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            List<Needle> needles = needlesByFirstChar.get(fold(text.charAt(i)));
            if (needles == null) {
                continue;
            }
            for (Needle needle : needles) {
                if (needle.matchesAt(text, i)) {
                    candidates.add(new TrackedMatch(needle.entity.name(), needle.entity.type(), i, i + needle.text.length()));
                }
            }
        }
        return longestNonOverlapping(candidates);
    }

    /** The canonical names of the tracked entities the text names, each once, in text order. */
    public Set<String> namedIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (TrackedMatch match : match(text)) {
            names.add(match.canonical());
        }
        return names;
    }

    private static List<TrackedMatch> longestNonOverlapping(List<TrackedMatch> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        candidates.sort(LONGEST_FIRST);
        List<TrackedMatch> chosen = new ArrayList<>();
        for (TrackedMatch candidate : candidates) {
            boolean free = true;
            for (TrackedMatch taken : chosen) {
                if (taken.overlaps(candidate.start(), candidate.end())) {
                    free = false;
                    break;
                }
            }
            if (free) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(TrackedMatch::start));
        return chosen;
    }

    private static void add(Map<Character, List<Needle>> needles, Needle needle) {
        needles.computeIfAbsent(fold(needle.text.charAt(0)), k -> new ArrayList<>()).add(needle);
    }

    /** The same folding {@link String#regionMatches(boolean, int, String, int, int)} applies per char. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** True when the code point is part of a word, so a match may not start or end next to it. */
    static boolean isWordCodePoint(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** One string to look for, and the rules it is matched with. */
    private record Needle(String text, boolean caseSensitive, boolean plainAlias, TrackedEntity entity) {

        boolean matchesAt(String haystack, int start) {
            int end = start + text.length();
            if (end > haystack.length() || !haystack.regionMatches(!caseSensitive, start, text, 0, text.length())) {
                return false;
            }
            if (start > 0) {
                int before = haystack.codePointBefore(start);
                if (isWordCodePoint(before) || (plainAlias && before == '@')) {
                    return false;
                }
            }
            return end == haystack.length() || !isWordCodePoint(haystack.codePointAt(end));
        }
    }
}
