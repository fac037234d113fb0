package io.spikewatch.explain;

import io.spikewatch.annotate.TrackedEntities;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a post contributes to a spike's explanation, each counted once per post: its terms
 * (words and short phrases, lowercased, without function words), its hashtags and @handles, and
 * the tracked entities it names (found by alias, handle and hashtag; cheap enough to run ahead of
 * NLP on every post). Function words are those of English and of the post's language
 * ({@link Stopwords}): "vor dem Interview mit Trump" gives "interview mit trump", not "mit trump".
 *
 * <p>Terms are unigrams, bigrams of two content words, and trigrams whose middle word may be a
 * function word ("unable to join"), so the phrases people repeat during a spike surface whole. A
 * phrase does not end in a possessive: "ahead of tonight's" lacks what it was about ("musk's
 * interview" is a phrase, "tonight's" a word).
 */
public record PostFeatures(Set<String> terms, Set<String> hashtags, Set<String> handles, Set<String> entities) {

    private static final int MIN_WORD_LENGTH = 2;
    /** Marks punctuation or an emoji between words: no phrase spans it. */
    static final String BREAK = "";

    public PostFeatures {
        terms = Set.copyOf(terms);
        hashtags = Set.copyOf(hashtags);
        handles = Set.copyOf(handles);
        entities = Set.copyOf(entities);
    }

    /**
     * @param lang the post's language tag, or null when not known (its function words are then
     *     English only)
     */
    public static PostFeatures of(String text, String lang, TrackedEntities tracked) {
        Stopwords stopwords = Stopwords.forLanguage(lang);
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> handles = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (String token : tokens(text)) {
            if (token.startsWith("#") && token.length() > 1) {
                hashtags.add(token);
                words.add(null);
            } else if (token.startsWith("@") && token.length() > 1) {
                handles.add(token);
                words.add(null);
            } else {
                words.add(token.isEmpty() ? null : stopwords.withoutElision(token));
            }
        }
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String first = words.get(i);
            if (!isContent(first, stopwords)) {
                continue;
            }
            terms.add(first);
            String second = i + 1 < words.size() ? words.get(i + 1) : null;
            if (isContent(second, stopwords) && !isPossessive(second)) {
                terms.add(first + " " + second);
            }
            String third = i + 2 < words.size() ? words.get(i + 2) : null;
            if (second != null && isContent(third, stopwords) && !isContent(second, stopwords) && !isPossessive(third)) {
                terms.add(first + " " + second + " " + third);
            }
        }
        return new PostFeatures(terms, hashtags, handles, tracked.namedIn(text));
    }

    private static boolean isPossessive(String word) {
        return word.endsWith("'s");
    }

    private static boolean isContent(String word, Stopwords stopwords) {
        return word != null && word.length() >= MIN_WORD_LENGTH && !stopwords.contains(word)
                && !word.chars().allMatch(Character::isDigit);
    }

    /**
     * Splits text into lowercase words, #hashtags and @handles; URLs are dropped. Letters, digits,
     * apostrophes inside words and '_' make up words; everything else separates them, and
     * punctuation or an emoji between two words is kept as a {@link #BREAK}.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (text.startsWith("http://", i) || text.startsWith("https://", i)) {
                while (i < n && !Character.isWhitespace(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                continue;
            }
            boolean marker = (cp == '#' || cp == '@') && i + 1 < n && isWordChar(text.codePointAt(i + 1));
            if (marker || isWordChar(cp)) {
                int start = i;
                i += Character.charCount(cp);
                while (i < n) {
                    int next = text.codePointAt(i);
                    boolean innerApostrophe = (next == '\'' || next == '’') && i + 1 < n && Character.isLetter(text.codePointAt(i + 1));
                    if (!isWordChar(next) && !innerApostrophe) {
                        break;
                    }
                    i += Character.charCount(next);
                }
                tokens.add(text.substring(start, i).replace('’', '\'').toLowerCase(Locale.ROOT));
            } else {
                if (isClauseBreak(cp) && !tokens.isEmpty() && !tokens.get(tokens.size() - 1).isEmpty()) {
                    tokens.add(BREAK);
                }
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    private static boolean isClauseBreak(int cp) {
        return ",.;:!?()[]{}\"“”|…—–".indexOf(cp) >= 0 || Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }
}
