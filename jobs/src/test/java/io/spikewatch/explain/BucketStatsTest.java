package io.spikewatch.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Post;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An episode's stats are the merge of every bucket it lasted: they must stay bounded however long it lasts. */
class BucketStatsTest {

    private static final Instant T0 = Instant.parse("2024-08-13T00:00:00Z");

    private static void add(BucketStats stats, int id, String author, String text, String repostOf) {
        Post post = new Post("p" + id, "x", new Author(author, author, null, 10L), text, T0, "en", null, null, repostOf, null,
                Engagement.NONE);
        stats.add(post, PostFeatures.of(text, "en", TrackedEntities.empty()));
    }

    /** A minute of {@code posts} posts by new authors, each with new words and a new hashtag beside the words of the surge. */
    private static BucketStats minute(int minute, int posts) {
        BucketStats bucket = new BucketStats();
        for (int i = 0; i < posts; i++) {
            int id = minute * posts + i;
            add(bucket, id, "author" + id, "massive ddos attack wordx" + id + " #tag" + id, "original" + id);
        }
        return bucket;
    }

    @Test
    void aLongEpisodeKeepsItsMostFrequentKeysAndABoundedNumberOfThem() {
        BucketStats episode = new BucketStats();
        int minutes = 240;
        for (int m = 0; m < minutes; m++) {
            episode.merge(minute(m, 100));
        }

        assertThat(episode.posts).isEqualTo(24_000);
        for (var counts : java.util.List.of(episode.terms, episode.hashtags, episode.repostsOf)) {
            assertThat(counts.size()).isLessThanOrEqualTo(2 * BucketStats.MAX_KEYS);
        }
        assertThat(episode.terms.get("ddos attack")).isEqualTo(24_000);
        assertThat(episode.terms.get("massive")).isEqualTo(24_000);
        assertThat(episode.candidates).hasSizeLessThanOrEqualTo(BucketStats.MAX_KEPT);
    }

    @Test
    void pastTheExactLimitAuthorsAreCountedByASketchOfFixedSize() {
        BucketStats episode = new BucketStats();
        for (int m = 0; m < 240; m++) {
            episode.merge(minute(m, 100));
        }

        assertThat(episode.authors.size()).as("the set is dropped once the sketch counts").isZero();
        assertThat(episode.authorSketch).hasSize(DistinctSketch.REGISTERS);
        assertThat((double) episode.uniqueAuthors()).isCloseTo(24_000, within(24_000 * 0.03));
    }

    @Test
    void belowTheBoundsMergingIsExact() {
        BucketStats episode = new BucketStats();
        for (int m = 0; m < 10; m++) {
            BucketStats bucket = minute(m, 50);
            add(bucket, -m - 1, "author0", "ddos again", null); // author0 again: counted once
            episode.merge(bucket);
        }

        assertThat(episode.authorSketch).isNull();
        assertThat(episode.uniqueAuthors()).isEqualTo(500);
        assertThat(episode.hashtags).hasSize(500);
        assertThat(episode.terms).containsEntry("ddos", 510);
        assertThat(episode.repostsOf).hasSize(500);
    }

    @Test
    void aSketchedEpisodeStillCountsTheAuthorsOfBucketsMergedIntoIt() {
        BucketStats episode = new BucketStats();
        for (int m = 0; m < 120; m++) {
            episode.merge(minute(m, 100));
        }
        long before = episode.uniqueAuthors();
        BucketStats again = new BucketStats();
        for (int i = 0; i < 1_000; i++) {
            add(again, i, "author" + i, "ddos", null); // authors already counted
        }
        episode.merge(again);
        assertThat(episode.uniqueAuthors()).isEqualTo(before);

        episode.merge(minute(500, 2_000)); // 2,000 new authors
        assertThat((double) episode.uniqueAuthors()).isCloseTo(before + 2_000, within(14_000 * 0.03));
    }

    @Test
    void keepMostFrequentLeavesSmallMapsAloneAndCutsLargeOnesToTheMostFrequent() {
        java.util.HashMap<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < 2 * BucketStats.MAX_KEYS; i++) {
            counts.put("k" + i, i);
        }
        BucketStats.keepMostFrequent(counts);
        assertThat(counts).hasSize(2 * BucketStats.MAX_KEYS);

        counts.put("top", Integer.MAX_VALUE);
        BucketStats.keepMostFrequent(counts);
        assertThat(counts).hasSize(BucketStats.MAX_KEYS).containsKey("top")
                .containsKey("k" + (2 * BucketStats.MAX_KEYS - 1)).doesNotContainKey("k0");
    }

    @Test
    void aRepostStandsForItsOriginalWithoutNamingTheReposterAsItsAuthorAndTheOriginalWinsWhenSeen() {
        BucketStats reposts = new BucketStats();
        add(reposts, 1, "fan1", "The Space is glitching badly", "orig");
        add(reposts, 2, "fan2", "The Space is glitching badly", "orig");
        assertThat(reposts.topPosts(1)).singleElement().satisfies(top -> {
            assertThat(top.id()).isEqualTo("orig");
            assertThat(top.authorHandle()).as("the reposters did not write it").isNull();
            assertThat(top.reposts()).isEqualTo(2);
        });

        BucketStats withOriginal = new BucketStats();
        withOriginal.merge(reposts);
        Post original = new Post("orig", "x", new Author("reporter", "reporter", null, 5L), "The Space is glitching badly", T0, "en", null,
                null, null, null, Engagement.NONE);
        withOriginal.add(original, PostFeatures.of(original.text(), original.lang(), TrackedEntities.empty()));
        assertThat(withOriginal.topPosts(1)).singleElement().satisfies(top -> {
            assertThat(top.authorHandle()).as("the original, though it reached fewer").isEqualTo("reporter");
            assertThat(top.reposts()).isEqualTo(2);
        });
    }
}
