package io.spikewatch.annotate;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.util.Index;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Standardizes the dense features ({@link PolarityFeatures#isDense}) of a training set to mean 0
 * and a chosen standard deviation, a text without one counting as 0, and maps weights fitted on
 * the standardized values back onto the raw ones: for x' = (x − mean) · scale / sd, a weight w on
 * x' is w · scale / sd on x, and w · scale · mean / sd comes off the intercept
 * ({@link PolarityFeatures#BIAS}). Scores are the same either way, so nothing downstream of
 * training needs to know.
 */
final class DenseStandardization {

    private record Moments(double mean, double sd) {}

    private final Map<String, Moments> moments;
    private final double scale;

    private DenseStandardization(Map<String, Moments> moments, double scale) {
        this.moments = moments;
        this.scale = scale;
    }

    /** The means and standard deviations of the dense features over these examples. */
    static DenseStandardization of(List<PolarityTrainer.Example> examples, double scale) {
        Map<String, double[]> sums = new TreeMap<>();
        for (PolarityTrainer.Example example : examples) {
            for (Map.Entry<String, Double> f : example.features().entrySet()) {
                if (PolarityFeatures.isDense(f.getKey())) {
                    double[] s = sums.computeIfAbsent(f.getKey(), k -> new double[2]);
                    s[0] += f.getValue();
                    s[1] += f.getValue() * f.getValue();
                }
            }
        }
        Map<String, Moments> moments = new TreeMap<>();
        int n = examples.size();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double mean = e.getValue()[0] / n;
            double variance = Math.max(0, e.getValue()[1] / n - mean * mean);
            if (variance > 1e-18) {
                moments.put(e.getKey(), new Moments(mean, Math.sqrt(variance)));
            }
        }
        return new DenseStandardization(moments, scale);
    }

    /** Standardizes the dense features of one text's features, in place, and returns them. */
    ClassicCounter<String> apply(ClassicCounter<String> features) {
        for (Map.Entry<String, Moments> e : moments.entrySet()) {
            Moments m = e.getValue();
            features.setCount(e.getKey(), (features.getCount(e.getKey()) - m.mean()) * scale / m.sd());
        }
        return features;
    }

    /** The classifier that gives the same scores on the raw features as this one on standardized ones. */
    LinearClassifier<String, String> unapply(LinearClassifier<String, String> fitted) {
        if (moments.isEmpty()) {
            return fitted;
        }
        Index<String> features = fitted.featureIndex();
        int bias = features.indexOf(PolarityFeatures.BIAS);
        if (bias < 0) {
            throw new IllegalStateException("the examples have dense features but no '" + PolarityFeatures.BIAS
                    + "' feature to take their means");
        }
        double[][] weights = fitted.weights();
        double[][] raw = new double[weights.length][];
        for (int f = 0; f < weights.length; f++) {
            raw[f] = weights[f].clone();
        }
        for (Map.Entry<String, Moments> e : moments.entrySet()) {
            int f = features.indexOf(e.getKey());
            if (f < 0) {
                continue;
            }
            double factor = scale / e.getValue().sd();
            for (int c = 0; c < raw[f].length; c++) {
                raw[f][c] = weights[f][c] * factor;
                raw[bias][c] -= raw[f][c] * e.getValue().mean();
            }
        }
        return new LinearClassifier<>(raw, features, fitted.labelIndex());
    }
}
