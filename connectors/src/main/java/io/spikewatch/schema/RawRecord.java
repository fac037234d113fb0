package io.spikewatch.schema;

/**
 * One record as it arrived, before parsing.
 *
 * @param source where it came from (a file path, a topic)
 * @param location where in the source (a line number, a partition and offset)
 * @param text the raw text of the record
 */
public record RawRecord(String source, String location, String text) {}
