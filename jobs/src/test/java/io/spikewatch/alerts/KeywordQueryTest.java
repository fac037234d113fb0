package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordQueryTest {

    private static String tree(String query) {
        return KeywordQuery.parse(query).root().toString();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(tree("a OR b AND c")).isEqualTo("(a OR (b AND c))");
        assertThat(tree("a AND b OR c")).isEqualTo("((a AND b) OR c)");
        assertThat(tree("NOT a AND b")).isEqualTo("((NOT a) AND b)");
        assertThat(tree("a OR NOT b AND c")).isEqualTo("(a OR ((NOT b) AND c))");
        assertThat(tree("NOT NOT a")).isEqualTo("(NOT (NOT a))");
    }

    @Test
    void parenthesesGroupAndAdjacentTermsMeanAnd() {
        assertThat(tree("(a OR b) AND c")).isEqualTo("((a OR b) AND c)");
        assertThat(tree("NOT (a OR b)")).isEqualTo("(NOT (a OR b))");
        assertThat(tree("space crash OR outage")).isEqualTo("((space AND crash) OR outage)");
    }

    @Test
    void phrasesWordsWithPunctuationAndTagsBecomeTokens() {
        assertThat(tree("\"Unable to JOIN\"")).isEqualTo("\"unable to join\"");
        assertThat(tree("X.com")).isEqualTo("\"x com\"");
        assertThat(tree("#TwitterBlackout OR @ElonMusk")).isEqualTo("(#twitterblackout OR @elonmusk)");
        assertThat(tree("“DDoS”")).isEqualTo("ddos");
    }

    @Test
    void matchesCaseInsensitivelyOnWordBoundaries() {
        KeywordQuery ddos = KeywordQuery.parse("ddos");
        assertThat(ddos.matches("There appears to be a massive DDOS attack on 𝕏.")).isTrue();
        assertThat(ddos.matches("ddos-proof servers")).isTrue();
        assertThat(ddos.matches("#DDoS again")).isTrue();
        assertThat(ddos.matches("the ddoser strikes")).isFalse();

        KeywordQuery trump = KeywordQuery.parse("Trump");
        assertThat(trump.matches("Trump's interview")).isTrue();
        assertThat(trump.matches("a trumpet solo")).isFalse();

        assertThat(KeywordQuery.parse("x").matches("𝕏 is down")).isTrue();
    }

    @Test
    void hashtagsAndHandlesMatchOnlyThemselvesAndMayComeApartFromTheText() {
        KeywordQuery tag = KeywordQuery.parse("#TwitterBlackout");
        assertThat(tag.matches("#twitterblackout lol")).isTrue();
        assertThat(tag.matches("twitterblackout lol")).isFalse();
        assertThat(tag.matches("nothing in the text", List.of("#TwitterBlackout"))).isTrue();

        KeywordQuery handle = KeywordQuery.parse("@elonmusk");
        assertThat(handle.matches("ask @ElonMusk")).isTrue();
        assertThat(handle.matches("ask elonmusk")).isFalse();
        assertThat(handle.matches("mail me at joe@elonmusk.com")).isFalse();
        assertThat(KeywordQuery.parse("elonmusk").matches("ask @elonmusk")).isFalse();
    }

    @Test
    void phrasesNeedConsecutiveWords() {
        KeywordQuery phrase = KeywordQuery.parse("\"unable to join\"");
        assertThat(phrase.matches("I was UNABLE to join the space")).isTrue();
        assertThat(phrase.matches("unable, to... join!")).isTrue();
        assertThat(phrase.matches("unable to even join")).isFalse();
        assertThat(phrase.matches("join unable to")).isFalse();
    }

    @Test
    void theSeedQueryMatchesWhatItShould() {
        KeywordQuery query = KeywordQuery.parse("\"DDoS\" OR \"cyberattack\" OR #TwitterBlackout OR \"unable to join\"");
        assertThat(query.matches("Still unable to join the Space #frustrated")).isTrue();
        assertThat(query.matches("Was this a cyberattack?")).isTrue();
        assertThat(query.matches("#TwitterBlackout")).isTrue();
        assertThat(query.matches("Great interview tonight")).isFalse();
        KeywordQuery withNot = KeywordQuery.parse("(ddos OR outage) AND NOT (test OR drill)");
        assertThat(withNot.matches("DDoS outage confirmed")).isTrue();
        assertThat(withNot.matches("DDoS drill today")).isFalse();
    }

    @Test
    void errorsNameThePosition() {
        assertThatThrownBy(() -> KeywordQuery.parse("ddos OR")).isInstanceOf(QuerySyntaxException.class)
                .hasMessage("at character 8: expected a term after OR (character 6) but found the end of the query");
        assertThatThrownBy(() -> KeywordQuery.parse("(ddos OR outage")).hasMessageStartingWith("at character 1: '(' is never closed");
        assertThatThrownBy(() -> KeywordQuery.parse("ddos)")).hasMessage("at character 5: ')' without a matching '('");
        assertThatThrownBy(() -> KeywordQuery.parse("\"unable to join")).hasMessage("at character 1: the quote opened here is never closed");
        assertThatThrownBy(() -> KeywordQuery.parse("ddos or outage")).hasMessageStartingWith("at character 6: 'or': operators are written in capitals");
        assertThatThrownBy(() -> KeywordQuery.parse("  ")).hasMessage("at character 1: the query is empty");
        assertThatThrownBy(() -> KeywordQuery.parse("a AND OR b")).hasMessageStartingWith("at character 7: expected a term after AND");
        assertThatThrownBy(() -> KeywordQuery.parse("a ()")).hasMessage("at character 4: empty parentheses");
        assertThatThrownBy(() -> KeywordQuery.parse("a #")).hasMessage("at character 3: '#' holds no letter or digit to search for");
        assertThat(((QuerySyntaxException) org.assertj.core.api.Assertions.catchThrowable(
                () -> KeywordQuery.parse("x AND (y"))).position()).isEqualTo(7);
    }
}
