package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConllSentenceTest {

    private final ConllSentence sentence = new ConllSentence(1,
            List.of("@ElonMusk", "blames", "a", "DDoS", "on", "New", "York", "#TwitterBlackout"), List.of());

    @Test
    void rebuildsTheTextWithTokenOffsets() {
        assertThat(sentence.text()).isEqualTo("@ElonMusk blames a DDoS on New York #TwitterBlackout");
        assertThat(sentence.tokenStarts()).containsExactly(0, 10, 17, 19, 24, 27, 31, 36);
    }

    @Test
    void mapsMentionsToEveryTokenTheyOverlap() {
        String text = sentence.text();
        List<TokenSpan> spans = sentence.spansOf(List.of(
                at(text, "ElonMusk", "PERSON"),          // inside a token: the whole token
                at(text, "New York", "LOCATION"),        // two tokens
                at(text, "Twitter", "ORGANIZATION"),     // a hashtag's part
                at(text, "DDoS", "MISC"),                // not scored
                at(text, "New York", "LOCATION")));      // the same span again
        assertThat(spans).containsExactly(
                new TokenSpan(EntityType.PERSON, 0, 1),
                new TokenSpan(EntityType.LOCATION, 5, 7),
                new TokenSpan(EntityType.ORGANIZATION, 7, 8));
    }

    private static EntityMention at(String text, String surface, String type) {
        int start = text.indexOf(surface);
        return new EntityMention(surface, type, start, start + surface.length(), null);
    }
}
