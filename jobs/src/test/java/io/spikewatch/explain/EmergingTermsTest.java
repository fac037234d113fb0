package io.spikewatch.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Post;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmergingTermsTest {

    private static final long MINUTE = 60_000;
    private static final Instant T0 = Instant.parse("2024-08-12T20:00:00Z");
    private static final String SERIES = "all";

    @Test
    void aTermAbsentFromTheBaselineIsReportedWithThePostsThatSayItFirst() {
        TermBaseline baseline = anHourOf("Looking forward to the Trump interview tonight", "Nice weather in Florida today");
        EmergingState state = new EmergingState();
        EmergingTerms emerging = new EmergingTerms();

        Spike spike = emerging.observe(state, SERIES, aMinuteOfTheLetter(0), baseline, T0.plusSeconds(3600));

        assertThat(spike).isNotNull();
        assertThat(spike.kind()).isEqualTo(SpikeKind.EMERGING);
        assertThat(spike.explanation().terms()).extracting(TermWeight::term).contains("letter");
        assertThat(spike.explanation().terms()).extracting(TermWeight::term).doesNotContain("interview", "trump interview");
        assertThat(spike.explanation().terms()).extracting(TermWeight::lift).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the older story reposted 30 times in the same minute is not what the new term is about
        assertThat(spike.explanation().topPosts()).first().extracting(TopPost::text).asString().contains("letter");
        assertThat(spike.explanation().topPosts()).extracting(TopPost::id).doesNotContain("old-story").hasSize(EmergingTerms.LIMIT);

        // the same words a minute later: the same episode, counted in more posts, so that a rule
        // asking for more than the first report had sees them get there
        Spike later = emerging.observe(state, SERIES, aMinuteOfTheLetter(1), baseline, T0.plusSeconds(3660));
        assertThat(later.id()).isEqualTo(spike.id());
        assertThat(later.explanation().terms()).filteredOn(t -> t.term().equals("letter")).singleElement()
                .satisfies(t -> assertThat(t.count()).isEqualTo(20));
        // a minute that says none of them again changes nothing
        assertThat(emerging.observe(state, SERIES, new BucketStats(), baseline, T0.plusSeconds(3720))).isNull();
        // and once the episode is over, the term is not news again that day
        assertThat(emerging.observe(state, SERIES, aMinuteOfTheLetter(2), baseline, T0.plusSeconds(3600 + 20 * 60))).isNull();
    }

    @Test
    void aSecondNameEmergingMinutesLaterJoinsTheSameEpisode() {
        TermBaseline baseline = anHourOf("Looking forward to the Trump interview tonight", "Nice weather in Florida today");
        EmergingState state = new EmergingState();
        EmergingTerms emerging = new EmergingTerms();

        Spike first = emerging.observe(state, SERIES, aMinuteOfTheLetter(0), baseline, T0.plusSeconds(3600));
        BucketStats reply = new BucketStats();
        for (int i = 0; i < 12; i++) {
            add(reply, "c" + i, "c" + i, "Cheung says Brussels should mind its own business", null);
        }
        Spike second = emerging.observe(state, SERIES, reply, baseline, T0.plusSeconds(3600 + 3 * 60));

        assertThat(second.id()).isEqualTo(first.id());
        // named with the episode's other keys (the five of highest lift: the reply's, in more posts)
        assertThat(second.explanation().terms()).extracting(TermWeight::term).contains("brussels");
        // fifteen minutes after the episode began, a new name opens a new one
        BucketStats later = new BucketStats();
        for (int i = 0; i < EmergingTerms.MIN_POSTS; i++) {
            add(later, "f" + i, "f" + i, "The FBI opens a probe into the hacked documents", null);
        }
        Spike third = emerging.observe(state, SERIES, later, baseline, T0.plusSeconds(3600 + 16 * 60));
        assertThat(third.start()).isEqualTo(T0.plusSeconds(3600 + 16 * 60));
        assertThat(third.explanation().terms()).extracting(TermWeight::term).contains("fbi").doesNotContain("letter", "brussels");
    }

    @Test
    void nothingIsNewBeforeTheBaselineHasSeenEnoughPosts() {
        TermBaseline baseline = new TermBaseline();
        BucketStats quiet = new BucketStats();
        add(quiet, "q", "q", "Nice weather in Florida today", null);
        baseline.add(quiet, T0.toEpochMilli(), MINUTE, 1.0);

        assertThat(new EmergingTerms().observe(new EmergingState(), SERIES, aMinuteOfTheLetter(0), baseline, T0.plusSeconds(60))).isNull();
    }

    /** Ten posts about a letter nobody mentioned before, and an older story reposted 30 times. */
    private static BucketStats aMinuteOfTheLetter(int minute) {
        BucketStats bucket = new BucketStats();
        add(bucket, "old-story", "desk", "Looking forward to the Trump interview tonight", null);
        for (int i = 0; i < 30; i++) {
            add(bucket, "r" + minute + "-" + i, "fan" + i, "Looking forward to the Trump interview tonight", "old-story");
        }
        for (int i = 0; i < 10; i++) {
            add(bucket, "l" + minute + "-" + i, "w" + i, "Breton sent Musk a letter about the interview", null);
        }
        return bucket;
    }

    /** A baseline of an hour of ordinary minutes, each with one post of every text, nothing forgotten. */
    private static TermBaseline anHourOf(String... texts) {
        TermBaseline baseline = new TermBaseline();
        for (int minute = 0; minute < 60; minute++) {
            BucketStats ordinary = new BucketStats();
            for (int i = 0; i < texts.length; i++) {
                add(ordinary, "p" + minute + "-" + i, "u" + minute + "-" + i, texts[i], null);
            }
            baseline.add(ordinary, T0.toEpochMilli() + minute * MINUTE, MINUTE, 1.0);
        }
        return baseline;
    }

    private static void add(BucketStats stats, String id, String author, String text, String repostOf) {
        Post post = new Post(id, "x", new Author(author, author, null, 100L), text, T0, "en", null, null, repostOf, null,
                Engagement.NONE);
        stats.add(post, PostFeatures.of(text, "en", TrackedEntities.empty()));
    }
}
