package io.spikewatch.metrics;

import io.spikewatch.spikes.TopPost;

/**
 * A negative post as a sentiment shift's explanation needs it: how it would be shown as a top post
 * (under its original's id, see {@code BucketStats.shown}) and whether it is a repost of that
 * original. Its words are read from {@code shown.text()}.
 */
public record NegativePost(TopPost shown, boolean repost) {}
