package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialLexiconTest {

    private static final SocialLexicon LEXICON = SocialLexicon.standard();

    @Test
    void knowsVadersWordsAndItsEmoji() {
        assertThat(LEXICON.valence("good")).isPositive();
        assertThat(LEXICON.valence("crash")).isEqualTo(-1.7);
        assertThat(LEXICON.emojiValence("\uD83D\uDE00")).isPositive();
        assertThat(LEXICON.valence("tuesday")).isNaN();
    }

    @Test
    void readsAServiceFailingAsNegativeWhereVaderIsSilent() {
        assertThat(LEXICON.valence("crashed")).isNegative();
        assertThat(LEXICON.valence("outage")).isNegative();
        assertThat(LEXICON.valence("unusable")).isNegative();
        assertThat(LEXICON.knows("glitchy")).isTrue();
    }

    @Test
    void readsAPlatformThatIsDownAsFailingButNotTheWordDownAlone() {
        assertThat(LEXICON.valence("is", "down")).isNegative();
        assertThat(LEXICON.valence("went", "down")).isNegative();
        assertThat(LEXICON.valence("twitter's", "down")).isNegative();
        assertThat(LEXICON.valence(null, "down")).isNaN();
        assertThat(LEXICON.valence("calm", "down")).isNaN();
        assertThat(LEXICON.valence("is", "crashed")).isEqualTo(LEXICON.valence("crashed"));
    }
}
