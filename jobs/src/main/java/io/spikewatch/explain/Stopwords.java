package io.spikewatch.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Words that never explain a spike on their own (the list is {@code stopwords.txt} next to this class). */
final class Stopwords {

    private static final Set<String> WORDS = load();

    private Stopwords() {}

    static boolean contains(String lowercaseWord) {
        return WORDS.contains(lowercaseWord);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Stopwords.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords.txt is missing next to " + Stopwords.class.getName());
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
        return Set.copyOf(words);
    }
}
