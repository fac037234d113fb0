package io.spikewatch.annotate;

import java.util.Locale;
import java.util.Set;

/**
 * Which texts the sentiment models read, by the language tag their source gives them. The
 * polarity classifier, its lexicons and word vectors, and CoreNLP's sentiment model are all
 * English: a post tagged Spanish or German gets its entities (tracked aliases, handles and
 * hashtags match in any language) but no sentiment, rather than a label that means nothing ("komme
 * nicht in den Space rein" read as neutral). Untagged texts are read, and so are the tags a
 * platform gives text with no language to detect: X's {@code und} (undetermined), {@code zxx} (no
 * linguistic content) and its {@code q*} codes for posts of hashtags, mentions, links or very
 * short text only.
 */
public final class SentimentLanguages {

    /** Why a text's sentiment was not read, as documents record it. */
    public static final String SKIPPED_FOR_LANGUAGE = "language";

    private static final Set<String> NO_LANGUAGE = Set.of("und", "zxx", "qam", "qct", "qht", "qme", "qst");

    private SentimentLanguages() {}

    /**
     * Whether the sentiment models read a text of this language tag.
     *
     * @param lang a BCP 47 or ISO 639 tag ("en", "en-GB", "es"), or null or blank when unknown
     */
    public static boolean reads(String lang) {
        if (lang == null || lang.isBlank()) {
            return true;
        }
        String primary = lang.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.equals("en") || primary.equals("eng") || NO_LANGUAGE.contains(primary);
    }
}
