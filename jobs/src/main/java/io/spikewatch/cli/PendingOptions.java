package io.spikewatch.cli;

import io.spikewatch.monitor.MonitorSettings;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Whether posts are indexed as pending ahead of annotation; shared by {@code run}, {@code demo} and {@code bench alerts}. */
public class PendingOptions {

    static final String ON = "on";
    static final String OFF = "off";

    @Option(names = "--index-pending", paramLabel = "on|off", defaultValue = MonitorSettings.DEFAULT_INDEX_PENDING ? ON : OFF,
            description = "Index every post as soon as it is read, as annotation.status pending, and replace it when annotated,"
                    + " so the posts index never waits for CoreNLP (default: ${DEFAULT-VALUE}).")
    String indexPending = MonitorSettings.DEFAULT_INDEX_PENDING ? ON : OFF;

    /** The option's value: {@code on} or {@code off} in any case; anything else is refused naming the option and the value. */
    boolean indexPending() {
        return switch (indexPending.trim().toLowerCase(Locale.ROOT)) {
            case ON -> true;
            case OFF -> false;
            default -> throw new IllegalArgumentException("--index-pending: expected on or off but was '" + indexPending + "'");
        };
    }
}
