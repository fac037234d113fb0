package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Trains tiny models on texts written here (no CoreNLP parse: lexical features only). */
class PolarityModelTest {

    private static final PolarityFeatures FEATURES = new PolarityFeatures(SocialLexicon.standard(), WordVectors.standard());
    private static final SocialTextNormalizer NORMALIZER = SocialTextNormalizer.standard();

    private static Map<String, Double> features(String text) {
        NormalizedText n = NORMALIZER.normalize(text);
        return FEATURES.extract(n, 0, n.text().length(), null);
    }

    private static List<PolarityTrainer.Example> examples(String label, String... texts) {
        List<PolarityTrainer.Example> out = new ArrayList<>();
        for (String text : texts) {
            out.add(new PolarityTrainer.Example(label, features(text)));
        }
        return out;
    }

    private static List<PolarityTrainer.Example> corpus() {
        List<PolarityTrainer.Example> all = new ArrayList<>();
        all.addAll(examples(Sentiment.POSITIVE, "love it, great night", "what a great show :)", "so happy tonight",
                "wonderful talk, loved it", "great job, thank you", "best stream ever 😍"));
        all.addAll(examples(Sentiment.NEGATIVE, "this is awful, I hate it", "worst launch ever :(", "so angry, total failure",
                "terrible stream, crashed again", "what a disaster", "not good at all 😡"));
        all.addAll(examples(Sentiment.NEUTRAL, "the stream starts at 8 pm", "interview scheduled for Monday",
                "the space is on X tonight", "he will speak at 9", "the campaign posted a video", "live at noon eastern"));
        return all;
    }

    private static PolarityModel train() {
        return PolarityTrainer.builder().sigmas(List.of(1.0)).minFeatureCount(1).refitOnTrainAndDev(false).build()
                .train(corpus(), corpus(), List.of("test corpus written by PolarityModelTest")).model();
    }

    @Test
    void aTrainedModelSeparatesObviousTextsAndItsProbabilitiesSumToOne() {
        PolarityModel model = train();
        Polarity good = model.predict(features("great show, love it"));
        Polarity bad = model.predict(features("awful, crashed again, I hate it"));
        assertThat(good.label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(good.score()).isPositive();
        assertThat(bad.label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(bad.score()).isNegative();
        assertThat(good.negative() + good.neutral() + good.positive()).isCloseTo(1.0, within(1e-9));
        assertThat(model.description()).first().isEqualTo("test corpus written by PolarityModelTest");
    }

    @Test
    void writesAndReadsBackTheSamePredictionsAndBytes() throws Exception {
        PolarityModel model = train();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        PolarityModel read = PolarityModel.read(new ByteArrayInputStream(bytes.toByteArray()), "model.tsv.gz");
        for (String text : List.of("great show, love it", "awful night", "the talk starts at 8")) {
            Polarity before = model.predict(features(text));
            Polarity after = read.predict(features(text));
            assertThat(after.positive()).isCloseTo(before.positive(), within(1e-4));
            assertThat(after.negative()).isCloseTo(before.negative(), within(1e-4));
        }
        assertThat(read.description()).isEqualTo(model.description());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        train().write(again);
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
    }

    @Test
    void aMalformedModelFileNamesTheLineAndReason() throws Exception {
        String text = "# a model\nformat\tspikewatch-polarity-model 1\nlabels\tnegative\tneutral\tpositive\n"
                + "temperature\t1.0\nclass_shift\t0\t0\t0\nweights\t2\nbias\t0.1\t0\t-0.1\nw=good\t-1\tzero\t1\n";
        assertThatThrownBy(() -> PolarityModel.read(new ByteArrayInputStream(gzip(text)), "broken.tsv.gz"))
                .hasMessage("broken.tsv.gz:8: not a number: 'zero'");
        String wrongFormat = text.replace("model 1", "model 9");
        assertThatThrownBy(() -> PolarityModel.read(new ByteArrayInputStream(gzip(wrongFormat)), "old.tsv.gz"))
                .hasMessageContaining("old.tsv.gz:2: unsupported format");
    }

    @Test
    void theShippedModelLoadsAndSaysWhatItWasTrainedOn() {
        PolarityModel model = PolarityModel.standard();
        assertThat(model.featureCount()).isGreaterThan(1000);
        assertThat(String.join("\n", model.description())).contains("SemEval", "train");
        assertThat(model.predict(features("I love this, great job")).label()).isEqualTo(Sentiment.POSITIVE);
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
