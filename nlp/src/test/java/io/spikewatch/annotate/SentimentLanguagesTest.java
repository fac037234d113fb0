package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentLanguagesTest {

    @Test
    void readsEnglishUntaggedAndTextWithNoLanguageToDetect() {
        assertThat(SentimentLanguages.reads("en")).isTrue();
        assertThat(SentimentLanguages.reads("en-GB")).isTrue();
        assertThat(SentimentLanguages.reads("EN_us")).isTrue();
        assertThat(SentimentLanguages.reads(null)).isTrue();
        assertThat(SentimentLanguages.reads(" ")).isTrue();
        assertThat(SentimentLanguages.reads("und")).isTrue();
        assertThat(SentimentLanguages.reads("qht")).isTrue();
    }

    @Test
    void doesNotReadOtherLanguages() {
        assertThat(SentimentLanguages.reads("es")).isFalse();
        assertThat(SentimentLanguages.reads("de-AT")).isFalse();
        assertThat(SentimentLanguages.reads("fr")).isFalse();
        assertThat(SentimentLanguages.reads("enm")).isFalse();
    }
}
