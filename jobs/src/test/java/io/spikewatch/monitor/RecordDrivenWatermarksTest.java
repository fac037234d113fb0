package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecordDrivenWatermarksTest {

    @Test
    void eachRecordThatRaisesTheHighestEventTimeMovesTheWatermarkAtOnce() {
        RecordDrivenWatermarks<String> generator = new RecordDrivenWatermarks<>(Duration.ofMinutes(2));
        EmittedWatermarks output = new EmittedWatermarks();

        generator.onEvent("a", 1_000_000, output);
        generator.onEvent("late", 900_000, output);
        generator.onEvent("same time", 1_000_000, output);
        generator.onEvent("b", 1_030_000, output);

        assertThat(output.watermarks).as("highest event time less 2 minutes less 1 ms, once per advance")
                .containsExactly(1_000_000L - 120_000 - 1, 1_030_000L - 120_000 - 1);
    }

    @Test
    void nothingIsEmittedOnTheTimerSoTheWatermarkDependsOnTheRecordsAlone() {
        RecordDrivenWatermarks<String> generator = new RecordDrivenWatermarks<>(Duration.ofSeconds(10));
        EmittedWatermarks output = new EmittedWatermarks();

        generator.onPeriodicEmit(output);
        generator.onEvent("a", 50_000, output);
        generator.onPeriodicEmit(output);

        assertThat(output.watermarks).containsExactly(39_999L);
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThatThrownBy(() -> new RecordDrivenWatermarks<>(Duration.ofSeconds(-1))).hasMessageContaining("out-of-orderness");
    }
}
