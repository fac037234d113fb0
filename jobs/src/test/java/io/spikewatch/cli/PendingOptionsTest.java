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
    void anOverloadSampleOutOfRangeIsRefusedNamingTheOption() {
        CommandRun result = CommandRun.of("run", "--in", "missing.ndjson", "--overload-sample", "0");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--overload-sample: expected a number more than 0 and at most 1, or auto, but was 0");
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
        Map<String, Long> sampled = new LinkedHashMap<>();
        sampled.put("out_of_sample", 9_000L);
        sampled.put("ok", 1_000L);
        assertThat(SummaryPrinter.statuses(sampled))
                .isEqualTo("9,000 out_of_sample (left out of the overload sample: tracked entities, no sentiment), 1,000 ok");
        assertThat(SummaryPrinter.statuses(Map.of())).isEqualTo("none");
    }
}
