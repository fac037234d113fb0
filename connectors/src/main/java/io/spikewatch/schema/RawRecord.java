package io.spikewatch.schema;

import java.util.Objects;

/**
 * One record as it arrived, before parsing.
 *
 * @param source where it came from (a file path, a topic)
 * @param location where in the source (a line number, a partition and offset)
 * @param text the raw text of the record
 * @param format the input format its source is in (a name {@code FormatAdapters.named} knows),
 *     {@link #NDJSON} for our own schema
 */
public record RawRecord(String source, String location, String text, String format) {

    /** The name of our own NDJSON schema as a format. */
    public static final String NDJSON = "ndjson";

    public RawRecord {
        Objects.requireNonNull(format, "format");
    }

    /** A record in our own NDJSON schema. */
    public RawRecord(String source, String location, String text) {
        this(source, location, text, NDJSON);
    }
}
