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
 *       ({@value #UNAMUSED}): "great job Elon 🙄", "flawless execution as always 😒".
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
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.EMOJI && (token.text().equals(EYE_ROLL) || token.text().equals(UNAMUSED))) {
                return true;
            }
            if (token.kind() == Kind.EMPHASIS || (token.kind() == Kind.PUNCTUATION && token.text().equals("."))) {
                failureAt = -1;
                continue;
            }
            if (token.kind() != Kind.WORD) {
                continue;
            }
            if (OUTAGE.contains(token.text())) {
                failureAt = i;
            } else if (failureAt >= 0 && i - failureAt <= MAX_GAP && isPraise(tokens, i)) {
                return true;
            }
        }
        return false;
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
