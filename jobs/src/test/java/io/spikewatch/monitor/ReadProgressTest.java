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

    @Test
    void theEndOfABurstIsMarkedOnceTheIntervalIsOver() {
        progress.onRead(5_000, 1_000);
        progress.onRead(6_000, 1_010);
        progress.onRead(7_000, 1_020);

        assertThat(progress.flushAt()).contains(1_100L);
        assertThat(progress.flush(1_050)).as("too soon").isEmpty();
        assertThat(progress.flush(1_100)).contains(new ReadMark(7_000, 1_100));
        assertThat(progress.flushAt()).as("everything marked").isEmpty();
        assertThat(progress.flush(5_000)).isEmpty();
    }

    @Test
    void theEndOfTheInputMarksWhatIsLeftAtOnce() {
        progress.onRead(5_000, 1_000);
        progress.onRead(6_000, 1_010);

        assertThat(progress.finish(1_011)).contains(new ReadMark(6_000, 1_011));
        assertThat(progress.finish(1_012)).isEmpty();
    }
}
