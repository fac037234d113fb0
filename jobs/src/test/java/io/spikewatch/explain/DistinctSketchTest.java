package io.spikewatch.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistinctSketchTest {

    @Test
    void anEmptySketchCountsNothing() {
        assertThat(DistinctSketch.estimate(DistinctSketch.create())).isZero();
    }

    @Test
    void repeatsAreCountedOnce() {
        byte[] sketch = DistinctSketch.create();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 1_000; i++) {
                DistinctSketch.add(sketch, "user" + i);
            }
        }
        assertThat((double) DistinctSketch.estimate(sketch)).isCloseTo(1_000, within(20.0));
    }

    @Test
    void largeCountsAreWithinAFewStandardErrors() {
        for (int n : new int[] {10_000, 50_000, 300_000}) {
            byte[] sketch = DistinctSketch.create();
            for (int i = 0; i < n; i++) {
                DistinctSketch.add(sketch, "@author_" + i);
            }
            // standard error 0.8%; 3% is more than three of them
            assertThat((double) DistinctSketch.estimate(sketch)).as(n + " distinct").isCloseTo(n, within(n * 0.03));
        }
    }

    @Test
    void mergingGivesTheCountOfTheUnion() {
        byte[] a = DistinctSketch.create();
        byte[] b = DistinctSketch.create();
        for (int i = 0; i < 30_000; i++) {
            DistinctSketch.add(a, "u" + i);
            DistinctSketch.add(b, "u" + (i + 20_000));
        }
        DistinctSketch.merge(a, b);
        assertThat((double) DistinctSketch.estimate(a)).isCloseTo(50_000, within(1_500.0));
    }

    @Test
    void aRegisterArrayOfAnotherSizeIsRefused() {
        assertThatThrownBy(() -> DistinctSketch.add(new byte[16], "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DistinctSketch.REGISTERS + " registers, got 16");
    }
}
