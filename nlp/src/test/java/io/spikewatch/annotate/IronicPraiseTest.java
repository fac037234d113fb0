package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IronicPraiseTest {

    private static final SocialTextNormalizer NORMALIZER = SocialTextNormalizer.standard();

    private static boolean applies(String text) {
        NormalizedText n = NORMALIZER.normalize(text);
        return IronicPraise.appliesTo(n, 0, n.text().length());
    }

    @Test
    void praiseRightAfterAFailureIsIrony() {
        assertThat(applies("X is down again, great job Elon")).isTrue();
        assertThat(applies("space crashed twice, thanks @elonmusk")).isTrue();
        assertThat(applies("stream is buffering for an hour, well done")).isTrue();
    }

    @Test
    void sincerePraiseIsNot() {
        assertThat(applies("great job Elon, the space worked")).isFalse();
        assertThat(applies("The site was down. Thank you for fixing it so fast")).isFalse();
        assertThat(applies("I can't wait, congrats on the launch")).isFalse();
        assertThat(applies("down to earth guy, he helped my family for years and I want to say thanks")).isFalse();
    }

    @Test
    void anEyeRollOrAnUnamusedFaceMarksSarcasm() {
        assertThat(applies("great job Elon \uD83D\uDE44")).isTrue();
        assertThat(applies("flawless execution as always \uD83D\uDE12")).isTrue();
        assertThat(applies("great job Elon \uD83D\uDE00")).isFalse();
    }

    @Test
    void praiseTaggedAsAnOutageIsIrony() {
        assertThat(applies("world's best engineers, everyone #XSpace #TwitterBlackout")).isTrue();
        assertThat(applies("the DeSanctus launch is going great lol #TwitterDown")).isTrue();
        assertThat(applies("refreshing for the 20th time, nothing #XDown")).isTrue();
        assertThat(applies("Good night & good luck! #Windows10Fail")).isTrue();
    }

    @Test
    void hashtagsThatOnlyHoldAFailureWordAreNot() {
        assertThat(applies("Roman and Dean Ambrose tonight, what a show #SmackDown")).isFalse();
        assertThat(applies("best video yet #DragMeDownMusicVideo")).isFalse();
        assertThat(applies("don't sleep on the #Blackout Homecoming Party this Friday")).isFalse();
        assertThat(applies("great ride down the coast #twitter")).isFalse();
    }

    @Test
    void delightAtAFailureIsIrony() {
        assertThat(applies("love how the richest man on earth can't run a livestream")).isTrue();
        assertThat(applies("love how the richest man on earth cannot run a livestream 👏👏")).isTrue();
        assertThat(applies("gotta love that the app crashed right at 6pm")).isTrue();
        assertThat(applies("Really love that the Yankees are putting a beat down on the Red Sox!")).isFalse();
        assertThat(applies("love how you always know what to say")).isFalse();
        assertThat(applies("I love them. Can't wait for the show")).isFalse();
    }

    @Test
    void keepsTheDecisionRuleWhenMirroring() {
        NormalizedText n = NORMALIZER.normalize("great job Elon \uD83D\uDE44");
        Polarity.Decision balanced = new Polarity.Decision(1.3, 0.35);
        Polarity mirrored = IronicPraise.apply(n, 0, n.text().length(), new Polarity(0.1, 0.3, 0.6, balanced));
        assertThat(mirrored).isEqualTo(new Polarity(0.6, 0.3, 0.1, balanced));
        assertThat(mirrored.label()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void mirrorsOnlyAPositiveBelief() {
        NormalizedText n = NORMALIZER.normalize("X is down again, great job Elon");
        int end = n.text().length();
        Polarity praise = new Polarity(0.25, 0.15, 0.6);
        Polarity mirrored = IronicPraise.apply(n, 0, end, praise);
        assertThat(mirrored).isEqualTo(new Polarity(0.6, 0.15, 0.25));
        assertThat(mirrored.label()).isEqualTo(Sentiment.NEGATIVE);
        Polarity alreadyNegative = new Polarity(0.7, 0.2, 0.1);
        assertThat(IronicPraise.apply(n, 0, end, alreadyNegative)).isSameAs(alreadyNegative);
    }
}
