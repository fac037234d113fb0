package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.index.IndexNames;
import io.spikewatch.schema.Json;
import io.spikewatch.testing.LocalElasticsearch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands of the README, run the way the launcher runs them, against the real services. */
class CommandLineITCase {

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();

    @TempDir
    Path dir;

    @Test
    void demoRunsTheSeedScenarioAndShowsWhatItIndexed() throws Exception {
        IndexNames indices = elasticsearch.uniqueNames();

        CommandRun result = CommandRun.of("demo", "--posts", "300", "--work-dir", dir.toString(),
                "--es-url", elasticsearch.url(), "--index-prefix", indices.prefix());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Indexed in Elasticsearch:")
                .containsPattern(indices.posts() + " +300 +posts, by annotation status: [0-9,]+ ok")
                .doesNotContain("annotation has not reached them")
                .containsPattern(indices.statements() + " +6 ")
                .contains("Dead letters by reason:", "missing required field 'text'")
                .contains("Most-named tracked entities", "X (platform)")
                .contains("Volume per minute, 12 August 2024")
                .contains("bin/spikewatch es stop");
        ElasticsearchClient client = elasticsearch.client();
        long deadLetters = client.count(c -> c.index(indices.deadLetters())).count();
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("scenario/summary.json").toFile());
        assertThat(deadLetters).isEqualTo(summary.get("malformed_lines").size()).isPositive();
    }

    @Test
    void annotateAddsEntitiesAndSentimentAndKeepsRejectedLines() throws Exception {
        Path in = Files.writeString(dir.resolve("in.ndjson"), String.join("\n",
                "{\"id\":\"1\",\"text\":\"X is down again, great job Elon\",\"lang\":\"en\"}",
                "{\"id\":\"2\"}",
                ""), StandardCharsets.UTF_8);
        Path tracked = Path.of(getClass().getClassLoader().getResource("monitor/tracked-entities.yaml").toURI());
        Path out = dir.resolve("out.ndjson");

        CommandRun result = CommandRun.of("annotate", "--in", in.toString(), "--out", out.toString(), "--tracked-entities", tracked.toString());

        assertThat(result.exitCode()).isEqualTo(AnnotateCommand.EXIT_REJECTS);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode annotated = Json.MAPPER.readTree(lines.get(0));
        assertThat(annotated.get("lang").asText()).isEqualTo("en");
        assertThat(annotated.get("entities")).extracting(e -> e.get("canonical").asText()).contains("X (platform)", "Elon Musk");
        assertThat(annotated.at("/sentiment/label").asText()).isIn("negative", "neutral", "positive");
        assertThat(lines.get(1)).isEqualTo("{\"id\":\"2\"}");
    }

    @Test
    void annotateGivesARepostTheAnnotationOfItsOriginalAndRefusesANegativeCache() throws Exception {
        String post = "{\"id\":\"%s\",\"text\":\"Musk blames a massive DDoS on X\"}";
        Path in = Files.writeString(dir.resolve("reposts.ndjson"),
                String.join("\n", post.formatted("1"), post.formatted("2"), ""), StandardCharsets.UTF_8);
        Path out = dir.resolve("reposts-out.ndjson");

        CommandRun result = CommandRun.of("annotate", "--in", in.toString(), "--out", out.toString(), "--annotation-cache", "10");

        assertThat(result.exitCode()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        JsonNode original = Json.MAPPER.readTree(lines.get(0));
        JsonNode repost = Json.MAPPER.readTree(lines.get(1));
        assertThat(repost.get("entities")).isEqualTo(original.get("entities")).isNotEmpty();
        assertThat(repost.get("sentiment")).isEqualTo(original.get("sentiment"));

        CommandRun negative = CommandRun.of("annotate", "--in", in.toString(), "--out", out.toString(), "--annotation-cache", "-1");
        assertThat(negative.exitCode()).isNotZero();
        assertThat(negative.errors()).contains("--annotation-cache", "-1");
    }

    @Test
    void aWrongOptionValueNamesTheOption() {
        CommandRun result = CommandRun.of("run", "--in", "missing.ndjson", "--speed", "fast");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--speed", "fast");
    }
}
