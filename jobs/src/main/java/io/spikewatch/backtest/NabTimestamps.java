package io.spikewatch.backtest;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The timestamps of the Numenta Anomaly Benchmark: {@code 2015-02-26 21:42:53} in the series and
 * result files, {@code 2015-03-03 04:37:53.000000} in {@code windows.json}. They carry no zone; the
 * backtest reads them as UTC.
 */
public final class NabTimestamps {

    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter WRITER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NabTimestamps() {}

    /** Parses either form; the message of the exception says what was expected. */
    public static LocalDateTime parse(String text) {
        try {
            return LocalDateTime.parse(text.trim(), PARSER);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a timestamp like 2015-02-26 21:42:53", e);
        }
    }

    /** The series form, without fraction. */
    public static String format(LocalDateTime timestamp) {
        return WRITER.format(timestamp);
    }
}
