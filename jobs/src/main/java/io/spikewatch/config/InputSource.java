package io.spikewatch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One input of the configuration file ({@code sources.posts} or {@code sources.statements}):
 * its files (absolute) or its Kafka topic, and the name of its record format, checked against
 * {@link io.spikewatch.formats.FormatAdapters#named}.
 *
 * @param name {@code posts} or {@code statements}
 * @param files the files to replay, empty when reading Kafka
 * @param topic the Kafka topic, or null when reading files
 * @param format the format's name as {@link io.spikewatch.formats.FormatAdapters} knows it
 */
public record InputSource(String name, List<Path> files, String topic, String format) {

    public static final String DEFAULT_FORMAT = "ndjson";

    public InputSource {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        Objects.requireNonNull(format, "format");
        if (files.isEmpty() == (topic == null)) {
            throw new IllegalArgumentException(name + ": give files or a topic, exactly one");
        }
    }
}
