package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'eval ner' and 'train ner' with the real CoreNLP models, on sentences written here. */
class NerCommandsITCase {

    private static final String GOLD = String.join("\n",
            "Barack\tB-person", "Obama\tI-person", "spoke\tO", "in\tO", "Chicago\tB-location", "today\tO", "",
            "omg\tO", "taylor\tB-person", "swift\tI-person", "is\tO", "in\tO", "los\tB-location", "angeles\tI-location", "",
            "I\tO", "love\tO", "my\tO", "iPhone\tB-product", "", "");

    @TempDir
    Path dir;

    @Test
    void evalNerPrintsPerTypeAndOverallScoresForUsAndTheCoreNlpBaseline() throws Exception {
        Path gold = Files.writeString(dir.resolve("gold.conll"), GOLD, StandardCharsets.UTF_8);

        CommandRun result = CommandRun.of("eval", "ner", "--conll", gold.toString(), "--baseline", "corenlp");

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).contains("3 sentences; not scored: product", "corenlp default NER");
        Matcher overall = Pattern.compile("overall\\s+4\\s+(\\d+)\\s+(\\d+)").matcher(result.output());
        assertThat(overall.find()).as(result.output()).isTrue();
        // ours finds all four, the lower-case ones too
        assertThat(overall.group(2)).as(result.output()).isEqualTo("4");
        assertThat(overall.find()).as("the baseline's line").isTrue();

        CommandRun limited = CommandRun.of("eval", "ner", "--conll", gold.toString(), "--limit", "1");
        assertThat(limited.output()).contains("1 sentences").containsPattern("overall\\s+2\\s");
    }

    @Test
    void evalNerNamesTheLineOfABadGoldFile() throws Exception {
        Path gold = Files.writeString(dir.resolve("bad.conll"), "Musk\tB-person\nsays\tB\n", StandardCharsets.UTF_8);

        CommandRun result = CommandRun.of("eval", "ner", "--conll", gold.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("bad.conll:2", "'B'");
    }

    @Test
    void trainNerWritesAModelThatEvalNerCanUse() throws Exception {
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            train.append(GOLD);
        }
        Path trainFile = Files.writeString(dir.resolve("train.conll"), train, StandardCharsets.UTF_8);
        Path model = dir.resolve("models/tiny.crf.ser.gz");

        CommandRun trained = CommandRun.of("train", "ner", "--train", trainFile.toString(), "--out", model.toString());
        assertThat(trained.exitCode()).as(trained.errors()).isZero();
        assertThat(trained.output()).contains("wrote " + model);

        Path gold = Files.writeString(dir.resolve("gold.conll"), GOLD, StandardCharsets.UTF_8);
        CommandRun result = CommandRun.of("eval", "ner", "--conll", gold.toString(), "--ner-models", model.toString());
        assertThat(result.exitCode()).as(result.errors()).isZero();
        // a model that saw these sentences tags them back
        assertThat(result.output()).containsPattern("overall\\s+4\\s+4\\s+4\\s+1\\.0000\\s+1\\.0000\\s+1\\.0000");
    }
}
