package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void readsTheTextOfEveryPost() throws Exception {
        Path file = dir.resolve("posts.ndjson");
        Files.writeString(file, "{\"id\":\"1\",\"text\":\"Musk on 𝕏\"}\n\n{\"id\":\"2\",\"text\":\"down again\"}\n", StandardCharsets.UTF_8);
        assertThat(AnnotationBenchmark.readTexts(file)).containsExactly("Musk on 𝕏", "down again");
    }

    @Test
    void aPostWithoutTextIsAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("bad.ndjson");
        Files.writeString(file, "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AnnotationBenchmark.readTexts(file))
                .hasMessageContaining("bad.ndjson:2: expected an object with a string 'text'");
    }

    @Test
    void theShippedBenchmarkPostsAreThreeHundredTweetSizedTexts() throws Exception {
        List<String> texts = AnnotationBenchmark.readTexts(Path.of("src/test/resources/benchmark-posts.ndjson"));
        assertThat(texts).hasSize(300).allSatisfy(t -> assertThat(t.length()).isBetween(10, 280));
    }

    @Test
    void tableShowsPostsPerSecondAndHeapInMib() {
        BenchmarkResult r = new BenchmarkResult("lean", 300, 2, Duration.ofSeconds(3), Duration.ofSeconds(2),
                512L * 1024 * 1024, 1024L * 1024 * 1024);
        assertThat(r.postsPerSecond()).isEqualTo(150.0);
        String table = AnnotationBenchmark.table(List.of(r));
        assertThat(table.lines().toList()).hasSize(2);
        assertThat(table.lines().toList().get(1)).contains("lean", "300", "150.0", "512", "1024");
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new AnnotationBenchmark(0, 10)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new AnnotationBenchmark(2, -1)).hasMessageContaining("warmupTexts");
    }
}
