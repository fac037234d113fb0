package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseStandardizationTest {

    /** Texts with two dense features far from 0 with a small spread (none in every tenth text), and a word. */
    private static List<PolarityTrainer.Example> examples() {
        Random random = new Random(7);
        List<PolarityTrainer.Example> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String label = PolarityModel.LABELS.get(i % 3);
            Map<String, Double> f = new HashMap<>();
            f.put(PolarityFeatures.BIAS, 1.0);
            if (i % 10 != 0) { // a text with no known word has no vector features
                f.put("vec0", 5.0 + 0.01 * (i % 3) + 0.002 * random.nextGaussian());
                f.put("vec1", -2.0 + 0.02 * random.nextGaussian());
            }
            if (random.nextBoolean()) {
                f.put("w=crashed", 1.0);
            }
            out.add(new PolarityTrainer.Example(label, f));
        }
        return out;
    }

    private static ClassicCounter<String> counter(Map<String, Double> features) {
        ClassicCounter<String> c = new ClassicCounter<>();
        features.forEach(c::setCount);
        return c;
    }

    @Test
    void theRawClassifierScoresRawFeaturesExactlyAsTheFittedOneScoresStandardizedFeatures() {
        List<PolarityTrainer.Example> examples = examples();
        DenseStandardization standardization = DenseStandardization.of(examples, 3.0);
        RVFDataset<String, String> dataset = new RVFDataset<>();
        for (PolarityTrainer.Example e : examples) {
            ClassicCounter<String> standardized = standardization.apply(counter(e.features()));
            dataset.add(new RVFDatum<>(standardized, e.label()));
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(0.5);
        factory.setVerbose(false);
        LinearClassifier<String, String> fitted = factory.trainClassifier(dataset);
        LinearClassifier<String, String> raw = standardization.unapply(fitted);

        for (PolarityTrainer.Example e : examples) {
            Counter<String> onStandardized = fitted.scoresOf(new RVFDatum<>(standardization.apply(counter(e.features()))));
            Counter<String> onRaw = raw.scoresOf(new RVFDatum<>(counter(e.features())));
            for (String label : PolarityModel.LABELS) {
                assertThat(onRaw.getCount(label)).isCloseTo(onStandardized.getCount(label), within(1e-9));
            }
        }
    }

    @Test
    void standardizedDenseFeaturesHaveMeanZeroAndTheChosenSpreadATextWithoutThemCountingAsZero() {
        List<PolarityTrainer.Example> examples = examples();
        DenseStandardization standardization = DenseStandardization.of(examples, 3.0);
        double sum = 0;
        double squares = 0;
        for (PolarityTrainer.Example e : examples) {
            ClassicCounter<String> standardized = standardization.apply(counter(e.features()));
            assertThat(standardized.containsKey("vec0")).isTrue();
            assertThat(standardized.getCount("w=crashed")).isEqualTo(e.features().getOrDefault("w=crashed", 0.0));
            sum += standardized.getCount("vec0");
            squares += standardized.getCount("vec0") * standardized.getCount("vec0");
        }
        assertThat(sum / examples.size()).isCloseTo(0.0, within(1e-9));
        assertThat(Math.sqrt(squares / examples.size())).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void examplesWithoutDenseFeaturesLeaveTheFeaturesAsTheyAre() {
        List<PolarityTrainer.Example> examples = List.of(
                new PolarityTrainer.Example(Sentiment.NEGATIVE, Map.of(PolarityFeatures.BIAS, 1.0, "w=awful", 1.0)),
                new PolarityTrainer.Example(Sentiment.POSITIVE, Map.of(PolarityFeatures.BIAS, 1.0, "w=great", 1.0)),
                new PolarityTrainer.Example(Sentiment.NEUTRAL, Map.of(PolarityFeatures.BIAS, 1.0)));
        DenseStandardization standardization = DenseStandardization.of(examples, 3.0);
        ClassicCounter<String> features = counter(examples.get(0).features());
        assertThat(standardization.apply(features)).isEqualTo(counter(examples.get(0).features()));
    }
}
