package io.spikewatch.annotate;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.neural.Embedding;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;

/**
 * Word vectors for the polarity classifier: the 50-dimensional vectors of 103,142 lower-case
 * words that CoreNLP's neural coreference system reads ({@value #RESOURCE}, in the CoreNLP models
 * jar the annotator already needs). Words are looked up lower-cased with every digit read as 0,
 * the vocabulary's own convention; a contraction it lacks as a whole is split the way CoreNLP
 * tokenizes it ("don't" as "do" and "n't", "i'm" as "i" and "'m"). Held as one float array
 * (21 MB) and a map of the words to their rows, 31 MiB retained in all; read once per JVM.
 * Immutable and thread-safe.
 */
public final class WordVectors {

    /** The classpath resource of the vectors, in CoreNLP's models jar. */
    public static final String RESOURCE = "edu/stanford/nlp/models/coref/neural/english-embeddings.ser.gz";

    private static final LoadedOnce<WordVectors> STANDARD = new LoadedOnce<>(WordVectors::read);

    private final Map<String, Integer> rows;
    private final float[] values;
    private final int dimension;

    private WordVectors(Map<String, float[]> vectors, int dimension) {
        this.dimension = dimension;
        this.rows = new HashMap<>(vectors.size() * 4 / 3 + 1);
        this.values = new float[vectors.size() * dimension];
        int row = 0;
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            if (e.getValue().length != dimension) {
                throw new IllegalArgumentException("the vector of '" + e.getKey() + "' has " + e.getValue().length
                        + " dimensions, expected " + dimension);
            }
            System.arraycopy(e.getValue(), 0, values, row * dimension, dimension);
            rows.put(e.getKey(), row++);
        }
    }

    /** Vectors given directly (for tests): keys are the lower-case forms looked up. */
    static WordVectors of(Map<String, float[]> vectors, int dimension) {
        return new WordVectors(vectors, dimension);
    }

    /** CoreNLP's coreference word vectors, read from the classpath on first use. */
    public static WordVectors standard() {
        return STANDARD.get();
    }

    /** Forgets the shipped one, so it can be collected ({@link SharedModels#release()}). */
    static void releaseStandard() {
        STANDARD.clear();
    }

    private static WordVectors read() {
        Embedding embedding;
        try {
            embedding = IOUtils.readObjectFromURLOrClasspathOrFileSystem(RESOURCE);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("cannot read CoreNLP's word vectors " + RESOURCE
                    + " (is the stanford-corenlp models jar on the classpath?): " + e.getMessage(), e);
        }
        Map<String, float[]> vectors = new HashMap<>(embedding.size() * 4 / 3 + 1);
        int dimension = -1;
        for (Map.Entry<String, SimpleMatrix> e : embedding.entrySet()) {
            String word = e.getKey();
            if (!word.equals(word.toLowerCase(Locale.ROOT))) {
                continue; // the unknown-word entry "*UNK*": a lower-case lookup never meets it
            }
            SimpleMatrix m = e.getValue();
            float[] v = new float[m.getNumElements()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) m.get(i);
            }
            dimension = v.length;
            vectors.put(word, v);
        }
        return new WordVectors(vectors, dimension);
    }

    public int dimension() {
        return dimension;
    }

    /** How many words have a vector. */
    public int size() {
        return rows.size();
    }

    /**
     * Adds the vector of a word (or of the two parts of a contraction) to {@code sum}.
     *
     * @param word lower-case, as {@link SocialTokenizer} makes words
     * @return how many vectors were added: 0 when the word is unknown, 1, or 2 for a split contraction
     */
    int addTo(double[] sum, String word) {
        String key = digitsAsZero(word.replace('\u2019', '\''));
        Integer row = rows.get(key);
        if (row != null) {
            add(sum, row);
            return 1;
        }
        int apostrophe = key.indexOf('\'');
        if (apostrophe <= 0) {
            return 0;
        }
        int split = key.endsWith("n't") && apostrophe == key.length() - 2 ? apostrophe - 1 : apostrophe;
        Integer first = rows.get(key.substring(0, split));
        Integer second = rows.get(key.substring(split));
        int added = 0;
        if (first != null) {
            add(sum, first);
            added++;
        }
        if (second != null) {
            add(sum, second);
            added++;
        }
        return added;
    }

    private void add(double[] sum, int row) {
        int offset = row * dimension;
        for (int i = 0; i < dimension; i++) {
            sum[i] += values[offset + i];
        }
    }

    private static String digitsAsZero(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '1' && c <= '9') {
                char[] chars = word.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= '1' && chars[j] <= '9') {
                        chars[j] = '0';
                    }
                }
                return new String(chars);
            }
        }
        return word;
    }
}
