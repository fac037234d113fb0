package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadProgressTest {

    private final ReadProgress progress = new ReadProgress(Duration.ofMillis(100));

    @Test
    void theFirstPostIsMarked() {
        assertThat(progress.onRead(5_000, 1_000)).contains(new ReadMark(5_000, 1_000));
    }

    @Test
    void anAdvanceWithinTheIntervalWaitsForTheNextMark() {
        progress.onRead(5_000, 1_000);

        assertThat(progress.onRead(6_000, 1_050)).isEmpty();
        assertThat(progress.onRead(7_000, 1_100)).contains(new ReadMark(7_000, 1_100));
    }

    @Test
    void aPostThatDoesNotAdvanceTheEventTimeIsNeverMarked() {
        progress.onRead(5_000, 1_000);

        assertThat(progress.onRead(4_000, 5_000)).isEmpty();
        assertThat(progress.onRead(5_000, 5_000)).isEmpty();
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new ReadProgress(Duration.ofMillis(-1))).hasMessageContaining("interval");
    }
}
