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
import java.util.Map;

/**
 * What one series saw over one or more buckets: posts, unique authors, how often each term,
 * hashtag, handle and entity occurred, the posts that carried it, and the sentiment of the posts
 * annotated so far. Mergeable, so a spike's stats are the sum of its buckets'. Mutable on
 * purpose (it is accumulated in keyed state); public fields so Flink can serialize it.
 *
 * <p><b>Bounded when merged.</b> An episode's stats are the merge of all its buckets, and an
 * episode lasts until an hour of calm, however long that takes, so {@link #merge} bounds what it
 * keeps: past {@link #MAX_EXACT_AUTHORS} authors they are counted in a fixed-size
 * {@link DistinctSketch} (0.8% standard error) instead of a set, and a counted map (terms,
 * hashtags, handles, entities, reposts per original) that grows past twice {@link #MAX_KEYS} keeps
 * its {@link #MAX_KEYS} most frequent keys. A single bucket ({@link #add}) stays exact. What the
 * bound can change: the explanation of an episode past those sizes, where a key whose count is
 * below the {@value #MAX_KEYS}th largest may be forgotten (and restarts from zero if it comes
 * back), and its unique authors, which become an estimate.
 */
public class BucketStats {

    /** Candidate top posts kept by impact (reposts here, then reach). */
    static final int MAX_CANDIDATES = 64;
    /**
     * Candidate top posts kept besides, as a sample of the others: a surge of complaints from small
     * accounts is all below the impact cut when a few older, widely shared posts go on being
     * reposted in its minutes, and the explanation then had no post saying what drove it. The
     * sample is the posts whose ids hash lowest (deterministic, and a fair sample that survives
     * merges).
     */
    static final int SAMPLED = 64;
    /** All candidates kept: by impact and sampled. */
    public static final int MAX_KEPT = MAX_CANDIDATES + SAMPLED;
    /** Authors kept as a set when merged; more are counted in {@link #authorSketch}. */
    static final int MAX_EXACT_AUTHORS = 10_000;
    /** Keys a counted map keeps when a merge finds it holding more than twice as many (the same bound as {@link TermBaseline#MAX_TERMS}). */
    static final int MAX_KEYS = 5_000;

    public long posts;
    /** The distinct authors, while at most {@link #MAX_EXACT_AUTHORS} were merged; empty once {@link #authorSketch} counts them. */
    public HashSet<String> authors = new HashSet<>();
    /** The distinct authors as a {@link DistinctSketch}, once there were too many for {@link #authors}; null before. */
    public byte[] authorSketch;
    public HashMap<String, Integer> terms = new HashMap<>();
    public HashMap<String, Integer> hashtags = new HashMap<>();
    public HashMap<String, Integer> handles = new HashMap<>();
    public HashMap<String, Integer> entities = new HashMap<>();
    /** Reposts seen in these buckets, per original post id. */
    public HashMap<String, Integer> repostsOf = new HashMap<>();
    /** The most widely seen posts and a sample of the others ({@link #SAMPLED}), by original post id. */
    public HashMap<String, TopPost> candidates = new HashMap<>();
    public long negative;
    public long neutral;
    public long positive;
    public double sentimentSum;

    public void add(Post post, PostFeatures features) {
        add(shown(post), post.repostOf() != null, post.authorKey(), features);
    }

    /**
     * Adds one post as an explanation shows it: {@code shown} under its original's id (see
     * {@link #shown}), whether it is a repost of that original, and its author.
     */
    public void add(TopPost shown, boolean repost, String authorKey, PostFeatures features) {
        posts++;
        if (authorKey != null) {
            if (authorSketch != null) {
                DistinctSketch.add(authorSketch, authorKey);
            } else {
                authors.add(authorKey);
            }
        }
        features.terms().forEach(t -> terms.merge(t, 1, Integer::sum));
        features.hashtags().forEach(t -> hashtags.merge(t, 1, Integer::sum));
        features.handles().forEach(t -> handles.merge(t, 1, Integer::sum));
        features.entities().forEach(t -> entities.merge(t, 1, Integer::sum));
        if (repost) {
            repostsOf.merge(shown.id(), 1, Integer::sum);
        }
        candidates.merge(shown.id(), shown, BucketStats::better);
        if (candidates.size() > 2 * MAX_KEPT) {
            pruneCandidates();
        }
    }

    /**
     * A post as a candidate top post: under its original's id (a repost stands for what it
     * reposts), with its text and its reach (the author's followers plus the post's views). A
     * repost names no author: its text is the original's, which the reposter did not write, and
     * the original's author is not known from the repost.
     */
    public static TopPost shown(Post post) {
        boolean repost = post.repostOf() != null;
        String original = repost ? post.repostOf() : post.id();
        long followers = post.author() == null || post.author().followers() == null ? 0 : post.author().followers();
        long reach = followers + post.engagement().views();
        String author = repost || post.author() == null ? null : post.author().handle();
        return new TopPost(original, post.platform(), author, post.text(), post.lang(), post.createdAt(), post.engagement().reposts(), reach);
    }

    /** Of two candidates for one original: the original itself (it names its author) when seen, else the wider reach. */
    private static TopPost better(TopPost a, TopPost b) {
        if ((a.authorHandle() == null) != (b.authorHandle() == null)) {
            return a.authorHandle() != null ? a : b;
        }
        return a.reach() >= b.reach() ? a : b;
    }

    public void addSentiment(String label, double score) {
        switch (label) {
            case Sentiment.NEGATIVE -> negative++;
            case Sentiment.POSITIVE -> positive++;
            default -> neutral++;
        }
        sentimentSum += score;
    }

    /** Adds {@code other} to these stats, then applies the bounds (see the class comment). */
    public void merge(BucketStats other) {
        posts += other.posts;
        mergeAuthors(other);
        other.terms.forEach((k, v) -> terms.merge(k, v, Integer::sum));
        other.hashtags.forEach((k, v) -> hashtags.merge(k, v, Integer::sum));
        other.handles.forEach((k, v) -> handles.merge(k, v, Integer::sum));
        other.entities.forEach((k, v) -> entities.merge(k, v, Integer::sum));
        other.repostsOf.forEach((k, v) -> repostsOf.merge(k, v, Integer::sum));
        keepMostFrequent(terms);
        keepMostFrequent(hashtags);
        keepMostFrequent(handles);
        keepMostFrequent(entities);
        keepMostFrequent(repostsOf);
        other.candidates.forEach((k, v) -> candidates.merge(k, v, BucketStats::better));
        negative += other.negative;
        neutral += other.neutral;
        positive += other.positive;
        sentimentSum += other.sentimentSum;
        pruneCandidates();
    }

    /** Distinct authors: exact while they fit in {@link #authors}, else the sketch's estimate. */
    public long uniqueAuthors() {
        return authorSketch == null ? authors.size() : DistinctSketch.estimate(authorSketch);
    }

    private void mergeAuthors(BucketStats other) {
        if (authorSketch == null && other.authorSketch == null) {
            authors.addAll(other.authors);
            if (authors.size() <= MAX_EXACT_AUTHORS) {
                return;
            }
        }
        if (authorSketch == null) {
            authorSketch = DistinctSketch.create();
        }
        authors.forEach(author -> DistinctSketch.add(authorSketch, author));
        authors = new HashSet<>();
        other.authors.forEach(author -> DistinctSketch.add(authorSketch, author));
        if (other.authorSketch != null) {
            DistinctSketch.merge(authorSketch, other.authorSketch);
        }
    }

    /** Once {@code counts} holds more than twice {@link #MAX_KEYS} keys, keeps the {@link #MAX_KEYS} most frequent (ties by key). */
    static void keepMostFrequent(HashMap<String, Integer> counts) {
        if (counts.size() <= 2 * MAX_KEYS) {
            return;
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> dropped : entries.subList(MAX_KEYS, entries.size())) {
            counts.remove(dropped.getKey());
        }
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
                .map(p -> new TopPost(p.id(), p.platform(), p.authorHandle(), p.text(), p.lang(), p.createdAt(),
                        Math.max(p.reposts(), repostsOf.getOrDefault(p.id(), 0)), p.reach()))
                .toList();
    }

    private Comparator<TopPost> byImpact() {
        return Comparator.<TopPost>comparingInt(p -> repostsOf.getOrDefault(p.id(), 0)).reversed()
                .thenComparing(Comparator.comparingLong(TopPost::reach).reversed())
                .thenComparing(TopPost::id);
    }

    /** Keeps the {@link #MAX_CANDIDATES} of most impact and, of the others, the {@link #SAMPLED} whose ids hash lowest. */
    private void pruneCandidates() {
        if (candidates.size() <= MAX_KEPT) {
            return;
        }
        List<TopPost> byImpact = new ArrayList<>(candidates.values());
        byImpact.sort(byImpact());
        List<TopPost> others = new ArrayList<>(byImpact.subList(MAX_CANDIDATES, byImpact.size()));
        others.sort(Comparator.comparingLong((TopPost p) -> sampleKey(p.id())).thenComparing(TopPost::id));
        HashMap<String, TopPost> kept = new HashMap<>();
        for (TopPost post : byImpact.subList(0, MAX_CANDIDATES)) {
            kept.put(post.id(), post);
        }
        for (TopPost post : others.subList(0, SAMPLED)) {
            kept.put(post.id(), post);
        }
        candidates = kept;
    }

    /** A well-mixed, stable hash of a post id (String.hashCode is fixed by the language). */
    static long sampleKey(String id) {
        long h = id.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}
