package io.spikewatch.metrics;

import java.time.Instant;

/**
 * Volume and sentiment of one series over one event-time minute, as indexed in the metrics
 * index. Its {@link #id()} is deterministic, so a late record that updates the minute, or a
 * replay, overwrites the same document.
 *
 * @param sentimentMean mean score of the annotated posts, or null when none was annotated
 * @param sentimentScored how many posts had a sentiment
 */
public record MinuteMetrics(
        String scope,
        String entity,
        Instant minute,
        Instant windowEnd,
        long count,
        Double sentimentMean,
        long sentimentScored,
        long negative,
        long neutral,
        long positive,
        long uniqueAuthors) {

    public String id() {
        return (entity == null ? scope : scope + ":" + entity) + "@" + minute;
    }
}
