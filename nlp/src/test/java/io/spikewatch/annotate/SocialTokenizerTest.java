package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.SocialTokenizer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocialTokenizerTest {

    private static List<String> forms(String text) {
        return SocialTokenizer.tokens(text, 0, text.length()).stream().map(Token::text).toList();
    }

    @Test
    void readsANegationWrittenOutAsItsContraction() {
        assertThat(forms("can not join the Space")).containsExactly("can't", "join", "the", "space");
        assertThat(forms("cannot join the Space")).containsExactly("can't", "join", "the", "space");
        assertThat(forms("Can't join the Space")).containsExactly("can't", "join", "the", "space");
        assertThat(forms("it does  not load")).containsExactly("it", "doesn't", "load");
    }

    @Test
    void theContractionSpansBothWordsOfTheText() {
        String text = "I can not wait";
        Token merged = SocialTokenizer.tokens(text, 0, text.length()).get(1);
        assertThat(text.substring(merged.start(), merged.end())).isEqualTo("can not");
    }

    @Test
    void leavesNotAloneWhereItDoesNotFollowAnAuxiliaryDirectly() {
        assertThat(forms("not bad")).containsExactly("not", "bad");
        assertThat(forms("yes I can, not today")).containsExactly("yes", "i", "can", ",", "not", "today");
        assertThat(forms("why not")).containsExactly("why", "not");
    }
}
