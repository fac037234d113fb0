package io.spikewatch.analyst;

import io.spikewatch.spikes.Spike;

/**
 * A spike episode read from the spikes index, with the id it is stored under (which
 * {@code explain} takes).
 */
public record StoredSpike(String id, Spike spike) {}
