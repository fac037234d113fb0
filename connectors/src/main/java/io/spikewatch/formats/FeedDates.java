package io.spikewatch.formats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dates of feeds: RFC 822 as RSS 2.0 requires for {@code pubDate} (with or without the
 * day name and seconds, four-digit years, a numeric offset or one of RFC 822's zone names
 * {@code UT}, {@code GMT}, {@code Z}, {@code EST}, {@code EDT}, {@code CST}, {@code CDT},
 * {@code MST}, {@code MDT}, {@code PST}, {@code PDT}), and RFC 3339 as Atom (RFC 4287 section 3.3)
 * requires.
 */
final class FeedDates {

    private static final Map<String, String> RFC_822_ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

    private FeedDates() {}

    /** An RFC 822 date-time, or empty when it is not one. */
    static Optional<Instant> rfc822(String value) {
        String text = value.strip().replaceAll("\\s+", " ");
        int lastSpace = text.lastIndexOf(' ');
        if (lastSpace > 0) {
            String zone = RFC_822_ZONES.get(text.substring(lastSpace + 1));
            if (zone != null) {
                text = text.substring(0, lastSpace + 1) + zone;
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An RFC 3339 date-time, or empty when it is not one. */
    static Optional<Instant> rfc3339(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
