package io.spikewatch.monitor;

import io.spikewatch.schema.Post;

/**
 * A post as counted in one series ({@code all}, {@code entity:NAME}, {@code platform:NAME},
 * {@code query:RULE}), or, with no post, the mark that the stream (re)starts at this record's time
 * and the series should start counting.
 */
public record SeriesPost(String seriesKey, Post post) {

    public static SeriesPost streamStart(String seriesKey) {
        return new SeriesPost(seriesKey, null);
    }

    public boolean isStreamStart() {
        return post == null;
    }
}
