package io.spikewatch.formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The input formats by name, for options such as {@code --format}: {@code ndjson} (our schema),
 * {@code x-api-v2}, {@code bluesky-jetstream}, {@code mastodon} and {@code press-feed} (its
 * statements attributed to the feed's title; construct {@link PressFeedAdapter} with a name to
 * attribute them to an organization).
 */
public final class FormatAdapters {

    private static final Map<String, Supplier<FormatAdapter>> ADAPTERS = new LinkedHashMap<>();

    static {
        ADAPTERS.put(NdjsonAdapter.NAME, NdjsonAdapter::new);
        ADAPTERS.put(XApiV2Adapter.NAME, XApiV2Adapter::new);
        ADAPTERS.put(BlueskyJetstreamAdapter.NAME, BlueskyJetstreamAdapter::new);
        ADAPTERS.put(MastodonStatusAdapter.NAME, MastodonStatusAdapter::new);
        ADAPTERS.put(PressFeedAdapter.NAME, PressFeedAdapter::new);
    }

    private FormatAdapters() {}

    /**
     * A new adapter for the format (a new one each call, so skip counts are not shared), matched
     * without regard to case or surrounding spaces.
     *
     * @throws IllegalArgumentException naming the known formats when the name is not one
     */
    public static FormatAdapter named(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Supplier<FormatAdapter> adapter = ADAPTERS.get(key);
        if (adapter == null) {
            throw new IllegalArgumentException(
                    "unknown input format '" + name + "' (known formats: " + String.join(", ", names()) + ")");
        }
        return adapter.get();
    }

    /** The known format names, in the order they are documented. */
    public static List<String> names() {
        return List.copyOf(ADAPTERS.keySet());
    }
}
