package io.spikewatch.analyst;

import java.time.Instant;

/**
 * One interval of a trend.
 *
 * @param posts posts in the interval (for an entity or all posts: the annotated posts the metrics count)
 * @param meanSentiment mean sentiment score in [-1, 1] of the annotated posts, null when none
 * @param uniqueAuthors distinct authors; exact per minute, Elasticsearch's cardinality estimate
 *     (exact below {@value TrendsQuery#CARDINALITY_PRECISION} authors) for longer intervals and queries
 */
public record TrendRow(Instant start, long posts, long negative, long neutral, long positive, Double meanSentiment, long uniqueAuthors) {}
