package io.spikewatch.alerts;

/**
 * The names of the series spikes are detected in: {@code all}, {@code entity:NAME},
 * {@code query:NAME} (NAME is the rule's name) and {@code platform:NAME}.
 */
public final class SeriesKeys {

    public static final String ALL = "all";
    public static final String ENTITY_PREFIX = "entity:";
    public static final String QUERY_PREFIX = "query:";
    public static final String PLATFORM_PREFIX = "platform:";

    private SeriesKeys() {}

    public static String entity(String canonicalName) {
        return ENTITY_PREFIX + canonicalName;
    }

    public static String query(String ruleName) {
        return QUERY_PREFIX + ruleName;
    }

    public static String platform(String platform) {
        return PLATFORM_PREFIX + platform;
    }

    /** How a person reads the series: "all posts", "Donald Trump", "query ddos-claims", "platform x". */
    public static String displayName(String seriesKey) {
        if (ALL.equals(seriesKey)) {
            return "all posts";
        }
        if (seriesKey.startsWith(ENTITY_PREFIX)) {
            return seriesKey.substring(ENTITY_PREFIX.length());
        }
        if (seriesKey.startsWith(QUERY_PREFIX)) {
            return "query " + seriesKey.substring(QUERY_PREFIX.length());
        }
        if (seriesKey.startsWith(PLATFORM_PREFIX)) {
            return "platform " + seriesKey.substring(PLATFORM_PREFIX.length());
        }
        return seriesKey;
    }
}
