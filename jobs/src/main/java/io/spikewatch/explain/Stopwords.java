package io.spikewatch.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Words that never explain a spike on their own, for a post's language: the English ones for every
 * post (posts in other languages mix English in), and its own language's when there is a list for
 * it. The lists are {@code stopwords.txt} (English) and {@code stopwords-LANG.txt} next to this
 * class. A listed word that ends in an apostrophe is an elision, cut off the word it is joined to
 * (French "l'entretien" is "entretien").
 */
final class Stopwords {

    /** The languages with a list of their own, by their ISO 639-1 code. */
    static final List<String> LANGUAGES = List.of("de", "es", "fr", "it", "pt");

    private static final Stopwords ENGLISH = new Stopwords(load("stopwords.txt"));
    private static final Map<String, Stopwords> BY_LANGUAGE = LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), lang -> ENGLISH.and(load("stopwords-" + lang + ".txt"))));

    private final Set<String> words;
    private final Set<String> elisions;

    private Stopwords(Set<String> listed) {
        this.words = listed.stream().filter(w -> !w.endsWith("'")).collect(Collectors.toUnmodifiableSet());
        this.elisions = listed.stream().filter(w -> w.endsWith("'")).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The words for a post in {@code lang} (a language tag such as "de" or "pt-BR", or null when not
     * known): English and, when listed, that language.
     */
    static Stopwords forLanguage(String lang) {
        if (lang == null) {
            return ENGLISH;
        }
        // called for every post on the alert path: no pattern, and no copy of a plain "en"
        int end = 0;
        while (end < lang.length() && lang.charAt(end) != '-' && lang.charAt(end) != '_') {
            end++;
        }
        return BY_LANGUAGE.getOrDefault(lang.substring(0, end).toLowerCase(Locale.ROOT), ENGLISH);
    }

    boolean contains(String lowercaseWord) {
        return words.contains(lowercaseWord);
    }

    /** The word without a listed elision it starts with ("l'entretien": "entretien"). */
    String withoutElision(String lowercaseWord) {
        int apostrophe = lowercaseWord.indexOf('\'');
        if (apostrophe > 0 && apostrophe < lowercaseWord.length() - 1
                && elisions.contains(lowercaseWord.substring(0, apostrophe + 1))) {
            return lowercaseWord.substring(apostrophe + 1);
        }
        return lowercaseWord;
    }

    private Stopwords and(Set<String> more) {
        Set<String> listed = new HashSet<>(words);
        listed.addAll(elisions);
        listed.addAll(more);
        return new Stopwords(listed);
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Stopwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing next to " + Stopwords.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String word : line.trim().split("\\s+")) {
                        if (!word.isEmpty()) {
                            words.add(word);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
