package io.spikewatch.analyst;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/** How an analyst command prints: aligned columns for a person, or CSV or JSON for a program. */
public enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    /** Parses {@code table}, {@code csv} or {@code json} (any case) given to {@code option}. */
    public static OutputFormat parse(String option, String text) {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not a format; use one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The writer for this format; times are shown in {@code zone}. */
    public ReportWriter writer(ZoneId zone) {
        return switch (this) {
            case TABLE -> new TableWriter(zone);
            case CSV -> new CsvWriter(zone);
            case JSON -> new JsonWriter(zone);
        };
    }
}
