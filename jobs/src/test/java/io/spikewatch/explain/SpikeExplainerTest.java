package io.spikewatch.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Post;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.TermWeight;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeExplainerTest {

    private static final long MINUTE = 60_000;
    private static final Instant T0 = Instant.parse("2024-08-12T23:00:00Z");

    @Test
    void namesWhatIsOverRepresentedAgainstTheBaselineAndThePostsThatCarriedIt() {
        TermBaseline baseline = anHourOf("Looking forward to the Trump interview tonight", "Nice weather in Florida today, going to the beach");
        BucketStats spike = new BucketStats();
        add(spike, "viral", "elon", "Massive DDOS attack on the Space, working on it", null, 1_000_000);
        for (int i = 0; i < 40; i++) {
            add(spike, "r" + i, "a" + i, "Massive DDOS attack on the Space, working on it", "viral", 100);
            add(spike, "s" + i, "b" + i, i % 2 == 0 ? "Still unable to join the Space #TwitterBlackout" : "unable to join, again #TwitterBlackout", null, 50);
        }
        add(spike, "t1", "c1", "Looking forward to the Trump interview tonight", null, 10);
        spike.addSentiment("negative", -0.6);
        spike.addSentiment("neutral", 0.0);

        SpikeExplanation explanation = new SpikeExplainer(5).explain(spike, baseline, 2.0);

        assertThat(explanation.observed()).isEqualTo(82);
        assertThat(explanation.expected()).isEqualTo(2.0);
        assertThat(explanation.uniqueAuthors()).isEqualTo(82);
        assertThat(explanation.terms()).extracting(TermWeight::term)
                .containsAnyOf("unable to join", "join the space")
                .containsAnyOf("ddos attack", "massive ddos")
                .doesNotContain("space working")
                .doesNotContain("interview", "looking forward");
        assertThat(explanation.terms()).allSatisfy(t -> assertThat(t.lift()).isGreaterThan(SpikeExplainer.MIN_LIFT));
        assertThat(explanation.hashtags()).extracting(TermWeight::term).containsExactly("#twitterblackout");
        assertThat(explanation.topPosts().get(0).id()).isEqualTo("viral");
        assertThat(explanation.topPosts().get(0).reposts()).isEqualTo(40);
        assertThat(explanation.sentiment().negative()).isEqualTo(1);
    }

    @Test
    void anOlderStoryStillBeingRepostedDoesNotHeadThePostsThatCarriedTheSpike() {
        TermBaseline baseline = anHourOf("FBI probe into the leaked documents keeps growing", "Nice weather in Florida today, going to the beach");
        BucketStats spike = new BucketStats();
        add(spike, "fbi", "desk", "FBI probe into the leaked documents keeps growing", null, 500_000);
        for (int i = 0; i < 30; i++) {
            add(spike, "r" + i, "a" + i, "FBI probe into the leaked documents keeps growing", "fbi", 100);
        }
        add(spike, "first", "w0", "cannot join the Space at all #TwitterBlackout", null, 900);
        for (int i = 0; i < 20; i++) {
            add(spike, "s" + i, "b" + i, i % 2 == 0 ? "Still unable to join the Space #TwitterBlackout" : "unable to join, again #TwitterBlackout",
                    i < 5 ? "first" : null, 50);
        }

        SpikeExplanation explanation = new SpikeExplainer(5).explain(spike, baseline, 2.0);

        assertThat(explanation.hashtags()).extracting(TermWeight::term).containsExactly("#twitterblackout");
        assertThat(explanation.topPosts().get(0).id()).isEqualTo("first");
        // though it drew more reposts in these minutes than any post about the outage
        assertThat(explanation.topPosts()).extracting(p -> p.id()).doesNotContain("fbi");
    }

    @Test
    void aSurgeOfSmallAccountsIsExplainedByItsOwnPostsThoughManyWiderPostsOutrankThem() {
        TermBaseline baseline = anHourOf("FBI probe into the leaked documents keeps growing");
        // four minutes: 150 widely followed posts about other stories, 300 complaints from small accounts
        BucketStats spike = new BucketStats();
        for (int minute = 0; minute < 4; minute++) {
            BucketStats bucket = new BucketStats();
            for (int i = 0; i < 150; i++) {
                add(bucket, "news" + minute + "-" + i, "desk" + i, "FBI probe into the leaked documents keeps growing",
                        null, 100_000 + i);
            }
            for (int i = 0; i < 300; i++) {
                add(bucket, "c" + minute + "-" + i, "user" + minute + "-" + i, "still cannot join the Space #XDown", null, 20);
            }
            spike.merge(bucket);
        }

        SpikeExplanation explanation = new SpikeExplainer(5).explain(spike, baseline, 8.0);

        assertThat(explanation.hashtags()).extracting(TermWeight::term).containsExactly("#xdown");
        assertThat(explanation.topPosts()).isNotEmpty()
                .allSatisfy(post -> assertThat(post.text()).contains("#XDown"));
    }

    @Test
    void aPostCarriesADriverAsAWholeWordNotAsPartOfOne() {
        TermBaseline baseline = anHourOf("Nice weather in Florida today, going to the beach");
        BucketStats spike = new BucketStats();
        add(spike, "forces", "desk", "the senator rejoined the talks about joining forces", null, 500_000);
        List<String> complaints = List.of("cannot join the Space", "unable to join, again", "tried to join twice", "join button does nothing");
        for (int i = 0; i < 12; i++) {
            add(spike, "c" + i, "a" + i, complaints.get(i % complaints.size()), null, 20);
        }

        SpikeExplanation explanation = new SpikeExplainer(5).explain(spike, baseline, 1.0);

        assertThat(explanation.terms()).extracting(TermWeight::term).contains("join");
        assertThat(explanation.topPosts().get(0).id()).as("'rejoined' and 'joining' are not 'join'").isNotEqualTo("forces");
    }

    @Test
    void postsThatSayTheHeadlineDriversComeBeforeThoseThatSayOnlyALesserOne() {
        TermBaseline baseline = anHourOf("Nice weather in Florida today, going to the beach");
        BucketStats spike = new BucketStats();
        // a story that began while nobody learned it, still shared: over-represented, but not the surge
        add(spike, "fbi", "desk", "FBI probe keeps getting bigger #Vance", null, 500_000);
        for (int i = 0; i < 3; i++) {
            add(spike, "v" + i, "w" + i, "the Vance docs story #Vance", null, 30);
        }
        for (int i = 0; i < 30; i++) {
            add(spike, "c" + i, "a" + i, i % 3 == 0 ? "cannot join the Space #XDown #TwitterBlackout" : "still cannot join #XDown", null, 20);
        }

        SpikeExplanation explanation = new SpikeExplainer(5).explain(spike, baseline, 2.0);

        List<String> hashtags = explanation.hashtags().stream().map(TermWeight::term).toList();
        assertThat(hashtags).startsWith("#xdown").contains("#vance");
        assertThat(hashtags.indexOf("#vance")).as("a lesser driver").isGreaterThanOrEqualTo(SpikeExplainer.HEADLINE_DRIVERS);
        assertThat(explanation.topPosts()).as("though the FBI post says #vance and reached far more")
                .allSatisfy(post -> assertThat(post.text()).contains("#XDown"));
    }

    @Test
    void significanceIsZeroUnlessObservedExceedsExpected() {
        assertThat(SpikeExplainer.significance(3, 5.0)).isZero();
        assertThat(SpikeExplainer.significance(30, 5.0)).isGreaterThan(SpikeExplainer.significance(10, 5.0));
    }

    /** A baseline of an hour of ordinary minutes, each with one post of every text. */
    private static TermBaseline anHourOf(String... texts) {
        TermBaseline baseline = new TermBaseline();
        for (int minute = 0; minute < 60; minute++) {
            BucketStats ordinary = new BucketStats();
            for (int i = 0; i < texts.length; i++) {
                add(ordinary, "p" + minute + "-" + i, "u" + minute + "-" + i, texts[i], null, 10);
            }
            baseline.add(ordinary, T0.toEpochMilli() + minute * MINUTE, MINUTE, 0.99);
        }
        return baseline;
    }

    private static void add(BucketStats stats, String id, String author, String text, String repostOf, long followers) {
        Post post = new Post(id, "x", new Author(author, author, null, followers), text, T0, "en", null, null, repostOf, null,
                Engagement.NONE);
        stats.add(post, PostFeatures.of(text, "en", TrackedEntities.empty()));
    }
}
