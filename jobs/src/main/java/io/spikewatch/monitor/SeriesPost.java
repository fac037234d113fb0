package io.spikewatch.monitor;

import io.spikewatch.schema.Post;

/** A post as counted in one series ({@code all}, {@code entity:NAME}, {@code platform:NAME}, {@code query:RULE}). */
public record SeriesPost(String seriesKey, Post post) {}
