package io.spikewatch.spikes;

/**
 * A term, hashtag or entity and how over-represented it is in a spike against the baseline.
 *
 * @param count occurrences in the spike
 * @param baselineRate occurrences per bucket in the baseline (0 when absent)
 * @param lift how many times more frequent than in the baseline (smoothed, so never infinite)
 */
public record TermWeight(String term, long count, double baselineRate, double lift) {}
