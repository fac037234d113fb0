package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentGoldFileTest {

    @TempDir
    Path dir;

    @Test
    void readsIdLabelTextAndDecodesEscapes() throws Exception {
        Path file = dir.resolve("gold.tsv");
        Files.writeString(file, "1\tpositive\tI can\\u2019t wait\\u002c really\n\n2\tNEGATIVE\tworst\tnight ever\n3\tneutral\tc:\\users\n",
                StandardCharsets.UTF_8);
        List<LabeledText> texts = SentimentGoldFile.read(file);
        assertThat(texts).containsExactly(
                new LabeledText("1", Sentiment.POSITIVE, "I can\u2019t wait, really"),
                new LabeledText("2", Sentiment.NEGATIVE, "worst\tnight ever"),
                new LabeledText("3", Sentiment.NEUTRAL, "c:\\users"));
        assertThat(SentimentGoldFile.read(file, 2)).hasSize(2);
    }

    @Test
    void namesTheFileAndLineOfAMalformedLine() throws Exception {
        Path badLabel = dir.resolve("bad-label.tsv");
        Files.writeString(badLabel, "1\tpositive\tfine\n2\tobjective\tmeh\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SentimentGoldFile.read(badLabel))
                .hasMessageContaining("bad-label.tsv:2").hasMessageContaining("'objective'");

        Path missing = dir.resolve("missing.tsv");
        Files.writeString(missing, "1 positive fine\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SentimentGoldFile.read(missing))
                .hasMessageContaining("missing.tsv:1").hasMessageContaining("expected id<TAB>label<TAB>text");

        Path empty = dir.resolve("empty.tsv");
        Files.writeString(empty, "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SentimentGoldFile.read(empty)).hasMessageContaining("no labeled text");
    }
}
