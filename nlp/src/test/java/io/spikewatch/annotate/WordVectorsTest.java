package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    private static final WordVectors TINY = WordVectors.of(Map.of(
            "do", new float[] {1, 0},
            "n't", new float[] {0, 1},
            "ca", new float[] {2, 0},
            "i", new float[] {3, 3},
            "'m", new float[] {1, 1},
            "00:00", new float[] {5, 5}), 2);

    @Test
    void aWordIsLookedUpWithItsDigitsAsZeroAndAContractionItLacksIsSplitAsCoreNlpTokenizesIt() {
        double[] sum = new double[2];
        assertThat(TINY.addTo(sum, "do")).isEqualTo(1);
        assertThat(TINY.addTo(sum, "20:15")).isEqualTo(1);
        assertThat(sum).containsExactly(6, 5);

        double[] dont = new double[2];
        assertThat(TINY.addTo(dont, "don't")).isEqualTo(2);
        assertThat(dont).containsExactly(1, 1);
        double[] cant = new double[2];
        assertThat(TINY.addTo(cant, "can\u2019t")).isEqualTo(2);
        assertThat(cant).containsExactly(2, 1);
        double[] im = new double[2];
        assertThat(TINY.addTo(im, "i'm")).isEqualTo(2);
        assertThat(im).containsExactly(4, 4);
    }

    @Test
    void anUnknownWordAddsNothing() {
        double[] sum = new double[2];
        assertThat(TINY.addTo(sum, "xdown")).isZero();
        assertThat(TINY.addTo(sum, "'tis")).isZero();
        assertThat(sum).containsExactly(0, 0);
    }

    @Test
    void coreNlpsVectorsPutWordsOfAFailureNearEachOtherAndFarFromFruit() {
        WordVectors vectors = WordVectors.standard();
        assertThat(vectors.dimension()).isEqualTo(50);
        assertThat(vectors.size()).isGreaterThan(100_000);
        assertThat(cosine(vectors, "crashed", "collapsed")).isGreaterThan(cosine(vectors, "crashed", "banana") + 0.2);
        assertThat(cosine(vectors, "terrible", "awful")).isGreaterThan(cosine(vectors, "terrible", "tuesday") + 0.2);
    }

    private static double cosine(WordVectors vectors, String a, String b) {
        double[] x = new double[vectors.dimension()];
        double[] y = new double[vectors.dimension()];
        assertThat(vectors.addTo(x, a)).as(a).isEqualTo(1);
        assertThat(vectors.addTo(y, b)).as(b).isEqualTo(1);
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return dot / Math.sqrt(xx * yy);
    }
}
