package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SocialTextNormalizerTest {

    private final SocialTextNormalizer normalizer = SocialTextNormalizer.standard();

    /** The original text behind the first occurrence of {@code word} in the normalized text. */
    private static String originalOf(NormalizedText n, String word) {
        int at = n.text().indexOf(word);
        assertThat(at).as("'%s' in '%s'", word, n.text()).isGreaterThanOrEqualTo(0);
        return n.originalText(at, at + word.length());
    }

    @Test
    void splitsCamelCaseHashtagsAndMapsEachWordBack() {
        NormalizedText n = normalizer.normalize("Outage: #TwitterBlackout #NBAFinals #trump2024 #fail_whale again");
        assertThat(n.text()).isEqualTo("Outage: Twitter Blackout NBA Finals trump 2024 fail whale again");
        assertThat(originalOf(n, "Twitter")).isEqualTo("Twitter");
        assertThat(originalOf(n, "Blackout")).isEqualTo("Blackout");
        assertThat(originalOf(n, "Twitter Blackout")).isEqualTo("TwitterBlackout");
        assertThat(originalOf(n, "Finals")).isEqualTo("Finals");
        assertThat(originalOf(n, "2024")).isEqualTo("2024");
        int twitter = n.text().indexOf("Twitter");
        assertThat(n.originalStart(twitter)).isEqualTo(n.original().indexOf("TwitterBlackout"));
        assertThat(n.cues().hashtags()).isEqualTo(4);
    }

    @Test
    void hashtagsThatTagThePostStartASentenceOfTheirOwn() {
        NormalizedText n = normalizer.normalize("Ask Donald Trump in Florida #TwitterBlackout #fail \uD83D\uDE02");
        assertThat(n.text()).isEqualTo("Ask Donald Trump in Florida . Twitter Blackout fail \uD83D\uDE02");
        int dot = n.text().indexOf(" . ");
        assertThat(n.originalText(dot + 1, dot + 2)).isEmpty();
        assertThat(originalOf(n, "Florida")).isEqualTo("Florida");
        assertThat(originalOf(n, "Blackout fail")).isEqualTo("Blackout #fail");

        assertThat(normalizer.normalize("Great night! #TwitterBlackout").text()).isEqualTo("Great night! Twitter Blackout");
        assertThat(normalizer.normalize("I love #NewYork so much").text()).isEqualTo("I love New York so much");
    }

    @Test
    void decodesHtmlEntitiesAndMapsTheCharacterToTheWholeEntity() {
        NormalizedText n = normalizer.normalize("Trump &amp; Musk &lt;3 &#8220;live&#8221;");
        assertThat(n.text()).isEqualTo("Trump & Musk <3 \u201Clive\u201D");
        int amp = n.text().indexOf('&');
        assertThat(n.originalText(amp, amp + 1)).isEqualTo("&amp;");
        assertThat(originalOf(n, "Musk")).isEqualTo("Musk");
        assertThat(n.originalStart(n.text().indexOf("Musk"))).isEqualTo(n.original().indexOf("Musk"));
    }

    @Test
    void shortensElongationsToKnownWords() {
        NormalizedText n = normalizer.normalize("sooo goooood and cooool, yesss");
        assertThat(n.text()).isEqualTo("so good and cool, yes");
        assertThat(originalOf(n, "good")).isEqualTo("goooood");
        assertThat(originalOf(n, "yes")).isEqualTo("yesss");
        assertThat(n.cues().elongatedWords()).isEqualTo(4);
    }

    @Test
    void lowercasesShoutedWordsButNotAcronyms() {
        NormalizedText n = normalizer.normalize("The FBI says this is TERRIBLE and the DDOS claim is HORRIBLE");
        assertThat(n.text()).isEqualTo("The FBI says this is terrible and the DDOS claim is horrible");
        assertThat(originalOf(n, "terrible")).isEqualTo("TERRIBLE");
        assertThat(n.cues().shoutedWords()).isEqualTo(2);
    }

    @Test
    void rewritesSlangButNotACapitalLetterAlone() {
        NormalizedText n = normalizer.normalize("u r gr8, idk why the U.S. feed is down");
        assertThat(n.text()).isEqualTo("you are great, I don't know why the U.S. feed is down");
        assertThat(originalOf(n, "great")).isEqualTo("gr8");
        assertThat(originalOf(n, "I don't know")).isEqualTo("idk");
    }

    @Test
    void removesLinksKeepsHandlesAndSetsEmojiApart() {
        NormalizedText n = normalizer.normalize("@elonmusk fix it😡 https://t.co/abc. Now!");
        assertThat(n.text()).isEqualTo("@elonmusk fix it \uD83D\uDE21 . Now!");
        assertThat(n.cues().urls()).isEqualTo(1);
        int emoji = n.text().indexOf("\uD83D\uDE21");
        assertThat(n.originalText(emoji, emoji + 2)).isEqualTo("\uD83D\uDE21");
        assertThat(n.originalStart(emoji)).isEqualTo(n.original().indexOf("\uD83D\uDE21"));
        assertThat(originalOf(n, "Now")).isEqualTo("Now");
        assertThat(originalOf(n, "@elonmusk")).isEqualTo("@elonmusk");
    }

    @Test
    void typographicApostrophesBecomeAscii() {
        NormalizedText n = normalizer.normalize("I can\u2019t join");
        assertThat(n.text()).isEqualTo("I can't join");
        assertThat(originalOf(n, "can't")).isEqualTo("can\u2019t");
    }

    @Test
    void everyNormalizedSpanMapsInsideTheOriginal() {
        String text = "🔥🔥 𝕏 is sooo down &amp; #ElonMusk says DDoS lol http://x.co/1 😂👨‍👩‍👧";
        NormalizedText n = normalizer.normalize(text);
        for (int start = 0; start <= n.text().length(); start++) {
            for (int end = start; end <= n.text().length(); end++) {
                int from = n.originalStart(start);
                int to = n.originalEnd(end);
                assertThat(from).isBetween(0, text.length());
                assertThat(to).isBetween(0, text.length());
            }
        }
        assertThat(originalOf(n, "Elon Musk")).isEqualTo("ElonMusk");
        assertThat(originalOf(n, "𝕏")).isEqualTo("𝕏");
    }

    @Test
    void plainTextIsUnchangedWithAnIdentityMap() {
        String text = "The interview is scheduled for 8 pm Eastern.";
        NormalizedText n = normalizer.normalize(text);
        assertThat(n.text()).isEqualTo(text);
        for (int i = 0; i < text.length(); i++) {
            assertThat(n.originalStart(i)).isEqualTo(i);
            assertThat(n.originalEnd(i + 1)).isEqualTo(i + 1);
        }
        assertThat(n.originalStart(text.length())).isEqualTo(text.length());
        assertThatThrownBy(() -> n.originalStart(text.length() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
