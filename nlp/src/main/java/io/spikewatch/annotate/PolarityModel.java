package io.spikewatch.annotate;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The message polarity classifier: a multinomial logistic regression trained with CoreNLP's
 * {@link edu.stanford.nlp.classify.LinearClassifierFactory} on {@link PolarityFeatures}, plus its
 * calibration: a temperature that divides the scores (fitted on held-out data so the
 * probabilities are honest) and a shift per class (tuned on held-out data so the label
 * maximises the mean recall of the three classes). The shift chooses the label only
 * ({@link Polarity.Decision}); the probabilities, and so the score, stay those of the temperature.
 *
 * <p>Stored as gzip'd UTF-8 text: comment lines ({@code # ...}) saying what the model was
 * trained on, then {@code format}, {@code labels}, {@code temperature}, {@code class_shift},
 * {@code weights N} and N lines {@code FEATURE<TAB>w_negative<TAB>w_neutral<TAB>w_positive}. The
 * shipped model is {@value #RESOURCE}; {@code PolarityTrainer} writes it. Immutable and
 * thread-safe.
 */
public final class PolarityModel {

    /** The classpath resource of the shipped model. */
    public static final String RESOURCE = "/io/spikewatch/annotate/sentiment/polarity-model.tsv.gz";

    /** The classes, in the order of the model file's columns. */
    public static final List<String> LABELS = List.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE);

    static final String FORMAT = "spikewatch-polarity-model 1";

    /** Weights smaller than this in every class are left out of the file: they change no score. */
    static final double MIN_WRITTEN_WEIGHT = 1e-4;

    private static final LoadedOnce<PolarityModel> STANDARD = new LoadedOnce<>(PolarityModel::readShipped);

    private final LinearClassifier<String, String> classifier;
    private final double temperature;
    private final double[] classShift;
    private final Polarity.Decision decision;
    private final List<String> description;

    PolarityModel(LinearClassifier<String, String> classifier, double temperature, double[] classShift, List<String> description) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, was " + temperature);
        }
        if (classShift.length != LABELS.size()) {
            throw new IllegalArgumentException("expected one class shift per label " + LABELS + ", got " + classShift.length);
        }
        for (String label : LABELS) {
            if (classifier.labelIndex().indexOf(label) < 0) {
                throw new IllegalArgumentException("the classifier has no label '" + label + "'");
            }
        }
        this.temperature = temperature;
        this.classShift = classShift.clone();
        this.decision = new Polarity.Decision(classShift[0] - classShift[1], classShift[2] - classShift[1]);
        this.description = List.copyOf(description);
    }

    /** The shipped model, read from the classpath on first use. */
    public static PolarityModel standard() {
        return STANDARD.get();
    }

    /** Forgets the shipped one, so it can be collected ({@link SharedModels#release()}). */
    static void releaseStandard() {
        STANDARD.clear();
    }

    private static PolarityModel readShipped() {
        InputStream in = PolarityModel.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the polarity model " + RESOURCE + " is not on the classpath");
        }
        return read(in, RESOURCE);
    }

    /** Reads a model file. */
    public static PolarityModel read(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the polarity model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a gzip'd model and closes the stream.
     *
     * @param source what to call the stream in error messages
     * @throws IllegalArgumentException naming the source and line when the content is malformed
     */
    public static PolarityModel read(InputStream in, String source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            return new Reader(reader, source).read();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read the polarity model: " + e.getMessage(), e);
        }
    }

    /** The belief of the model about a text with these features. */
    public Polarity predict(Map<String, Double> features) {
        ClassicCounter<String> counter = new ClassicCounter<>(features.size());
        for (Map.Entry<String, Double> f : features.entrySet()) {
            counter.setCount(f.getKey(), f.getValue());
        }
        Counter<String> scores = classifier.scoresOf(new RVFDatum<String, String>(counter));
        double[] z = new double[LABELS.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            z[c] = scores.getCount(LABELS.get(c)) / temperature;
            max = Math.max(max, z[c]);
        }
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
        }
        return Polarity.normalized(p[0], p[1], p[2], decision);
    }

    /** The same weights with another calibration. */
    PolarityModel withCalibration(double temperature, double[] classShift, List<String> description) {
        return new PolarityModel(classifier, temperature, classShift, description);
    }

    LinearClassifier<String, String> classifier() {
        return classifier;
    }

    public double temperature() {
        return temperature;
    }

    /** The shift added to each class's scaled score, in {@link #LABELS} order. */
    public double[] classShift() {
        return classShift.clone();
    }

    /** The model file's comment lines: what it was trained on and how. */
    public List<String> description() {
        return description;
    }

    /** How many features carry a weight. */
    public int featureCount() {
        return classifier.featureIndex().size();
    }

    /** Writes the model, gzip'd, and closes nothing. Deterministic: the same model gives the same bytes. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        for (String line : description) {
            writer.write("# " + line.replace('\n', ' ') + "\n");
        }
        writer.write("format\t" + FORMAT + "\n");
        writer.write("labels\t" + String.join("\t", LABELS) + "\n");
        writer.write("temperature\t" + number(temperature) + "\n");
        writer.write("class_shift\t" + number(classShift[0]) + "\t" + number(classShift[1]) + "\t" + number(classShift[2]) + "\n");
        double[][] weights = classifier.weights();
        Index<String> features = classifier.featureIndex();
        int[] column = new int[LABELS.size()];
        for (int c = 0; c < column.length; c++) {
            column[c] = classifier.labelIndex().indexOf(LABELS.get(c));
        }
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            double[] w = weights[f];
            if (Math.abs(w[column[0]]) < MIN_WRITTEN_WEIGHT && Math.abs(w[column[1]]) < MIN_WRITTEN_WEIGHT
                    && Math.abs(w[column[2]]) < MIN_WRITTEN_WEIGHT) {
                continue;
            }
            String name = features.get(f);
            if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("feature name holds a tab or line break: '" + name + "'");
            }
            lines.add(name + "\t" + number(w[column[0]]) + "\t" + number(w[column[1]]) + "\t" + number(w[column[2]]));
        }
        writer.write("weights\t" + lines.size() + "\n");
        for (String line : lines) {
            writer.write(line);
            writer.write('\n');
        }
        writer.flush();
        gzip.finish();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static final class Reader {
        private final BufferedReader in;
        private final String source;
        private int line;

        Reader(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        PolarityModel read() throws IOException {
            List<String> description = new ArrayList<>();
            String text = next();
            while (text != null && text.startsWith("#")) {
                description.add(text.startsWith("# ") ? text.substring(2) : text.substring(1));
                text = next();
            }
            expectKey(text, "format", 2);
            if (!text.split("\t", -1)[1].equals(FORMAT)) {
                throw error("unsupported format '" + text.split("\t", -1)[1] + "', expected '" + FORMAT + "'");
            }
            String[] labels = expectKey(next(), "labels", 4);
            for (int c = 0; c < LABELS.size(); c++) {
                if (!labels[c + 1].equals(LABELS.get(c))) {
                    throw error("labels must be " + LABELS + " in this order");
                }
            }
            double temperature = parse(expectKey(next(), "temperature", 2)[1]);
            String[] shiftFields = expectKey(next(), "class_shift", 4);
            double[] shift = {parse(shiftFields[1]), parse(shiftFields[2]), parse(shiftFields[3])};
            String[] count = expectKey(next(), "weights", 2);
            int n;
            try {
                n = Integer.parseInt(count[1]);
            } catch (NumberFormatException e) {
                throw error("the weight count is not a whole number: '" + count[1] + "'");
            }
            Index<String> featureIndex = new HashIndex<>(n);
            Index<String> labelIndex = new HashIndex<>(LABELS);
            double[][] weights = new double[n][];
            for (int f = 0; f < n; f++) {
                String row = next();
                if (row == null) {
                    throw error("the file ends after " + f + " of " + n + " weight lines");
                }
                String[] fields = row.split("\t", -1);
                if (fields.length != 4) {
                    throw error("expected FEATURE and three weights separated by tabs");
                }
                if (featureIndex.indexOf(fields[0]) >= 0) {
                    throw error("feature '" + fields[0] + "' appears twice");
                }
                featureIndex.add(fields[0]);
                weights[f] = new double[] {parse(fields[1]), parse(fields[2]), parse(fields[3])};
            }
            if (next() != null) {
                throw error("unexpected content after the " + n + " weight lines");
            }
            try {
                return new PolarityModel(new LinearClassifier<>(weights, featureIndex, labelIndex), temperature, shift, description);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        private String next() throws IOException {
            line++;
            return in.readLine();
        }

        private String[] expectKey(String text, String key, int fields) {
            if (text == null) {
                throw error("the file ends where '" + key + "' was expected");
            }
            String[] parts = text.split("\t", -1);
            if (!parts[0].equals(key) || parts.length != fields) {
                throw error("expected '" + key + "' followed by " + (fields - 1) + " tab-separated value(s), found '"
                        + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'");
            }
            return parts;
        }

        private double parse(String number) {
            try {
                double value = Double.parseDouble(number);
                if (!Double.isFinite(value)) {
                    throw error("not a finite number: '" + number + "'");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("not a number: '" + number + "'");
            }
        }

        private IllegalArgumentException error(String reason) {
            return new IllegalArgumentException(source + ":" + line + ": " + reason);
        }
    }
}
