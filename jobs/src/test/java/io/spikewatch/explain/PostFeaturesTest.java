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
                "Still UNABLE to join the Space 😤 @elonmusk fix X! #TwitterBlackout https://x.com/i/spaces/1", "en", TRACKED);

        assertThat(features.terms()).contains("unable", "join", "unable to join", "space", "fix").doesNotContain("the", "to", "https");
        assertThat(features.hashtags()).containsExactly("#twitterblackout");
        assertThat(features.handles()).containsExactly("@elonmusk");
        assertThat(features.entities()).containsExactlyInAnyOrder("X (platform)", "Elon Musk");
    }

    @Test
    void noPhraseSpansPunctuationOrAnEmoji() {
        assertThat(PostFeatures.of("on the Space, working on it 😤 great", "en", TrackedEntities.empty()).terms())
                .contains("space", "working", "great").doesNotContain("space working", "working great");
    }

    @Test
    void noPhraseEndsInAPossessive() {
        assertThat(PostFeatures.of("letter ahead of tonight's Musk's interview", "en", TrackedEntities.empty()).terms())
                .contains("letter", "tonight's", "musk's interview").doesNotContain("ahead of tonight's", "tonight's musk's");
    }

    @Test
    void keepsApostrophesInsideWordsAndDropsNumbers() {
        assertThat(PostFeatures.tokens("Musk’s 8 million listeners, isn't it?")).containsExactly("musk's", "8", "million", "listeners", "", "isn't", "it", "");
        assertThat(PostFeatures.of("8 million listeners", "en", TrackedEntities.empty()).terms()).containsExactlyInAnyOrder("million", "listeners", "million listeners");
    }

    @Test
    void functionWordsAreThoseOfThePostsLanguageAndEnglish() {
        assertThat(PostFeatures.of("Breton warnt Elon vor dem Interview mit Trump", "de", TrackedEntities.empty()).terms())
                .contains("breton warnt", "interview", "trump", "interview mit trump")
                .doesNotContain("vor", "dem", "mit", "mit trump", "elon vor");
        assertThat(PostFeatures.of("la UE le manda una carta a Musk antes de la entrevista con the former president", "es-419",
                TrackedEntities.empty()).terms())
                .contains("carta", "entrevista", "former president")
                .doesNotContain("la", "de", "con", "the", "entrevista con");
        // in an English post, a German article is an English verb
        assertThat(PostFeatures.of("they will die laughing", "en", TrackedEntities.empty()).terms()).contains("die", "die laughing");
        assertThat(PostFeatures.of("die Space ist tot", "de", TrackedEntities.empty()).terms()).containsExactlyInAnyOrder("space", "tot", "space ist tot");
    }

    @Test
    void anElisionIsCutOffTheWordItIsJoinedTo() {
        assertThat(PostFeatures.of("Breton écrit à Musk avant l'entretien avec Trump, ça va chauffer", "fr", TrackedEntities.empty()).terms())
                .contains("entretien", "écrit", "chauffer").doesNotContain("l'entretien", "ça", "avec", "avant");
        assertThat(PostFeatures.of("quelqu'un a une bonne série à conseiller ?", "fr", TrackedEntities.empty()).terms())
                .containsExactlyInAnyOrder("bonne", "série", "bonne série", "conseiller", "série à conseiller");
        // an unknown language, or none: English function words only, words kept whole
        assertThat(PostFeatures.of("avant l'entretien", null, TrackedEntities.empty()).terms()).contains("avant", "l'entretien");
        assertThat(PostFeatures.of("avant l'entretien", "nl", TrackedEntities.empty()).terms()).contains("avant", "l'entretien");
    }
}
