package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerMentionFilterTest {

    private final NerMentionFilter filter = new NerMentionFilter(SocialLexicon.standard());

    @Test
    void keepsNamesAndTrimsSymbolsAtTheEdges() {
        assertThat(filter.keep(List.of("Elon", "Musk"))).containsExactly(0, 2);
        assertThat(filter.keep(List.of("\"", "Morty", "😂"))).containsExactly(1, 2);
        assertThat(filter.keep(List.of("😂", "!"))).isNull();
    }

    @Test
    void dropsExclamationsButNotNamesWithASentimentWord() {
        assertThat(filter.keep(List.of("Damn"))).isNull();
        assertThat(filter.keep(List.of("Nice"))).isNull();
        assertThat(filter.keep(List.of("LOL", "😂"))).isNull();
        // "Grace" carries sentiment, "Kelly" does not: a name
        assertThat(filter.keep(List.of("Grace", "Kelly"))).containsExactly(0, 2);
    }
}
