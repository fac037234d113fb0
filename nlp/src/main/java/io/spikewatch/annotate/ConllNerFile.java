package io.spikewatch.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads named-entity gold data in the CoNLL/WNUT layout: one {@code token<TAB>tag} a line (more
 * columns may come between; the tag is the last), a blank line between sentences, tags {@code O},
 * {@code B-type} and {@code I-type}. An {@code I-} tag that does not continue an entity of its
 * type starts one, as the CoNLL scorer reads it.
 *
 * <p>Types fold into the three Spikewatch scores ({@link #scoredType}): WNUT's corporation and
 * group (and CoNLL's ORG, WNUT 2016's company and sportsteam) become {@link EntityType#ORGANIZATION};
 * person/PER and location/LOC/geo-loc are kept; every other type (creative-work, product, MISC)
 * is not scored and is listed in {@link Contents#unscoredTypes()}.
 */
public final class ConllNerFile {

    /** Value of {@code limit} meaning every sentence. */
    public static final int ALL = Integer.MAX_VALUE;

    private static final Map<String, EntityType> SCORED = Map.ofEntries(
            Map.entry("person", EntityType.PERSON),
            Map.entry("per", EntityType.PERSON),
            Map.entry("location", EntityType.LOCATION),
            Map.entry("loc", EntityType.LOCATION),
            Map.entry("geo-loc", EntityType.LOCATION),
            Map.entry("corporation", EntityType.ORGANIZATION),
            Map.entry("group", EntityType.ORGANIZATION),
            Map.entry("organization", EntityType.ORGANIZATION),
            Map.entry("organisation", EntityType.ORGANIZATION),
            Map.entry("org", EntityType.ORGANIZATION),
            Map.entry("company", EntityType.ORGANIZATION),
            Map.entry("sportsteam", EntityType.ORGANIZATION));

    /** The sentences read and the entity types the file has that are not scored. */
    public record Contents(List<ConllSentence> sentences, Set<String> unscoredTypes) {
        public Contents {
            sentences = List.copyOf(sentences);
            unscoredTypes = Set.copyOf(unscoredTypes);
        }
    }

    private ConllNerFile() {}

    /** The scored type a gold type name stands for, ignoring case; empty when it is not scored. */
    public static Optional<EntityType> scoredType(String goldType) {
        return Optional.ofNullable(SCORED.get(goldType.toLowerCase(Locale.ROOT)));
    }

    /**
     * @param limit the most sentences to read, or {@link #ALL}
     * @throws IllegalArgumentException naming the file and line of a malformed line, or when the
     *         file has no sentence
     * @throws IOException when the file cannot be read
     */
    public static Contents read(Path file, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        List<ConllSentence> sentences = new ArrayList<>();
        Set<String> unscored = new TreeSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            SentenceBuilder current = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null && sentences.size() < limit) {
                number++;
                if (line.isBlank()) {
                    if (current != null) {
                        sentences.add(current.build());
                        current = null;
                    }
                    continue;
                }
                if (current == null) {
                    current = new SentenceBuilder(number);
                }
                current.add(file, number, line, unscored);
            }
            if (current != null && sentences.size() < limit) {
                sentences.add(current.build());
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException(file + ": no sentence (expected token<TAB>tag lines)");
        }
        return new Contents(sentences, unscored);
    }

    private static final class SentenceBuilder {
        private final int line;
        private final List<String> tokens = new ArrayList<>();
        private final List<TokenSpan> gold = new ArrayList<>();
        private EntityType openType;
        private String openName;
        private int openFirst = -1;

        SentenceBuilder(int line) {
            this.line = line;
        }

        void add(Path file, int number, String text, Set<String> unscored) {
            String[] columns = text.split("\t");
            if (columns.length < 2) {
                columns = text.trim().split("\\s+");
            }
            if (columns.length < 2 || columns[0].isEmpty()) {
                throw new IllegalArgumentException(file + ":" + number + ": expected token<TAB>tag but was '" + text + "'");
            }
            String tag = columns[columns.length - 1].trim();
            int index = tokens.size();
            tokens.add(columns[0]);
            if (tag.equals("O")) {
                close(index);
                return;
            }
            if (tag.length() < 3 || tag.charAt(1) != '-' || (tag.charAt(0) != 'B' && tag.charAt(0) != 'I')) {
                throw new IllegalArgumentException(file + ":" + number + ": tag '" + tag + "' is not O, B-type or I-type");
            }
            String name = tag.substring(2);
            boolean continues = tag.charAt(0) == 'I' && name.equals(openName);
            if (continues) {
                return;
            }
            close(index);
            openName = name;
            openFirst = index;
            openType = scoredType(name).orElse(null);
            if (openType == null) {
                unscored.add(name);
            }
        }

        private void close(int end) {
            if (openName != null && openType != null) {
                gold.add(new TokenSpan(openType, openFirst, end));
            }
            openName = null;
            openType = null;
            openFirst = -1;
        }

        ConllSentence build() {
            close(tokens.size());
            return new ConllSentence(line, tokens, gold);
        }
    }
}
