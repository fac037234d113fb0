package io.spikewatch.analyst;

/**
 * A spike as {@code explain} shows it: the stored episode with the explanation the detector
 * recorded, and the live significant terms when they were asked for or the stored ones are thin.
 *
 * @param live null when not computed
 */
public record ExplainedSpike(StoredSpike stored, LiveTerms live) {}
