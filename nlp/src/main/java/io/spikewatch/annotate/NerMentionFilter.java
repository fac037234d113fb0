package io.spikewatch.annotate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cleans the statistical NER's mentions in social text, where CoreNLP's newswire models take a
 * capitalised exclamation for a name:
 * <ul>
 *   <li>tokens with no letter or digit at either end of a mention (an emoji after "Morty", a
 *       quote) are not part of it;
 *   <li>a mention whose every word carries sentiment in the lexicon ("Damn", "Nice", "Cool Ass",
 *       "LOL") is an exclamation, not an entity, and is dropped. A tracked entity is never
 *       dropped this way: tracked matches are merged in afterwards ({@link MentionMerger}).
 * </ul>
 * Thread-safe.
 */
final class NerMentionFilter {

    private final SocialLexicon lexicon;

    NerMentionFilter(SocialLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /**
     * @param words the mention's tokens as CoreNLP read them
     * @return {@code [first, end)}, the tokens to keep, or null when the mention is no entity
     */
    int[] keep(List<String> words) {
        int first = 0;
        int end = words.size();
        while (first < end && !hasLetterOrDigit(words.get(first))) {
            first++;
        }
        while (end > first && !hasLetterOrDigit(words.get(end - 1))) {
            end--;
        }
        if (first == end) {
            return null;
        }
        boolean allSentiment = true;
        for (int i = first; i < end && allSentiment; i++) {
            allSentiment = !Double.isNaN(lexicon.valence(words.get(i).toLowerCase(Locale.ROOT)));
        }
        return allSentiment ? null : new int[] {first, end};
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
