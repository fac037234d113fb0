package io.spikewatch.analyst;

/**
 * A word or entity name Elasticsearch found significant in a spike's posts against the baseline.
 *
 * @param spikePosts posts of the spike window that contain it
 * @param baselinePosts posts of the baseline window (before the spike) that contain it
 * @param score Elasticsearch's significance score (JLH: how much more frequent, weighted by how much)
 */
public record LiveTerm(String term, long spikePosts, long baselinePosts, double score) {}
