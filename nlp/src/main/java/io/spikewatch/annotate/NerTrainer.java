package io.spikewatch.annotate;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Trains a CoreNLP {@link CRFClassifier} for social text from CoNLL-style gold sentences, with
 * the feature set in {@code ner/crf-features.properties}. Labels are the three scored types
 * (PERSON, LOCATION, ORGANIZATION, organisations folded as {@link ConllNerFile} folds them) and
 * O; unscored types (creative-work, product) are trained as O, so the model does not learn to
 * call a product an organisation. The result loads like any CoreNLP NER model
 * ({@link AnnotatorConfig.Builder#nerModels}).
 */
public final class NerTrainer {

    /** The CRF's feature settings, a classpath resource. */
    public static final String FEATURES_RESOURCE = "/io/spikewatch/annotate/ner/crf-features.properties";

    /** The label of a token outside every scored entity. */
    static final String OUTSIDE = "O";

    private NerTrainer() {}

    /**
     * Trains on the sentences and writes the model (gzip-serialized, as CoreNLP reads it).
     *
     * @param out where to write the model; its folder must exist
     * @throws IllegalArgumentException when there is nothing to train on or the folder is missing
     */
    public static void train(List<ConllSentence> sentences, Path out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentence to train on");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(out + ": the folder to write the model to does not exist");
        }
        Path columns = Files.createTempFile("spikewatch-ner-train", ".tsv");
        try {
            writeColumns(sentences, columns);
            Properties properties = features();
            CRFClassifier<CoreLabel> crf = new CRFClassifier<>(properties);
            crf.train(columns.toString());
            crf.serializeClassifier(out.toString());
        } finally {
            Files.deleteIfExists(columns);
        }
    }

    /** The training file CoreNLP reads: {@code token<TAB>label}, a blank line between sentences. */
    static void writeColumns(List<ConllSentence> sentences, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ConllSentence sentence : sentences) {
                String[] labels = labels(sentence);
                for (int i = 0; i < labels.length; i++) {
                    writer.write(sentence.tokens().get(i));
                    writer.write('\t');
                    writer.write(labels[i]);
                    writer.write('\n');
                }
                writer.write('\n');
            }
        }
    }

    /** One label per token: the scored type of the gold entity covering it, else O. */
    static String[] labels(ConllSentence sentence) {
        String[] labels = new String[sentence.tokens().size()];
        Arrays.fill(labels, OUTSIDE);
        for (TokenSpan span : sentence.gold()) {
            for (int i = span.first(); i < span.end(); i++) {
                labels[i] = span.type().name();
            }
        }
        return labels;
    }

    static Properties features() {
        Properties properties = new Properties();
        try (InputStream in = NerTrainer.class.getResourceAsStream(FEATURES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + FEATURES_RESOURCE);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FEATURES_RESOURCE, e);
        }
        return properties;
    }
}
