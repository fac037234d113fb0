package io.spikewatch.alerts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in the rules file: the short form {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}
 * (one whole number and one unit) or ISO-8601 ({@code PT10M}, {@code PT1H30M}).
 */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private DurationText() {}

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Duration parse(String text) {
        String trimmed = text.strip();
        Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 90s, 10m, 2h, 1d or PT10M but was '" + text + "'");
        }
    }

    /** The shortest short form that names {@code duration} exactly ({@code 10m}), or ISO-8601 when none does. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (duration.getNano() != 0 || seconds <= 0) {
            return duration.toString();
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
