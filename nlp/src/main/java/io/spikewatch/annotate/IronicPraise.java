package io.spikewatch.annotate;

import io.spikewatch.annotate.SocialTokenizer.Kind;
import io.spikewatch.annotate.SocialTokenizer.Token;
import java.util.List;
import java.util.Set;

/**
 * The ironies Spikewatch reads by rule, where the classifier's belief is mirrored (positive and
 * negative probabilities swapped):
 * <ul>
 *   <li>praise that follows a complaint about a service failing ("X is down again, great job
 *       Elon", "crashed twice, thanks @elonmusk"); the praise must follow the failure word
 *       closely, in the same sentence;
 *   <li>a text read as positive that rolls its eyes ({@value #EYE_ROLL}) or looks unamused
 *       ({@value #UNAMUSED}): "great job Elon 🙄", "flawless execution as always 😒";
 *   <li>a text read as positive that is tagged as an outage: a hashtag that names a failure
 *       ("world's best engineers, everyone #TwitterBlackout", "the launch is going great lol
 *       #TwitterDown", "#fail"). "Down" counts only after the name of an online service in the
 *       same hashtag ("#XDown", not "#SmackDown" or "#DragMeDown"), and a blackout, an outage or a
 *       crash only after another word ("#TwitterBlackout", not a "#Blackout" party);
 *   <li>delight at a failure, the contrast of a positive verb and a negative situation (Riloff et
 *       al., "Sarcasm as contrast between a positive sentiment and negative situation", EMNLP
 *       2013): "love how" or "love that" followed in the same sentence by a failure word other
 *       than "down", or a "can't" ("love how the richest man on earth can't run a livestream").
 * </ul>
 *
 * <p>Why a rule: the SemEval tweets the classifier learns from almost never hold this pattern
 * (in the training set, praise after a complaint is sincere), while outage chatter, which
 * Spikewatch exists to catch, is full of it. The rule asks for an outage word before the praise,
 * so on the SemEval sets it changes next to nothing (see nlp/README.md for the count). Thread-safe.
 */
final class IronicPraise {

    /** Words that say a service is failing. */
    private static final Set<String> OUTAGE = Set.of(
            "down", "crash", "crashed", "crashes", "crashing", "broken", "broke", "outage", "outages", "offline",
            "glitch", "glitches", "glitching", "lag", "lagging", "laggy", "error", "errors", "fail", "failed", "failing",
            "fails", "failure", "unable", "ddos", "hacked", "buffering", "frozen");

    /** Emoji that mark what they follow as sarcasm. */
    static final String EYE_ROLL = "\uD83D\uDE44";
    static final String UNAMUSED = "\uD83D\uDE12";

    /** Failures a hashtag names after another word: "#TwitterBlackout", "#AppCrash". */
    private static final Set<String> OUTAGE_TAG = Set.of("blackout", "outage", "crash");

    /** A hashtag's word that marks failure on its own: "#fail", "#EpicFail". */
    private static final String FAIL_TAG = "fail";

    /** Online services whose hashtag with "down" reports an outage: "#TwitterDown", "#XDown". */
    private static final Set<String> SERVICES = Set.of(
            "twitter", "x", "instagram", "insta", "ig", "facebook", "fb", "meta", "whatsapp", "youtube", "yt", "tiktok",
            "snapchat", "reddit", "discord", "threads", "bluesky", "twitch", "gmail", "google", "icloud", "outlook",
            "teams", "zoom", "slack", "netflix", "spotify", "aws", "azure", "cloudflare", "github", "chatgpt", "openai",
            "psn", "xbox", "steam", "paypal", "venmo", "server", "servers", "site", "app", "website", "internet", "wifi");

    /** Words that follow "love" to open a delighted contrast: "love how ...", "love that ...". */
    private static final Set<String> CONTRAST_OPENERS = Set.of("how", "that");

    /** Inabilities that make a negative situation after "love how". */
    private static final Set<String> INABILITY = Set.of("can't", "couldn't", "won't");

    /** The praise must come within this many tokens after the failure word. */
    private static final int MAX_GAP = 8;

    /** Single words of praise or thanks. */
    private static final Set<String> PRAISE_WORDS = Set.of("thanks", "thx", "bravo", "congrats", "congratulations", "kudos");

    /** Two-word praise: an adjective then its noun. */
    private static final Set<String> PRAISE_ADJECTIVES = Set.of("great", "good", "nice", "excellent", "amazing", "fantastic", "stellar");
    private static final Set<String> PRAISE_NOUNS = Set.of("job", "work", "move");

    private IronicPraise() {}

    /**
     * Whether the normalized span [from, to) holds a sarcasm emoji, or praises at most
     * {@value #MAX_GAP} tokens after naming a failure, in the same sentence (no '.', '!' or '?'
     * between).
     */
    static boolean appliesTo(NormalizedText text, int from, int to) {
        List<Token> tokens = SocialTokenizer.tokens(text.text(), from, to);
        int failureAt = -1;
        boolean delighted = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.EMOJI && (token.text().equals(EYE_ROLL) || token.text().equals(UNAMUSED))) {
                return true;
            }
            if (token.kind() == Kind.EMPHASIS || (token.kind() == Kind.PUNCTUATION && token.text().equals("."))) {
                failureAt = -1;
                delighted = false;
                continue;
            }
            if (token.kind() != Kind.WORD) {
                continue;
            }
            if (tagsAnOutage(text, tokens, i)) {
                return true;
            }
            boolean failure = OUTAGE.contains(token.text());
            if (delighted && (INABILITY.contains(token.text()) || (failure && !token.text().equals("down")))) {
                return true;
            }
            if (failure) {
                failureAt = i;
            } else if (failureAt >= 0 && i - failureAt <= MAX_GAP && isPraise(tokens, i)) {
                return true;
            } else if (token.text().equals("love") && i + 1 < tokens.size() && CONTRAST_OPENERS.contains(tokens.get(i + 1).text())) {
                delighted = true;
            }
        }
        return false;
    }

    /** Whether word {@code i} ends a hashtag's report of a failure (see the class comment). */
    private static boolean tagsAnOutage(NormalizedText text, List<Token> tokens, int i) {
        String word = tokens.get(i).text();
        boolean down = word.equals("down");
        if (!down && !word.equals(FAIL_TAG) && !OUTAGE_TAG.contains(word)) {
            return false;
        }
        int hashtag = hashtagStart(text, tokens.get(i));
        if (hashtag < 0) {
            return false;
        }
        if (word.equals(FAIL_TAG)) {
            return true;
        }
        boolean afterAnotherWord = i > 0 && hashtagStart(text, tokens.get(i - 1)) == hashtag;
        return afterAnotherWord && (!down || SERVICES.contains(tokens.get(i - 1).text()));
    }

    /** Where the hashtag holding this word starts in the original text (its '#'), or -1 when the word is not in one. */
    private static int hashtagStart(NormalizedText text, Token token) {
        String original = text.original();
        int at = text.originalStart(token.start());
        while (at > 0 && (Character.isLetterOrDigit(original.charAt(at - 1)) || original.charAt(at - 1) == '_')) {
            at--;
        }
        return at > 0 && original.charAt(at - 1) == '#' ? at - 1 : -1;
    }

    private static boolean isPraise(List<Token> tokens, int i) {
        String word = tokens.get(i).text();
        if (PRAISE_WORDS.contains(word)) {
            return true;
        }
        if (word.equals("thank") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("you")) {
            return true;
        }
        if (word.equals("well") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("done")) {
            return true;
        }
        return PRAISE_ADJECTIVES.contains(word) && i + 1 < tokens.size() && PRAISE_NOUNS.contains(tokens.get(i + 1).text());
    }

    /** The belief with positive and negative swapped when the rule applies, else unchanged. */
    static Polarity apply(NormalizedText text, int from, int to, Polarity polarity) {
        if (polarity.positive() > polarity.negative() && appliesTo(text, from, to)) {
            return polarity.mirrored();
        }
        return polarity;
    }
}
