package io.spikewatch.analyst;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads the time arguments of the analyst commands. An instant with an offset
 * ({@code 2024-08-13T00:18:00Z}, {@code 2024-08-12T20:18:00-04:00}) means what it says; a local
 * date-time ({@code 2024-08-12T20:18}, a space instead of {@code T} is fine) or a date (its
 * midnight) is read in the zone given with {@code --zone}.
 */
public final class TimeArguments {

    private TimeArguments() {}

    /** Parses the value of {@code option}; the error names the option, the value and what is accepted. */
    public static Instant parse(String option, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + ": a time is required");
        }
        String value = text.trim();
        String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // a local date-time or a date, read in the zone
        }
        try {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // maybe a date
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a time; give an ISO-8601 instant such as"
                    + " 2024-08-13T00:18:00Z or 2024-08-12T20:18:00-04:00, or a local date-time such as 2024-08-12T20:18"
                    + " (read in --zone)");
        }
    }

    /** Parses a zone id such as {@code UTC}, {@code America/New_York} or {@code -04:00}. */
    public static ZoneId zone(String option, String text) {
        try {
            return ZoneId.of(text == null ? "" : text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a time zone; give a region such as"
                    + " America/New_York, UTC, or an offset such as -04:00");
        }
    }

    /** The range between the values of {@code --from} and {@code --to}; both are required. */
    public static TimeRange range(String from, String to, ZoneId zone) {
        return new TimeRange(parse("--from", from, zone), parse("--to", to, zone));
    }
}
