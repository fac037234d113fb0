package io.spikewatch.formats;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which input format each source of a run is in: a format per source (a file as the replay names
 * it, a topic as {@code KafkaRecordLocation.source} names it) and one for every other source.
 * Serializable, so a source carries it to the task managers; the source marks each record with its
 * format ({@code RawRecord#format}), which is all the steps after it need.
 *
 * <p>Every name is checked against {@link FormatAdapters} when it is added, so a wrong format fails
 * the run at start-up, naming the source.
 */
public final class SourceFormats implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String defaultFormat;
    private final Map<String, String> bySource;

    private SourceFormats(String defaultFormat, Map<String, String> bySource) {
        this.defaultFormat = defaultFormat;
        this.bySource = Map.copyOf(bySource);
    }

    /** Every source in our own NDJSON schema. */
    public static SourceFormats ndjson() {
        return new SourceFormats(NdjsonAdapter.NAME, Map.of());
    }

    /** Every source in {@code format}, unless given one of its own with {@link #with}. */
    public static SourceFormats allIn(String format) {
        return new SourceFormats(checked("input format", format), Map.of());
    }

    /** A copy in which {@code source} is in {@code format}. */
    public SourceFormats with(String source, String format) {
        Objects.requireNonNull(source, "source");
        Map<String, String> copy = new LinkedHashMap<>(bySource);
        copy.put(source, checked("input format of " + source, format));
        return new SourceFormats(defaultFormat, copy);
    }

    /** The format name of {@code source}. */
    public String formatOf(String source) {
        return bySource.getOrDefault(source, defaultFormat);
    }

    private static String checked(String what, String format) {
        try {
            return FormatAdapters.named(format).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFormats that && defaultFormat.equals(that.defaultFormat) && bySource.equals(that.bySource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultFormat, bySource);
    }

    @Override
    public String toString() {
        return bySource.isEmpty() ? defaultFormat : defaultFormat + " " + bySource;
    }
}
