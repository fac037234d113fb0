package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class RecordDrivenWatermarksTest {

    /** Records what the generator emits. */
    private static final class Emitted implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    @Test
    void eachRecordThatRaisesTheHighestEventTimeMovesTheWatermarkAtOnce() {
        RecordDrivenWatermarks<String> generator = new RecordDrivenWatermarks<>(Duration.ofMinutes(2));
        Emitted output = new Emitted();

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
        Emitted output = new Emitted();

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
