package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMergerTest {

    @Test
    void trackedTypeAndCanonicalReplaceAnOverlappingNerMention() {
        String text = "Elon Musk talked";
        List<EntityMention> merged = MentionMerger.merge(text,
                List.of(new NerSpan(EntityType.ORGANIZATION, 0, 9)),
                List.of(new TrackedMatch("Elon Musk", EntityType.PERSON, 0, 9)));
        assertThat(merged).containsExactly(new EntityMention("Elon Musk", "PERSON", 0, 9, "Elon Musk"));
    }

    @Test
    void aWiderNerSpanOfTheSameTypeKeepsItsSpanAndGetsTheCanonicalName() {
        String text = "Donald J. Trump spoke";
        List<EntityMention> merged = MentionMerger.merge(text,
                List.of(new NerSpan(EntityType.PERSON, 0, 15)),
                List.of(new TrackedMatch("Donald Trump", EntityType.PERSON, 10, 15)));
        assertThat(merged).containsExactly(new EntityMention("Donald J. Trump", "PERSON", 0, 15, "Donald Trump"));
    }

    @Test
    void aNerSpanRunningTwoTrackedNamesTogetherIsSplit() {
        String text = "Musk Trump interview";
        List<EntityMention> merged = MentionMerger.merge(text,
                List.of(new NerSpan(EntityType.PERSON, 0, 10)),
                List.of(new TrackedMatch("Elon Musk", EntityType.PERSON, 0, 4),
                        new TrackedMatch("Donald Trump", EntityType.PERSON, 5, 10)));
        assertThat(merged).extracting(EntityMention::canonical).containsExactly("Elon Musk", "Donald Trump");
        assertThat(merged).extracting(EntityMention::text).containsExactly("Musk", "Trump");
    }

    @Test
    void untrackedNerMentionsAndTrackedOnlyMatchesAreBothKeptInTextOrder() {
        String text = "Florida loves 𝕏";
        List<EntityMention> merged = MentionMerger.merge(text,
                List.of(new NerSpan(EntityType.LOCATION, 0, 7)),
                List.of(new TrackedMatch("X (platform)", EntityType.ORGANIZATION, 14, 16)));
        assertThat(merged).containsExactly(
                new EntityMention("Florida", "LOCATION", 0, 7, null),
                new EntityMention("𝕏", "ORGANIZATION", 14, 16, "X (platform)"));
    }

    @Test
    void aTrackedMatchOverlappingTwoNerSpansIsReportedOnce() {
        String text = "Harris-Walz campaign";
        List<EntityMention> merged = MentionMerger.merge(text,
                List.of(new NerSpan(EntityType.PERSON, 0, 6), new NerSpan(EntityType.PERSON, 7, 11)),
                List.of(new TrackedMatch("Harris-Walz campaign", EntityType.ORGANIZATION, 0, 20)));
        assertThat(merged).containsExactly(
                new EntityMention("Harris-Walz campaign", "ORGANIZATION", 0, 20, "Harris-Walz campaign"));
    }
}
