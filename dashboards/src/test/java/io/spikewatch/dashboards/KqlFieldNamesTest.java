package io.spikewatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KqlFieldNamesTest {

    @Test
    void findsFieldsBeforeColonsAndRangeOperators() {
        assertThat(KqlFieldNames.of("scope:entity and severity >= 40 or not sentiment.label : negative"))
                .containsExactly("scope", "severity", "sentiment.label");
    }

    @Test
    void ignoresFreeTextAndQuotedStrings() {
        assertThat(KqlFieldNames.of("ddos \"text:not a field\" and platform:x")).containsExactly("platform");
    }

    @Test
    void namesNestedFieldsWithTheirParent() {
        assertThat(KqlFieldNames.of("entities:{ text: Musk and type: PERSON } and lang:en"))
                .containsExactly("entities", "entities.text", "entities.type", "lang");
    }

    @Test
    void keepsWildcardsAndParenthesesApart() {
        assertThat(KqlFieldNames.of("(engagement.*:>10) and author.handle:elon*"))
                .containsExactly("engagement.*", "author.handle");
    }

    @Test
    void anEmptyQueryNamesNothing() {
        assertThat(KqlFieldNames.of("")).isEmpty();
    }
}
