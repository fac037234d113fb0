package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmissionLogTest {

    private static final long T0 = Instant.parse("2024-08-13T00:00:00Z").toEpochMilli();
    private static final long W0 = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void writesTheFirstRecordOfEachEventSecondAndMapsEventTimeToEmission() throws Exception {
        Path file = dir.resolve("emissions.log");
        try (EmissionLog.Writer writer = new EmissionLog.Writer(file)) {
            writer.emitted(T0, W0);
            writer.emitted(T0 + 400, W0 + 7);          // same event second: not written
            writer.emitted(T0 + 60_000, W0 + 1_000);   // the minute's end
            writer.emitted(T0 + 61_500, W0 + 1_030);
            writer.emitted(T0 + 180_000, W0 + 3_400);  // 400 ms behind a 60x pace
        }
        EmissionLog log = EmissionLog.read(file);

        assertThat(log.entries()).hasSize(4);
        assertThat(log.emittedAt(Instant.ofEpochMilli(T0 + 60_000))).contains(Instant.ofEpochMilli(W0 + 1_000));
        assertThat(log.emittedAt(Instant.ofEpochMilli(T0 + 60_001))).contains(Instant.ofEpochMilli(W0 + 1_030));
        assertThat(log.emittedAt(Instant.ofEpochMilli(T0 + 180_001))).isEmpty();
        assertThat(log.eventTimeAt(Instant.ofEpochMilli(W0 + 1_029))).contains(Instant.ofEpochMilli(T0 + 60_000));
        assertThat(log.eventTimeAt(Instant.ofEpochMilli(W0 - 1))).isEmpty();
        assertThat(log.dueAt(Instant.ofEpochMilli(T0 + 180_000), 60)).contains(Instant.ofEpochMilli(W0 + 3_000));
        assertThat(log.maxBehindPace(60)).isEqualTo(Duration.ofMillis(400));
        assertThat(log.lastEventTime()).contains(Instant.ofEpochMilli(T0 + 180_000));
    }

    @Test
    void aReplayAfterARestartKeepsTheFirstEmissionOfEachSecond() throws Exception {
        Path file = dir.resolve("emissions.log");
        Files.writeString(file, (T0) + " " + W0 + "\n" + (T0 + 1_000) + " " + (W0 + 20) + "\n"
                + (T0 + 1_000) + " " + (W0 + 5_000) + "\n" + (T0 + 2_000) + " " + (W0 + 5_020) + "\n");

        EmissionLog log = EmissionLog.read(file);

        assertThat(log.emittedAt(Instant.ofEpochMilli(T0 + 1_000))).contains(Instant.ofEpochMilli(W0 + 20));
        assertThat(log.entries()).hasSize(3);
    }

    @Test
    void aMissingFileIsEmptyAndABadLineIsNamed() throws Exception {
        assertThat(EmissionLog.read(dir.resolve("none.log")).entries()).isEmpty();
        assertThat(EmissionLog.read(dir.resolve("none.log")).maxBehindPace(60)).isZero();

        Path file = dir.resolve("bad.log");
        Files.writeString(file, T0 + " " + W0 + "\nnot a line\n" + (T0 + 1_000) + " " + W0 + "\n");
        assertThatThrownBy(() -> EmissionLog.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.log:2").hasMessageContaining("'not a line'");

        Path cut = dir.resolve("cut.log");
        Files.writeString(cut, T0 + " " + W0 + "\n" + T0 + "99");
        assertThat(EmissionLog.read(cut).entries()).hasSize(1);
    }
}
