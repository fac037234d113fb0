package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.annotate.PolarityModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'eval sentiment' and 'train sentiment' with the real CoreNLP models, on texts written here. */
class SentimentCommandsITCase {

    private static final String GOLD = String.join("\n",
            "1\tpositive\tI love this, what a great night :)",
            "2\tpositive\tBest stream ever, thank you so much!",
            "3\tnegative\tThis is awful, I hate it",
            "4\tnegative\tWorst launch ever, total disaster",
            "5\tneutral\tThe interview is scheduled for 8 pm Eastern.",
            "6\tneutral\tThe campaign posted the video on Monday.",
            "");

    @TempDir
    Path dir;

    @Test
    void evalSentimentPrintsTheSemEvalScoresForUsAndTheCoreNlpBaseline() throws Exception {
        Path gold = Files.writeString(dir.resolve("gold.tsv"), GOLD, StandardCharsets.UTF_8);

        CommandRun result = CommandRun.of("eval", "sentiment", "--gold", gold.toString(), "--baseline", "corenlp");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).contains("spikewatch (shipped model)", "corenlp (sentiment model",
                "gold \\ pred", "recall");
        Matcher scores = Pattern.compile("n 6  AvgRec ([0-9.]+)  F1_PN ([0-9.]+)  accuracy ([0-9.]+)").matcher(result.output());
        assertThat(scores.find()).as(result.output()).isTrue();
        assertThat(Double.parseDouble(scores.group(1))).isGreaterThanOrEqualTo(2.0 / 3);
        assertThat(scores.find()).as("the baseline's line").isTrue();
        Matcher calibration = Pattern.compile("score calibration error ([0-9.]+) \\(mean score ([-+][0-9.]+), gold positive share - "
                + "negative share ([-+][0-9.]+)\\)").matcher(result.output());
        assertThat(calibration.find()).as(result.output()).isTrue();
        assertThat(Double.parseDouble(calibration.group(3))).as("GOLD holds two of each label").isEqualTo(0.0);

        CommandRun limited = CommandRun.of("eval", "sentiment", "--gold", gold.toString(), "--limit", "2");
        assertThat(limited.output()).contains("n 2  AvgRec");
    }

    @Test
    void evalSentimentNamesTheLineOfABadGoldFile() throws Exception {
        Path gold = Files.writeString(dir.resolve("bad.tsv"), "1\tpositive\tfine\n2\thappy\tvery\n", StandardCharsets.UTF_8);

        CommandRun result = CommandRun.of("eval", "sentiment", "--gold", gold.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("bad.tsv:2", "'happy'");
    }

    @Test
    void trainSentimentWritesAModelThatSaysWhatItWasTrainedOn() throws Exception {
        Path train = Files.writeString(dir.resolve("train.tsv"), GOLD, StandardCharsets.UTF_8);
        Path more = Files.writeString(dir.resolve("more.tsv"), GOLD.lines().limit(3).map(line -> "m" + line + "\n")
                .collect(java.util.stream.Collectors.joining()), StandardCharsets.UTF_8);
        Path dev = Files.writeString(dir.resolve("dev.tsv"), GOLD, StandardCharsets.UTF_8);
        Path out = dir.resolve("model/polarity.tsv.gz");

        CommandRun result = CommandRun.of("train", "sentiment", "--train", train + "," + more, "--dev", dev.toString(),
                "--out", out.toString(), "--sigma", "1", "--min-feature-count", "1", "--date", "2024-08-12");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        PolarityModel model = PolarityModel.read(out);
        assertThat(String.join("\n", model.description()))
                .contains("trained 2024-08-12", "train.tsv (6 texts, sha256 ", "more.tsv (3 texts, sha256 ", "dev.tsv (6 texts",
                        "sigma 1.0");
        assertThat(result.output()).contains("wrote " + out);
    }
}
