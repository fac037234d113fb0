package io.spikewatch.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.TrackedEntities;
import org.junit.jupiter.api.Test;

class PostFeaturesTest {

    private static final TrackedEntities TRACKED = TrackedEntities.fromYaml("""
            entities:
              - name: X (platform)
                type: ORGANIZATION
                aliases: [Twitter, "𝕏"]
                case_sensitive: [X]
                hashtags: ["#TwitterBlackout"]
              - name: Elon Musk
                type: PERSON
                aliases: [Musk, Elon]
                handles: ["@elonmusk"]
            """, "test.yaml");

    @Test
    void findsPhrasesHashtagsHandlesAndTrackedEntities() {
        PostFeatures features = PostFeatures.of(
                "Still UNABLE to join the Space 😤 @elonmusk fix X! #TwitterBlackout https://x.com/i/spaces/1", TRACKED);

        assertThat(features.terms()).contains("unable", "join", "unable to join", "space", "fix").doesNotContain("the", "to", "https");
        assertThat(features.hashtags()).containsExactly("#twitterblackout");
        assertThat(features.handles()).containsExactly("@elonmusk");
        assertThat(features.entities()).containsExactlyInAnyOrder("X (platform)", "Elon Musk");
    }

    @Test
    void noPhraseSpansPunctuationOrAnEmoji() {
        assertThat(PostFeatures.of("on the Space, working on it 😤 great", TrackedEntities.empty()).terms())
                .contains("space", "working", "great").doesNotContain("space working", "working great");
    }

    @Test
    void noPhraseEndsInAPossessive() {
        assertThat(PostFeatures.of("letter ahead of tonight's Musk's interview", TrackedEntities.empty()).terms())
                .contains("letter", "tonight's", "musk's interview").doesNotContain("ahead of tonight's", "tonight's musk's");
    }

    @Test
    void keepsApostrophesInsideWordsAndDropsNumbers() {
        assertThat(PostFeatures.tokens("Musk’s 8 million listeners, isn't it?")).containsExactly("musk's", "8", "million", "listeners", "", "isn't", "it", "");
        assertThat(PostFeatures.of("8 million listeners", TrackedEntities.empty()).terms()).containsExactlyInAnyOrder("million", "listeners", "million listeners");
    }
}
