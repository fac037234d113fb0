package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OverloadSampleTest {

    private static final long MINUTE = 60_000;
    private final OverloadSample tenth = new OverloadSample(0.1, Duration.ofMinutes(2));

    @Test
    void everyPostIsAnnotatedWhileAnnotationKeepsUpOrBeforeItsProgressIsKnown() {
        long readUpTo = 100 * MINUTE;
        assertThat(IntStream.range(0, 1000).mapToObj(i -> "x-" + i))
                .allMatch(id -> tenth.annotates(id, readUpTo - 2 * MINUTE, readUpTo))
                .allMatch(id -> tenth.annotates(id, 0, Long.MIN_VALUE));
    }

    @Test
    void behindItAnnotatesTheSampleChosenByIdTheSameEveryTime() {
        long readUpTo = 100 * MINUTE;
        long behind = readUpTo - 2 * MINUTE - 1;
        long annotated = IntStream.range(0, 20_000).filter(i -> tenth.annotates("x-" + i, behind, readUpTo)).count();
        assertThat(annotated / 20_000.0).isCloseTo(0.1, within(0.01));
        assertThat(IntStream.range(0, 20_000).mapToObj(i -> "x-" + i))
                .allMatch(id -> tenth.annotates(id, behind, readUpTo) == OverloadSample.inSample(id, 0.1))
                .allMatch(id -> tenth.annotates(id, behind, readUpTo) == new OverloadSample(0.1, Duration.ZERO).annotates(id, behind, readUpTo));
        // a larger sample holds the smaller one
        assertThat(IntStream.range(0, 20_000).mapToObj(i -> "x-" + i).filter(id -> OverloadSample.inSample(id, 0.1)))
                .allMatch(id -> OverloadSample.inSample(id, 0.5));
    }

    @Test
    void anAdaptiveSampleHalvesForEveryTenSecondsFurtherBehindDownToItsFloor() {
        OverloadSample auto = OverloadSample.adaptive(Duration.ofMinutes(2));
        long readUpTo = 100 * MINUTE;
        long halving = OverloadSample.ADAPTIVE_HALVING.toMillis();
        assertThat(auto.isOn()).isTrue();
        assertThat(auto.rateFor(readUpTo - 2 * MINUTE, readUpTo)).isEqualTo(1.0);
        assertThat(auto.rateFor(readUpTo - 2 * MINUTE - halving, readUpTo)).isCloseTo(0.5, within(1e-12));
        assertThat(auto.rateFor(readUpTo - 2 * MINUTE - 3 * halving, readUpTo)).isCloseTo(0.125, within(1e-12));
        assertThat(auto.rateFor(readUpTo - 30 * MINUTE, readUpTo)).isEqualTo(OverloadSample.ADAPTIVE_MIN_RATE);
        assertThat(auto.rateFor(0, Long.MIN_VALUE)).isEqualTo(1.0);

        // the share of posts it annotates is the rate, and the posts annotated further behind are
        // among those annotated nearer
        long nearer = readUpTo - 2 * MINUTE - halving;
        long further = readUpTo - 2 * MINUTE - 3 * halving;
        long annotated = IntStream.range(0, 20_000).filter(i -> auto.annotates("x-" + i, further, readUpTo)).count();
        assertThat(annotated / 20_000.0).isCloseTo(0.125, within(0.01));
        assertThat(IntStream.range(0, 20_000).mapToObj(i -> "x-" + i).filter(id -> auto.annotates(id, further, readUpTo)))
                .allMatch(id -> auto.annotates(id, nearer, readUpTo));
    }

    @Test
    void itSaysWhatItDoes() {
        assertThat(OverloadSample.OFF.describe()).isEqualTo("off, every post annotated");
        assertThat(tenth.describe()).isEqualTo("10% of the posts behind by more than 2m");
        assertThat(OverloadSample.adaptive(Duration.ofMinutes(2)).describe()).isEqualTo(
                "adaptive: every post while annotation keeps up; behind by more than 2m, half as many for every 10s further, down to 1%");
    }

    @Test
    void idsThatDifferInOneCharacterAreSpreadEvenly() {
        // ids of one platform share a prefix and often differ only in their last digits
        long[] byDecile = new long[10];
        IntStream.range(0, 50_000).forEach(i -> byDecile[(int) (OverloadSample.fraction("gen-x-" + String.format("%07d", i)) * 10)]++);
        assertThat(java.util.Arrays.stream(byDecile).boxed()).allSatisfy(n -> assertThat(n).isBetween(4_500L, 5_500L));
    }

    @Test
    void offAnnotatesEveryPostAndBadSettingsAreNamed() {
        assertThat(OverloadSample.OFF.isOn()).isFalse();
        assertThat(OverloadSample.OFF.annotates("x-1", 0, 1000 * MINUTE)).isTrue();
        assertThat(tenth.isOn()).isTrue();
        assertThatThrownBy(() -> new OverloadSample(0, Duration.ZERO)).hasMessageContaining("overload-sample");
        assertThatThrownBy(() -> new OverloadSample(1.5, Duration.ZERO)).hasMessageContaining("overload-sample");
        assertThatThrownBy(() -> new OverloadSample(0.5, Duration.ofSeconds(-1))).hasMessageContaining("overload-after");
    }
}
