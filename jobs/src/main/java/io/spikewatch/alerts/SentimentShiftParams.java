package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;

/**
 * Params of a {@code sentiment_shift} rule.
 *
 * @param minNegativeShare share of negative posts among the annotated ones, in [0, 1] ({@code min_negative_share})
 * @param minPosts annotated posts needed before the share means anything ({@code min_posts})
 */
public record SentimentShiftParams(double minNegativeShare, long minPosts) implements RuleParams {

    public static final String KEY_MIN_NEGATIVE_SHARE = "min_negative_share";
    public static final String KEY_MIN_POSTS = "min_posts";
    public static final double DEFAULT_MIN_NEGATIVE_SHARE = 0.5;
    public static final long DEFAULT_MIN_POSTS = 30;
    public static final SentimentShiftParams DEFAULTS =
            new SentimentShiftParams(DEFAULT_MIN_NEGATIVE_SHARE, DEFAULT_MIN_POSTS);

    @Override
    public boolean accepts(Spike spike) {
        if (spike.explanation() == null || spike.explanation().sentiment() == null) {
            return false;
        }
        var sentiment = spike.explanation().sentiment();
        return sentiment.annotated() >= minPosts && sentiment.negativeShare() >= minNegativeShare;
    }
}
