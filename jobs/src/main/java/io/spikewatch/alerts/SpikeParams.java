package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;

/**
 * Params of a {@code spike} rule.
 *
 * @param minPosts the spike must hold at least this many posts ({@code min_posts}), so a jump
 *     from 0.1 to 3 posts a minute on a quiet series stays quiet
 */
public record SpikeParams(long minPosts) implements RuleParams {

    public static final String KEY_MIN_POSTS = "min_posts";
    public static final long DEFAULT_MIN_POSTS = 10;
    public static final SpikeParams DEFAULTS = new SpikeParams(DEFAULT_MIN_POSTS);

    @Override
    public boolean accepts(Spike spike) {
        return RuleParams.observed(spike) >= minPosts;
    }
}
