package io.spikewatch.explain;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Explains a spike by what is over-represented in it against the baseline.
 *
 * <p>For each term, hashtag, handle and entity, the baseline gives the share of ordinary posts
 * containing it (smoothed, so an unseen term has a small share rather than none). Over a spike of
 * N posts a share p expects N·p posts; a term seen in c posts ranks by the log-likelihood ratio
 * G = 2·(c·ln(c/e) − (c − e)) of seeing c where e = N·p was expected (Dunning's statistic, one
 * sided: only over-representation counts), and its lift is (c/N)/p. Terms seen in fewer than
 * {@link #MIN_COUNT} posts, or less than {@link #MIN_LIFT} times their baseline share, are left
 * out; a word or phrase is left out when a longer phrase containing it has nearly the same count,
 * and of two overlapping phrases with nearly the same count only the better ranked is kept (they
 * are pieces of one longer phrase).
 */
public final class SpikeExplainer {

    static final int MIN_COUNT = 3;
    static final double MIN_LIFT = 1.5;
    /** Pseudo-count of the smoothing of baseline shares. */
    static final double PRIOR = 0.5;
    /** A word is covered by a phrase that holds at least this share of its occurrences. */
    static final double COVERED = 0.8;
    public static final int DEFAULT_LIMIT = 5;
    /** How many of its strongest terms, and of its hashtags, headline a spike (an alert's one line names these). */
    public static final int HEADLINE_DRIVERS = 2;

    private final int limit;

    public SpikeExplainer(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    public SpikeExplanation explain(BucketStats spike, TermBaseline baseline, double expectedPosts) {
        List<TermWeight> terms = new ArrayList<>(rank(spike.terms, spike.posts, baseline, ""));
        terms.addAll(rank(spike.handles, spike.posts, baseline, ""));
        terms.sort(bySignificance(spike.posts, baseline, ""));
        List<TermWeight> topTerms = withoutCoveredWords(terms).stream().limit(limit).toList();
        List<TermWeight> topHashtags = rank(spike.hashtags, spike.posts, baseline, "").stream().limit(limit).toList();
        return new SpikeExplanation(
                spike.posts,
                expectedPosts,
                spike.uniqueAuthors(),
                spike.sentiment(),
                topTerms,
                topHashtags,
                rank(spike.entities, spike.posts, baseline, "entity:").stream().limit(limit).toList(),
                carriers(spike.topPosts(BucketStats.MAX_KEPT), topTerms, topHashtags, limit));
    }

    /**
     * The top posts, those that say what drives the spike first: posts that say one of its
     * {@value #HEADLINE_DRIVERS} strongest terms or hashtags (what an alert's one line names), then
     * posts that say any other of its top terms, handles or hashtags, then the rest, each group in
     * order of impact. Words are read as {@link PostFeatures} reads them, whole ("getting" does not
     * say "get"). A post reposted a lot during the spike but about something else (an older story
     * still being shared) does not explain it. Emerging terms name their posts the same way.
     */
    static List<TopPost> carriers(List<TopPost> byImpact, List<TermWeight> terms, List<TermWeight> hashtags, int limit) {
        Set<String> headline = new HashSet<>();
        Set<String> drivers = new HashSet<>();
        for (List<TermWeight> kind : List.of(terms, hashtags)) {
            for (int i = 0; i < kind.size(); i++) {
                String driver = kind.get(i).term().toLowerCase(Locale.ROOT);
                (i < HEADLINE_DRIVERS ? headline : drivers).add(driver);
            }
        }
        List<TopPost> saysHeadline = new ArrayList<>();
        List<TopPost> saysDriver = new ArrayList<>();
        List<TopPost> others = new ArrayList<>();
        for (TopPost post : byImpact) {
            PostFeatures said = PostFeatures.of(post.text() == null ? "" : post.text(), post.lang(), TrackedEntities.empty());
            List<String> words = new ArrayList<>(said.terms());
            words.addAll(said.hashtags());
            words.addAll(said.handles());
            (words.stream().anyMatch(headline::contains) ? saysHeadline
                    : words.stream().anyMatch(drivers::contains) ? saysDriver : others).add(post);
        }
        saysHeadline.addAll(saysDriver);
        saysHeadline.addAll(others);
        return saysHeadline.stream().limit(limit).toList();
    }

    private List<TermWeight> rank(Map<String, Integer> counts, long posts, TermBaseline baseline, String keyPrefix) {
        List<TermWeight> ranked = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int count = entry.getValue();
            String key = keyPrefix + entry.getKey();
            double share = smoothedShare(baseline, key);
            double lift = ((double) count / Math.max(1, posts)) / share;
            if (count >= MIN_COUNT && lift >= MIN_LIFT) {
                ranked.add(new TermWeight(entry.getKey(), count, baseline.ratePerBucket(key), lift));
            }
        }
        ranked.sort(bySignificance(posts, baseline, keyPrefix));
        return ranked;
    }

    private static Comparator<TermWeight> bySignificance(long posts, TermBaseline baseline, String keyPrefix) {
        return Comparator.<TermWeight>comparingDouble(t -> -significance(t.count(), posts * smoothedShare(baseline, keyPrefix + t.term())))
                .thenComparing(TermWeight::term);
    }

    private static boolean sharesAWord(String a, String b) {
        if (!a.contains(" ") && !b.contains(" ")) {
            return false;
        }
        List<String> words = List.of(a.split(" "));
        for (String word : b.split(" ")) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static double significance(long observed, double expected) {
        if (observed <= expected) {
            return 0;
        }
        return 2 * (observed * Math.log(observed / expected) - (observed - expected));
    }

    private static double smoothedShare(TermBaseline baseline, String key) {
        return (baseline.counts.getOrDefault(key, 0.0) + PRIOR) / (baseline.posts + 2 * PRIOR);
    }

    private static List<TermWeight> withoutCoveredWords(List<TermWeight> ranked) {
        List<TermWeight> kept = new ArrayList<>();
        for (TermWeight term : ranked) {
            boolean covered = ranked.stream().anyMatch(phrase -> phrase != term && phrase.term().contains(" ")
                    && (" " + phrase.term() + " ").contains(" " + term.term() + " ")
                    && phrase.count() >= COVERED * term.count());
            boolean twin = kept.stream().anyMatch(other -> sharesAWord(other.term(), term.term())
                    && Math.abs(other.count() - term.count()) <= (1 - COVERED) * other.count());
            if (!covered && !twin) {
                kept.add(term);
            }
        }
        return kept;
    }
}
