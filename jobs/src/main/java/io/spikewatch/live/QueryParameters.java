package io.spikewatch.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of one request to an endpoint that accepts exactly {@code allowed} parameters:
 * an unknown or repeated parameter, or one that is not valid UTF-8 percent-encoding, is refused
 * with a {@link BadRequestException} naming it, so a mistyped request never silently shows
 * something else.
 */
public final class QueryParameters {

    /** A query string longer than this is refused before it is read. */
    public static final int MAX_QUERY_LENGTH = 2048;

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code rawQuery} (still percent-encoded; null for none). */
    public static QueryParameters parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(values);
        }
        if (rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException("the query string is " + rawQuery.length() + " characters; at most "
                    + MAX_QUERY_LENGTH + " are read");
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw new BadRequestException("unknown parameter '" + Strings.clip(name) + "'; this endpoint takes "
                        + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new BadRequestException("parameter '" + name + "' is given more than once");
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        try {
            String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') >= 0) {
                throw new IllegalArgumentException("not UTF-8");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("the query string has a malformed escape or non-UTF-8 bytes near '"
                    + Strings.clip(text) + "'");
        }
    }

    /** The value of {@code name}, or null when absent. */
    public String get(String name) {
        return values.get(name);
    }

    /** The window of {@code from} and {@code to}, both required. */
    public TimeRange timeRange() {
        return TimeRange.parse(get("from"), get("to"));
    }

    /** The checked entity name of {@code name}, or null when the parameter is absent. */
    public String optionalEntity(String name) {
        String value = get(name);
        return value == null ? null : EntityName.check(name, value);
    }

    /** The spike id of {@code name}, required. */
    public SpikeId spikeId(String name) {
        return SpikeId.parse(name, get(name));
    }

    Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
