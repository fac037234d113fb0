package io.spikewatch.explain;

import io.spikewatch.annotate.Sentiment;
import io.spikewatch.schema.Post;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.TopPost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * What one series saw over one or more buckets: posts, unique authors, how often each term,
 * hashtag, handle and entity occurred, the posts that carried it, and the sentiment of the posts
 * annotated so far. Mergeable, so a spike's stats are the sum of its buckets'. Mutable on
 * purpose (it is accumulated in keyed state); public fields so Flink can serialize it.
 */
public class BucketStats {

    /** Candidate top posts kept per bucket; the rest are dropped by score. */
    static final int MAX_CANDIDATES = 64;

    public long posts;
    public HashSet<String> authors = new HashSet<>();
    public HashMap<String, Integer> terms = new HashMap<>();
    public HashMap<String, Integer> hashtags = new HashMap<>();
    public HashMap<String, Integer> handles = new HashMap<>();
    public HashMap<String, Integer> entities = new HashMap<>();
    /** Reposts seen in these buckets, per original post id. */
    public HashMap<String, Integer> repostsOf = new HashMap<>();
    /** The most widely seen posts, by original post id. */
    public HashMap<String, TopPost> candidates = new HashMap<>();
    public long negative;
    public long neutral;
    public long positive;
    public double sentimentSum;

    public void add(Post post, PostFeatures features) {
        posts++;
        if (post.authorKey() != null) {
            authors.add(post.authorKey());
        }
        features.terms().forEach(t -> terms.merge(t, 1, Integer::sum));
        features.hashtags().forEach(t -> hashtags.merge(t, 1, Integer::sum));
        features.handles().forEach(t -> handles.merge(t, 1, Integer::sum));
        features.entities().forEach(t -> entities.merge(t, 1, Integer::sum));
        String original = post.repostOf() != null ? post.repostOf() : post.id();
        if (post.repostOf() != null) {
            repostsOf.merge(original, 1, Integer::sum);
        }
        long followers = post.author() == null || post.author().followers() == null ? 0 : post.author().followers();
        long reach = followers + post.engagement().views();
        TopPost seen = new TopPost(original, post.platform(), post.author() == null ? null : post.author().handle(),
                post.text(), post.createdAt(), post.engagement().reposts(), reach);
        candidates.merge(original, seen, (a, b) -> a.reach() >= b.reach() ? a : b);
        if (candidates.size() > 2 * MAX_CANDIDATES) {
            pruneCandidates();
        }
    }

    public void addSentiment(String label, double score) {
        switch (label) {
            case Sentiment.NEGATIVE -> negative++;
            case Sentiment.POSITIVE -> positive++;
            default -> neutral++;
        }
        sentimentSum += score;
    }

    public void merge(BucketStats other) {
        posts += other.posts;
        authors.addAll(other.authors);
        other.terms.forEach((k, v) -> terms.merge(k, v, Integer::sum));
        other.hashtags.forEach((k, v) -> hashtags.merge(k, v, Integer::sum));
        other.handles.forEach((k, v) -> handles.merge(k, v, Integer::sum));
        other.entities.forEach((k, v) -> entities.merge(k, v, Integer::sum));
        other.repostsOf.forEach((k, v) -> repostsOf.merge(k, v, Integer::sum));
        other.candidates.forEach((k, v) -> candidates.merge(k, v, (a, b) -> a.reach() >= b.reach() ? a : b));
        negative += other.negative;
        neutral += other.neutral;
        positive += other.positive;
        sentimentSum += other.sentimentSum;
        pruneCandidates();
    }

    public SentimentBreakdown sentiment() {
        long annotated = negative + neutral + positive;
        return new SentimentBreakdown(negative, neutral, positive, annotated == 0 ? null : sentimentSum / annotated);
    }

    /** The posts that carried these buckets: most reposted here first, then by reach. */
    public List<TopPost> topPosts(int limit) {
        return candidates.values().stream()
                .sorted(byImpact())
                .limit(limit)
                .map(p -> new TopPost(p.id(), p.platform(), p.authorHandle(), p.text(), p.createdAt(),
                        Math.max(p.reposts(), repostsOf.getOrDefault(p.id(), 0)), p.reach()))
                .toList();
    }

    private Comparator<TopPost> byImpact() {
        return Comparator.<TopPost>comparingInt(p -> repostsOf.getOrDefault(p.id(), 0)).reversed()
                .thenComparing(Comparator.comparingLong(TopPost::reach).reversed())
                .thenComparing(TopPost::id);
    }

    private void pruneCandidates() {
        if (candidates.size() <= MAX_CANDIDATES) {
            return;
        }
        List<TopPost> keep = new ArrayList<>(candidates.values());
        keep.sort(byImpact());
        HashMap<String, TopPost> kept = new HashMap<>();
        for (TopPost post : keep.subList(0, MAX_CANDIDATES)) {
            kept.put(post.id(), post);
        }
        candidates = kept;
    }
}
