package io.spikewatch.explain;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds entities, hashtags and phrases that were absent from a series' baseline and are suddenly
 * frequent: a name nobody used an hour ago (the EU commissioner after his letter), a new hashtag.
 *
 * <p>A key is a candidate when it appears while its decayed baseline count is below
 * {@link #ABSENT}; its posts are then counted for {@link #WINDOW}. A candidate seen in at least
 * {@link #MIN_POSTS} posts joins the {@link SpikeKind#EMERGING} episode of the series (a new one
 * unless one started less than {@link #WINDOW} ago), whose explanation lists the episode's keys
 * with their posts and their lift against the (smoothed) baseline. The episode is reported again
 * each minute a key joins it or one of its keys is counted in more posts, so a rule that asks for
 * more posts than {@link #MIN_POSTS} sees the key when it gets there, and a second name that
 * emerges with the first (the commissioner and the EU) is named in the same episode. A key does
 * not join an episode again for {@link #REPORT_AGAIN_AFTER}. Its top posts are the bucket's posts
 * that say the emerging terms or hashtags first, as a spike's are ({@link SpikeExplainer}), not
 * whatever else was reposted most in that minute.
 */
public final class EmergingTerms {

    static final double ABSENT = 0.5;
    /** Below this many (decayed) baseline posts everything would look new: no candidates yet. */
    static final double MIN_BASELINE_POSTS = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MIN_POSTS = 8;
    static final Duration REPORT_AGAIN_AFTER = Duration.ofDays(1);
    /** Emerging keys named in one report. */
    static final int LIMIT = 5;

    /**
     * Adds one closed bucket (before it is learned into {@code baseline}) and returns the report of
     * the emerging episode it opens or changes (a key joined, or a key's posts grew), or null.
     */
    public Spike observe(EmergingState state, String seriesKey, BucketStats bucket, TermBaseline baseline, Instant bucketStart) {
        long now = bucketStart.toEpochMilli();
        state.candidates.entrySet().removeIf(e -> now - e.getValue()[0] >= WINDOW.toMillis());
        state.reported.entrySet().removeIf(e -> now - e.getValue() >= REPORT_AGAIN_AFTER.toMillis());
        if (state.episodeStartMillis != Long.MIN_VALUE && now - state.episodeStartMillis >= WINDOW.toMillis()) {
            state.episodeKeys.clear();
        }
        track(state, bucket.entities, TermBaseline::entityKey, baseline, now);
        track(state, bucket.hashtags, key -> key, baseline, now);
        track(state, bucket.terms, key -> key, baseline, now);

        boolean changed = false;
        for (Map.Entry<String, long[]> candidate : state.candidates.entrySet()) {
            String key = candidate.getKey();
            long posts = candidate.getValue()[1];
            Long counted = state.episodeKeys.get(key);
            if (counted != null) {
                if (posts > counted) {
                    state.episodeKeys.put(key, posts);
                    changed = true;
                }
            } else if (posts >= MIN_POSTS && !state.reported.containsKey(key)) {
                if (state.episodeKeys.isEmpty()) {
                    state.episodeStartMillis = now;
                }
                state.reported.put(key, now);
                state.episodeKeys.put(key, posts);
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }

        List<TermWeight> entities = new ArrayList<>();
        List<TermWeight> hashtags = new ArrayList<>();
        List<TermWeight> terms = new ArrayList<>();
        double windowPosts = Math.max(1, baseline.posts / Math.max(1, baseline.buckets) * WINDOW.toMinutes());
        for (Map.Entry<String, Long> member : state.episodeKeys.entrySet()) {
            String key = member.getKey();
            long posts = member.getValue();
            double share = (baseline.counts.getOrDefault(key, 0.0) + SpikeExplainer.PRIOR) / (baseline.posts + 2 * SpikeExplainer.PRIOR);
            TermWeight weight = new TermWeight(displayName(key), posts, 0, (posts / windowPosts) / share);
            if (key.startsWith("entity:")) {
                entities.add(weight);
            } else if (key.startsWith("#")) {
                hashtags.add(weight);
            } else {
                terms.add(weight);
            }
        }
        long strongest = mostPosts(entities, hashtags, terms);
        List<TermWeight> topTerms = top(terms);
        List<TermWeight> topHashtags = top(hashtags);
        SpikeExplanation explanation = new SpikeExplanation(bucket.posts, baseline.posts / Math.max(1, baseline.buckets),
                bucket.uniqueAuthors(), SentimentBreakdown.NONE, topTerms, topHashtags, top(entities),
                SpikeExplainer.carriers(bucket.topPosts(BucketStats.MAX_KEPT), topTerms, topHashtags, LIMIT));
        int severity = (int) Math.min(100, Math.round(20 * Math.log(strongest) / Math.log(2)));
        Instant start = Instant.ofEpochMilli(state.episodeStartMillis);
        return new Spike(seriesKey, SpikeKind.EMERGING, EpisodePhase.STARTED, start, bucketStart, null, severity,
                strongest, 0, explanation);
    }

    private static void track(EmergingState state, Map<String, Integer> counts, java.util.function.UnaryOperator<String> keyOf,
            TermBaseline baseline, long now) {
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            String key = keyOf.apply(entry.getKey());
            long[] candidate = state.candidates.get(key);
            if (candidate == null && baseline.counts.getOrDefault(key, 0.0) < ABSENT && baseline.posts >= MIN_BASELINE_POSTS) {
                candidate = new long[] {now, 0};
                state.candidates.put(key, candidate);
            }
            if (candidate != null) {
                candidate[1] += entry.getValue();
            }
        }
    }

    private static String displayName(String key) {
        return key.startsWith("entity:") ? key.substring("entity:".length()) : key;
    }

    private static long mostPosts(List<TermWeight> a, List<TermWeight> b, List<TermWeight> c) {
        long most = 1;
        for (List<TermWeight> list : List.of(a, b, c)) {
            for (TermWeight weight : list) {
                most = Math.max(most, weight.count());
            }
        }
        return most;
    }

    /** The newest first: highest lift (as an alert's line names the key of highest lift), then most posts. */
    private static List<TermWeight> top(List<TermWeight> weights) {
        return weights.stream().sorted(Comparator.comparingDouble(TermWeight::lift).reversed()
                        .thenComparing(Comparator.comparingLong(TermWeight::count).reversed()).thenComparing(TermWeight::term))
                .limit(LIMIT).toList();
    }
}
