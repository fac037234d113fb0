package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.index.IndexNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBenchmarkBuilderTest {

    @TempDir
    Path dir;

    @Test
    void refusesTheProductionIndicesSinceItDeletesItsOwn() {
        assertThatThrownBy(() -> MemoryBenchmark.builder().indices(IndexNames.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refuses the production prefix 'spikewatch'");
    }

    @Test
    void aScenarioDirectoryMustHoldThePostsAndStatements() throws Exception {
        Files.writeString(dir.resolve("posts.ndjson"), "");
        assertThatThrownBy(() -> MemoryBenchmark.builder().scenario(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario: '" + dir + "' holds no posts.ndjson and statements.ndjson");
    }

    @Test
    void refusesNonsenseSettingsNamingThem() {
        assertThatThrownBy(() -> MemoryBenchmark.builder().posts(0)).hasMessageStartingWith("posts:");
        assertThatThrownBy(() -> MemoryBenchmark.builder().interval(Duration.ofMillis(5))).hasMessageStartingWith("interval:");
        assertThatThrownBy(() -> MemoryBenchmark.builder().flatToleranceMib(-1)).hasMessageStartingWith("flat tolerance:");
        assertThatThrownBy(() -> MemoryBenchmark.builder().rulesFile(dir.resolve("missing.yaml"))).hasMessageStartingWith("alert rules:");
        assertThatThrownBy(() -> MemoryBenchmark.builder().annotationParallelism(0)).hasMessageStartingWith("annotation parallelism:");
    }

    @Test
    void needsAnElasticsearchConnectionAWorkDirectoryAndRules() {
        assertThatThrownBy(() -> MemoryBenchmark.builder().build(new PrintWriter(new StringWriter())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Elasticsearch connection");
    }
}
