package io.spikewatch.schema;

/**
 * Who wrote a post. Only {@code id} is required; the rest is whatever the platform tells us.
 *
 * @param followers follower count at the time the post was collected, or null when unknown
 */
public record Author(String id, String handle, String name, Long followers) {}
