package io.spikewatch.analyst;

import java.util.List;

/**
 * The live significant-terms query of {@code explain} over a spike's posts.
 *
 * @param window the spike's posts: from its start to its end (or one minute past its peak while it lasts)
 * @param baseline the posts before it, the background
 * @param unavailable why there are no live terms (a query series, no posts), or null
 */
public record LiveTerms(TimeRange window, TimeRange baseline, long spikePosts, long baselinePosts, List<LiveTerm> words,
        List<LiveTerm> entities, String unavailable) {

    public LiveTerms {
        words = List.copyOf(words);
        entities = List.copyOf(entities);
    }

    static LiveTerms unavailable(TimeRange window, TimeRange baseline, String why) {
        return new LiveTerms(window, baseline, 0, 0, List.of(), List.of(), why);
    }
}
