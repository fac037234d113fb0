package io.spikewatch.annotate;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains a {@link PolarityModel} from featurized labeled texts with CoreNLP's
 * {@link LinearClassifierFactory} (L2-regularised multinomial logistic regression, quasi-Newton):
 * <ol>
 *   <li>for each candidate sigma (the Gaussian prior's width; smaller regularises more), train on
 *       the training texts, then on the development texts fit the temperature (lowest log loss)
 *       and the class shifts (highest AvgRec), and keep the sigma with the best AvgRec;
 *   <li>when {@link Builder#refitOnTrainAndDev} is on (the default), train once more with that
 *       sigma on the training and development texts together and keep the calibration found in
 *       step 1.
 * </ol>
 * The dense features ({@link PolarityFeatures#isDense}) are standardized on the texts of each fit
 * (mean 0, standard deviation {@link Builder#denseFeatureScale}), so the prior weighs them like
 * the indicator features whatever their raw spread; the fitted weights are then mapped back onto
 * the raw values (the means folded into the intercept), so the model file and the annotator read
 * the features as {@link PolarityFeatures} makes them.
 * Deterministic: the same examples in the same order give the same model.
 */
public final class PolarityTrainer {

    /** The default candidate sigmas. */
    public static final List<Double> DEFAULT_SIGMAS = List.of(0.15, 0.25, 0.5);

    /** Features seen in fewer training texts than this are dropped. */
    public static final int DEFAULT_MIN_FEATURE_COUNT = 2;

    /** Candidate temperatures, from sharpening (0.5) to softening (3) the scores. */
    private static final double[] TEMPERATURES = grid(0.5, 3.0, 0.05);

    /** Candidate class shifts for negative and positive (neutral stays 0). */
    private static final double[] SHIFTS = grid(-2.0, 2.0, 0.05);

    /** The default standard deviation of a dense feature after standardization. */
    public static final double DEFAULT_DENSE_FEATURE_SCALE = 3.0;

    /** QN convergence tolerance. */
    private static final double TOLERANCE = 1e-4;

    /**
     * A featurized training text.
     *
     * @param label negative, neutral or positive
     * @param features as {@link PolarityFeatures} makes them
     */
    public record Example(String label, Map<String, Double> features) {
        public Example {
            if (!PolarityModel.LABELS.contains(label)) {
                throw new IllegalArgumentException("label must be one of " + PolarityModel.LABELS + ", was '" + label + "'");
            }
            Objects.requireNonNull(features, "features");
        }
    }

    /**
     * What training produced.
     *
     * @param model the calibrated model
     * @param sigma the chosen sigma
     * @param dev the development scores of the model trained on the training texts alone
     */
    public record Result(PolarityModel model, double sigma, SentimentMetrics dev) {}

    private final List<Double> sigmas;
    private final int minFeatureCount;
    private final boolean refitOnTrainAndDev;
    private final double denseFeatureScale;
    private final Consumer<String> log;

    private PolarityTrainer(Builder builder) {
        this.sigmas = List.copyOf(builder.sigmas);
        this.minFeatureCount = builder.minFeatureCount;
        this.denseFeatureScale = builder.denseFeatureScale;
        this.refitOnTrainAndDev = builder.refitOnTrainAndDev;
        this.log = builder.log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains and calibrates.
     *
     * @param description the lines the model file starts with (what it was trained on); the
     *     trainer adds the sigma, calibration and development scores
     */
    public Result train(List<Example> train, List<Example> dev, List<String> description) {
        if (train.isEmpty() || dev.isEmpty()) {
            throw new IllegalArgumentException("training needs training and development texts, got "
                    + train.size() + " and " + dev.size());
        }
        Result best = null;
        for (double sigma : sigmas) {
            LinearClassifier<String, String> classifier = fit(train, sigma);
            double[][] scores = scores(classifier, dev);
            double temperature = bestTemperature(scores, dev);
            double[] shift = bestShift(scores, dev, temperature);
            SentimentMetrics metrics = evaluate(scores, dev, temperature, shift);
            log.accept(String.format(Locale.ROOT, "sigma %.3g: dev %s (temperature %.2f, shift neg %.2f pos %.2f)",
                    sigma, metrics.summary(), temperature, shift[0], shift[2]));
            if (best == null || metrics.avgRec() > best.dev().avgRec()) {
                best = new Result(new PolarityModel(classifier, temperature, shift, List.of()), sigma, metrics);
            }
        }
        PolarityModel chosen = best.model();
        LinearClassifier<String, String> finalClassifier = chosen.classifier();
        if (refitOnTrainAndDev) {
            List<Example> all = new ArrayList<>(train);
            all.addAll(dev);
            finalClassifier = fit(all, best.sigma());
        }
        List<String> lines = new ArrayList<>(description);
        lines.add(String.format(Locale.ROOT, "classifier: CoreNLP LinearClassifierFactory, L2 sigma %s, features seen in at least %d texts,"
                + " dense features standardized to standard deviation %s while fitting (weights stored for the raw values)",
                best.sigma(), minFeatureCount, denseFeatureScale));
        lines.add(String.format(Locale.ROOT, "calibration on the development texts: temperature %.2f, class shift negative %.2f positive %.2f",
                chosen.temperature(), chosen.classShift()[0], chosen.classShift()[2]));
        lines.add("development scores (model trained on the training texts alone): " + best.dev().summary());
        lines.add(refitOnTrainAndDev ? "final weights: trained on the training and development texts together"
                : "final weights: trained on the training texts alone");
        PolarityModel model = new PolarityModel(finalClassifier, chosen.temperature(), chosen.classShift(), lines);
        return new Result(model, best.sigma(), best.dev());
    }

    /**
     * Featurizes labeled texts on several threads, keeping their order (so training stays
     * deterministic whatever the thread count).
     *
     * @param featurizer thread-safe, such as {@link CoreNlpAnnotator#messageFeatures(String)}
     */
    public static List<Example> featurize(List<LabeledText> texts, Function<String, Map<String, Double>> featurizer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Example>> futures = new ArrayList<>(texts.size());
            for (LabeledText text : texts) {
                futures.add(pool.submit(() -> new Example(text.label(), featurizer.apply(text.text()))));
            }
            List<Example> examples = new ArrayList<>(texts.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    examples.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("text '" + texts.get(i).id() + "': " + e.getCause().getMessage(), e.getCause());
                }
            }
            return examples;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while featurizing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private LinearClassifier<String, String> fit(List<Example> examples, double sigma) {
        DenseStandardization standardization = DenseStandardization.of(examples, denseFeatureScale);
        RVFDataset<String, String> dataset = new RVFDataset<>(examples.size());
        for (Example example : examples) {
            dataset.add(new RVFDatum<>(standardization.apply(counter(example.features())), example.label()));
        }
        if (minFeatureCount > 1) {
            dataset.applyFeatureCountThreshold(minFeatureCount);
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setTol(TOLERANCE);
        factory.setVerbose(false);
        long started = System.nanoTime();
        LinearClassifier<String, String> classifier = standardization.unapply(factory.trainClassifier(dataset));
        log.accept(String.format(Locale.ROOT, "trained on %d texts, %d features, sigma %.3g in %.1f s", examples.size(),
                classifier.featureIndex().size(), sigma, (System.nanoTime() - started) / 1e9));
        return classifier;
    }

    private static ClassicCounter<String> counter(Map<String, Double> features) {
        ClassicCounter<String> counter = new ClassicCounter<>(features.size());
        for (Map.Entry<String, Double> f : features.entrySet()) {
            counter.setCount(f.getKey(), f.getValue());
        }
        return counter;
    }

    /** The raw class scores of each example, columns in {@link PolarityModel#LABELS} order. */
    private static double[][] scores(LinearClassifier<String, String> classifier, List<Example> examples) {
        double[][] scores = new double[examples.size()][];
        for (int i = 0; i < scores.length; i++) {
            Counter<String> s = classifier.scoresOf(new RVFDatum<String, String>(counter(examples.get(i).features())));
            scores[i] = new double[] {s.getCount(Sentiment.NEGATIVE), s.getCount(Sentiment.NEUTRAL), s.getCount(Sentiment.POSITIVE)};
        }
        return scores;
    }

    private static double bestTemperature(double[][] scores, List<Example> examples) {
        double best = 1.0;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] noShift = new double[3];
        for (double t : TEMPERATURES) {
            double loss = 0;
            for (int i = 0; i < scores.length; i++) {
                double[] logp = logSoftmax(scores[i], t, noShift);
                loss -= logp[PolarityModel.LABELS.indexOf(examples.get(i).label())];
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    private static double[] bestShift(double[][] scores, List<Example> examples, double temperature) {
        double[] best = new double[3];
        double bestAvgRec = -1;
        for (double neg : SHIFTS) {
            for (double pos : SHIFTS) {
                double[] shift = {neg, 0.0, pos};
                double avgRec = evaluate(scores, examples, temperature, shift).avgRec();
                // ties go to the smaller total shift, so an uninformative grid point does not move the model
                if (avgRec > bestAvgRec + 1e-12
                        || (Math.abs(avgRec - bestAvgRec) <= 1e-12 && Math.abs(neg) + Math.abs(pos) < Math.abs(best[0]) + Math.abs(best[2]))) {
                    bestAvgRec = avgRec;
                    best = shift;
                }
            }
        }
        return best;
    }

    private static SentimentMetrics evaluate(double[][] scores, List<Example> examples, double temperature, double[] shift) {
        SentimentMetrics metrics = new SentimentMetrics();
        for (int i = 0; i < scores.length; i++) {
            double[] logp = logSoftmax(scores[i], temperature, shift);
            Polarity p = Polarity.normalized(Math.exp(logp[0]), Math.exp(logp[1]), Math.exp(logp[2]), Polarity.Decision.MOST_PROBABLE);
            metrics.add(examples.get(i).label(), p.label());
        }
        return metrics;
    }

    private static double[] logSoftmax(double[] scores, double temperature, double[] shift) {
        double[] z = new double[scores.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            z[c] = scores[c] / temperature + shift[c];
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        for (int c = 0; c < z.length; c++) {
            z[c] -= log;
        }
        return z;
    }

    private static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.round((from + i * step) * 1e6) / 1e6;
        }
        return values;
    }

    /** Configures a {@link PolarityTrainer}; setters check their values at once. */
    public static final class Builder {
        private List<Double> sigmas = DEFAULT_SIGMAS;
        private int minFeatureCount = DEFAULT_MIN_FEATURE_COUNT;
        private boolean refitOnTrainAndDev = true;
        private double denseFeatureScale = DEFAULT_DENSE_FEATURE_SCALE;
        private Consumer<String> log = line -> { };

        private Builder() {}

        public Builder sigmas(List<Double> sigmas) {
            if (sigmas == null || sigmas.isEmpty()) {
                throw new IllegalArgumentException("sigmas: at least one candidate is needed");
            }
            for (Double s : sigmas) {
                if (s == null || !(s > 0) || s.isInfinite()) {
                    throw new IllegalArgumentException("sigmas: each must be a positive number, was " + s);
                }
            }
            this.sigmas = List.copyOf(sigmas);
            return this;
        }

        public Builder minFeatureCount(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minFeatureCount must be at least 1, was " + count);
            }
            this.minFeatureCount = count;
            return this;
        }

        /** The standard deviation dense features are given while fitting: larger lets the prior allow them more weight. */
        public Builder denseFeatureScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("denseFeatureScale must be a positive number, was " + scale);
            }
            this.denseFeatureScale = scale;
            return this;
        }

        public Builder refitOnTrainAndDev(boolean refit) {
            this.refitOnTrainAndDev = refit;
            return this;
        }

        /** Where progress lines go (default: nowhere). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public PolarityTrainer build() {
            return new PolarityTrainer(this);
        }
    }
}
