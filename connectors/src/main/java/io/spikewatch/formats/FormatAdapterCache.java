package io.spikewatch.formats;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * One adapter per format name, opened on first use: what a reader or an operator keeps to map the
 * records it sees, each marked with its format. Each refuses documents dated in the future of the
 * machine's clock ({@link NotAheadOfClock}). Not thread-safe; one per task.
 */
public final class FormatAdapterCache {

    private final Map<String, FormatAdapter> byFormat = new HashMap<>();
    private final Clock clock;

    public FormatAdapterCache() {
        this(Clock.systemUTC());
    }

    /** With the clock that says what "in the future" is (for tests). */
    public FormatAdapterCache(Clock clock) {
        this.clock = clock;
    }

    /** The adapter of {@code format} (a name {@link FormatAdapters#named} knows). */
    public FormatAdapter of(String format) {
        return byFormat.computeIfAbsent(format, name -> new NotAheadOfClock(FormatAdapters.named(name), clock));
    }
}
