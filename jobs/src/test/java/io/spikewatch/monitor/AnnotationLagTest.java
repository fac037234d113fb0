package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnnotationLagTest {

    private static final long MINUTE = 60_000;

    private final AnnotationLag lag = new AnnotationLag(Duration.ofMinutes(2), 1_000);

    @Test
    void aPostWaitsFromTheFirstMarkAtOrPastItsEventTimeUntilItsAnnotation() {
        // the fast path read a minute of events per wall-clock second
        for (int i = 0; i <= 10; i++) {
            lag.onRead(new ReadMark(i * MINUTE, 1_000_000 + i * 1_000L));
        }

        lag.onAnnotated(3 * MINUTE, 1_009_500);
        assertThat(lag.lagMillis()).isEqualTo(6_500);
        assertThat(lag.eventTimeLagMillis()).isEqualTo(7 * MINUTE);

        lag.onAnnotated(3 * MINUTE + 1, 1_009_500);
        assertThat(lag.lagMillis()).as("between two marks: the later one").isEqualTo(5_500);
    }

    @Test
    void aPostPastEveryMarkHasNoLag() {
        lag.onRead(new ReadMark(MINUTE, 1_000));

        lag.onAnnotated(2 * MINUTE, 50_000);

        assertThat(lag.lagMillis()).isZero();
        assertThat(lag.eventTimeLagMillis()).isZero();
    }

    @Test
    void beforeAnyMarkEverythingIsZero() {
        lag.onAnnotated(MINUTE, 50_000);

        assertThat(lag.lagMillis()).isZero();
        assertThat(lag.eventTimeLagMillis()).isZero();
    }

    @Test
    void marksOlderThanTheAnnotatedProgressMinusTheOutOfOrdernessAreForgotten() {
        for (int i = 0; i <= 10; i++) {
            lag.onRead(new ReadMark(i * MINUTE, i * 1_000L));
        }

        lag.onAnnotated(6 * MINUTE, 20_000);

        assertThat(lag.marks()).as("marks from minute 4 on").isEqualTo(7);
        lag.onAnnotated(4 * MINUTE, 20_000);
        assertThat(lag.lagMillis()).isEqualTo(16_000);
    }

    @Test
    void aMarkThatDoesNotAdvanceIsIgnored() {
        lag.onRead(new ReadMark(2 * MINUTE, 1_000));
        lag.onRead(new ReadMark(MINUTE, 2_000));

        lag.onAnnotated(MINUTE, 3_000);

        assertThat(lag.marks()).isEqualTo(1);
        assertThat(lag.lagMillis()).isEqualTo(2_000);
    }

    @Test
    void atMostTheGivenNumberOfMarksIsKeptThroughGrowthAndCompaction() {
        AnnotationLag small = new AnnotationLag(Duration.ZERO, 100);
        for (int i = 0; i < 1_000; i++) {
            small.onRead(new ReadMark(i, 10_000L + i));
        }

        assertThat(small.marks()).isEqualTo(100);
        small.onAnnotated(950, 20_000);
        assertThat(small.lagMillis()).isEqualTo(20_000 - 10_950);
        assertThat(small.eventTimeLagMillis()).isEqualTo(49);
    }

    @Test
    void badBoundsAreRefusedNamingThem() {
        assertThatThrownBy(() -> new AnnotationLag(Duration.ofSeconds(-1), 10)).hasMessageContaining("out-of-orderness");
        assertThatThrownBy(() -> new AnnotationLag(Duration.ZERO, 0)).hasMessageContaining("marks");
    }
}
