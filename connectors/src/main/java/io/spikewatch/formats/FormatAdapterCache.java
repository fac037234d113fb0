package io.spikewatch.formats;

import java.util.HashMap;
import java.util.Map;

/**
 * One adapter per format name, opened on first use: what a reader or an operator keeps to map the
 * records it sees, each marked with its format. Not thread-safe; one per task.
 */
public final class FormatAdapterCache {

    private final Map<String, FormatAdapter> byFormat = new HashMap<>();

    /** The adapter of {@code format} (a name {@link FormatAdapters#named} knows). */
    public FormatAdapter of(String format) {
        return byFormat.computeIfAbsent(format, FormatAdapters::named);
    }
}
