package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerMetricsTest {

    @TempDir
    Path dir;

    /**
     * Gold: Elon Musk (person), X (organisation), Texas (location), Tesla (organisation).
     * Predicted: "Elon Musk" person (right), "X" person (wrong type: a false positive of person and
     * a false negative of organisation), "Texas" location (right), "Musk" alone in the second
     * sentence (wrong span), and nothing for Tesla.
     */
    @Test
    void countsExactSpansPerTypeAndMicroAveragesThem() throws Exception {
        Path file = dir.resolve("tiny.conll");
        Files.writeString(file, String.join("\n",
                "Elon\tB-person", "Musk\tI-person", "runs\tO", "X\tB-corporation", "from\tO", "Texas\tB-location", "",
                "Tesla\tB-corporation", "and\tO", "Musk\tO", ""), StandardCharsets.UTF_8);
        List<ConllSentence> sentences = ConllNerFile.read(file, ConllNerFile.ALL).sentences();

        NerMetrics metrics = NerEvaluation.evaluate(sentences, text -> text.startsWith("Elon")
                ? List.of(mention(text, "Elon Musk", "PERSON"), mention(text, "X", "PERSON"), mention(text, "Texas", "LOCATION"),
                        mention(text, "runs", "MISC"))
                : List.of(mention(text, "Musk", "PERSON")), 2);

        assertThat(metrics.sentences()).isEqualTo(2);
        assertThat(metrics.truePositives(EntityType.PERSON)).isEqualTo(1);
        assertThat(metrics.falsePositives(EntityType.PERSON)).isEqualTo(2);
        assertThat(metrics.falseNegatives(EntityType.PERSON)).isZero();
        assertThat(metrics.precision(EntityType.PERSON)).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(metrics.recall(EntityType.PERSON)).isEqualTo(1.0);
        assertThat(metrics.f1(EntityType.PERSON)).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.f1(EntityType.LOCATION)).isEqualTo(1.0);
        assertThat(metrics.falseNegatives(EntityType.ORGANIZATION)).isEqualTo(2);
        assertThat(metrics.precision(EntityType.ORGANIZATION)).isZero();
        assertThat(metrics.f1(EntityType.ORGANIZATION)).isZero();
        // micro: TP 2, FP 2, FN 2
        assertThat(metrics.microPrecision()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.microRecall()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.microF1()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.table()).contains("overall").containsPattern("person\\s+1\\s+3\\s+1\\s+0\\.3333\\s+1\\.0000\\s+0\\.5000");
    }

    @Test
    void aDuplicateMentionCountsOnce() {
        NerMetrics metrics = new NerMetrics();
        TokenSpan musk = new TokenSpan(EntityType.PERSON, 0, 2);
        metrics.add(List.of(musk), List.of(musk, musk));
        assertThat(metrics.truePositives(EntityType.PERSON)).isEqualTo(1);
        assertThat(metrics.falsePositives(EntityType.PERSON)).isZero();
    }

    private static EntityMention mention(String text, String surface, String type) {
        int start = text.indexOf(surface);
        return new EntityMention(surface, type, start, start + surface.length(), null);
    }
}
