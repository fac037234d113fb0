package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingOptionsTest {

    @Test
    void aWrongOnOffValueIsRefusedNamingTheOptionAndTheValue() {
        CommandRun result = CommandRun.of("run", "--in", "missing.ndjson", "--index-pending", "maybe");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--index-pending", "expected on or off but was 'maybe'");
    }

    @Test
    void onAndOffAreReadInAnyCaseAndOnIsTheDefault() {
        PendingOptions options = new PendingOptions();
        assertThat(options.indexPending()).isTrue();

        options.indexPending = "OFF";
        assertThat(options.indexPending()).isFalse();
        options.indexPending = "On";
        assertThat(options.indexPending()).isTrue();
    }

    @Test
    void withoutTheOptionACommandGetsPastItsParsing() {
        CommandRun result = CommandRun.of("run", "--in", "missing.ndjson", "--es-url", "http://127.0.0.1:1");

        assertThat(result.errors()).doesNotContain("--index-pending").doesNotContain("Usage:");
    }

    @Test
    void theSummarySaysHowManyPostsAreStillPendingAndWhy() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ok", 29_950L);
        counts.put("failed", 3L);
        counts.put("pending", 47L);

        assertThat(SummaryPrinter.statuses(counts)).isEqualTo("29,950 ok, 3 failed, 47 pending (annotation has not reached them yet)");
        assertThat(SummaryPrinter.statuses(Map.of("ok", 300L))).isEqualTo("300 ok");
        assertThat(SummaryPrinter.statuses(Map.of())).isEqualTo("none");
    }
}
