package io.spikewatch.spikes;

import java.util.List;

/**
 * Why a spike happened, in terms a comms team can act on: what is over-represented against the
 * baseline, which posts carried it, how people feel, and the numbers against the expectation.
 *
 * @param observed posts in the spike so far
 * @param expected posts the baseline expected over the same buckets
 */
public record SpikeExplanation(
        long observed,
        double expected,
        long uniqueAuthors,
        SentimentBreakdown sentiment,
        List<TermWeight> terms,
        List<TermWeight> hashtags,
        List<TermWeight> entities,
        List<TopPost> topPosts) {

    public SpikeExplanation {
        terms = List.copyOf(terms);
        hashtags = List.copyOf(hashtags);
        entities = List.copyOf(entities);
        topPosts = List.copyOf(topPosts);
    }
}
