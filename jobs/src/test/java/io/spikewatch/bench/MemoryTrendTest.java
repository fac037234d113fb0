package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTrendTest {

    private static final long MIB = 1024L * 1024L;
    private static final long MAX_HEAP = 2048 * MIB;

    /** {@code n} samples 10 s apart, 1,000 posts apart, with heap after GC {@code base + slope * posts} MiB. */
    private static List<HeapSample> line(int n, double baseMib, double mibPerPost) {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long posts = 1_000L * i;
            long afterGc = (long) ((baseMib + mibPerPost * posts) * MIB);
            samples.add(new HeapSample(Duration.ofSeconds(10L * i), posts, afterGc + 300 * MIB, afterGc, HeapSample.UNKNOWN, 100, i));
        }
        return samples;
    }

    @Test
    void aHeapThatDoesNotMoveIsFlatWithZeroSlope() {
        MemoryTrend trend = MemoryTrend.of(line(30, 1200, 0), MAX_HEAP);

        assertThat(trend.samples()).isEqualTo(30);
        assertThat(trend.posts()).isEqualTo(29_000);
        assertThat(trend.peakAfterGcBytes()).isEqualTo(1200 * MIB);
        assertThat(trend.firstThirdMedianBytes()).isEqualTo(1200 * MIB);
        assertThat(trend.lastThirdMedianBytes()).isEqualTo(1200 * MIB);
        assertThat(trend.mibPer100kPosts()).isCloseTo(0, within(1e-9));
        assertThat(trend.isFlat(64 * MIB)).isTrue();
        assertThat(trend.verdict(64 * MIB)).startsWith("flat: ").contains("0 MiB above").contains("tolerance 64 MiB");
    }

    @Test
    void aLeakIsMeasuredPer100kPostsAndIsNotFlat() {
        // 1 MiB per 1,000 posts = 100 MiB per 100k posts
        MemoryTrend trend = MemoryTrend.of(line(30, 1000, 0.001), MAX_HEAP);

        assertThat(trend.mibPer100kPosts()).isCloseTo(100, within(0.01));
        // first third: samples 0-9, median between 4 and 5 (4,500 posts); last third: 20-29 (24,500 posts)
        assertThat(trend.growthBytes()).isCloseTo(20 * MIB, within(MIB / 100));
        assertThat(trend.isFlat(64 * MIB)).isTrue();
        assertThat(trend.isFlat(10 * MIB)).isFalse();
        assertThat(trend.verdict(10 * MIB)).isEqualTo(
                "grows 100.0 MiB per 100k posts: the last third's median heap after GC is 20 MiB above the first's (tolerance 10 MiB)");
    }

    @Test
    void aHeapThatFillsThenStaysIsFlatThoughItsSlopeIsPositive() {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long afterGc = (1000 + Math.min(i, 5) * 20) * MIB; // +100 MiB over the first 5 samples, then level
            samples.add(new HeapSample(Duration.ofSeconds(i), 1_000L * i, afterGc, afterGc, HeapSample.UNKNOWN, i, i));
        }

        MemoryTrend trend = MemoryTrend.of(samples, MAX_HEAP);

        assertThat(trend.mibPer100kPosts()).isPositive();
        assertThat(trend.firstThirdMedianBytes()).isEqualTo(1090 * MIB);
        assertThat(trend.lastThirdMedianBytes()).isEqualTo(1100 * MIB);
        assertThat(trend.peakAfterGcBytes()).isEqualTo(1100 * MIB);
        assertThat(trend.isFlat(64 * MIB)).isTrue();
    }

    @Test
    void samplesWithoutAnAfterGcValueAreLeftOutAndTooFewGiveNoVerdict() {
        List<HeapSample> samples = new ArrayList<>(line(5, 1000, 0));
        samples.add(0, new HeapSample(Duration.ZERO, 0, 900 * MIB, HeapSample.UNKNOWN, HeapSample.UNKNOWN, HeapSample.UNKNOWN, 0));

        MemoryTrend trend = MemoryTrend.of(samples, MAX_HEAP);

        assertThat(trend.samples()).isEqualTo(5);
        assertThat(trend.hasVerdict()).isFalse();
        assertThat(trend.isFlat(Long.MAX_VALUE)).isFalse();
        assertThat(trend.verdict(64 * MIB)).startsWith("no verdict: 5 sample(s)");
    }

    @Test
    void noCollectionAtAllLeavesEveryValueUnknown() {
        MemoryTrend trend = MemoryTrend.of(List.of(new HeapSample(Duration.ZERO, 10, MIB, HeapSample.UNKNOWN, HeapSample.UNKNOWN, 0, 0)), MAX_HEAP);

        assertThat(trend.samples()).isZero();
        assertThat(trend.posts()).isEqualTo(10);
        assertThat(trend.peakAfterGcBytes()).isEqualTo(HeapSample.UNKNOWN);
        assertThat(trend.mibPer100kPosts()).isNaN();
        assertThat(trend.slopeText()).isEqualTo("n/a");
    }

    @Test
    void theSlopeIsNotDefinedWhenNoPostWasIndexedBetweenSamples() {
        List<HeapSample> samples = List.of(
                new HeapSample(Duration.ofSeconds(1), 50, MIB, 100 * MIB, HeapSample.UNKNOWN, 0, 1),
                new HeapSample(Duration.ofSeconds(2), 50, MIB, 200 * MIB, HeapSample.UNKNOWN, 0, 2));

        assertThat(MemoryTrend.of(samples, MAX_HEAP).mibPer100kPosts()).isNaN();
    }

    @Test
    void theLiveHeapOfAFullCollectionIsPreferredToThePassiveValue() {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // passive values swing with garbage not yet collected; the live heap stays at 1000 MiB
            long passive = (1000 + (i % 2) * 400) * MIB;
            samples.add(new HeapSample(Duration.ofSeconds(i), 100L * i, 1800 * MIB, passive, 1000 * MIB, 0, i));
        }

        MemoryTrend trend = MemoryTrend.of(samples, MAX_HEAP);

        assertThat(trend.peakAfterGcBytes()).isEqualTo(1000 * MIB);
        assertThat(trend.mibPer100kPosts()).isCloseTo(0, within(1e-9));
    }
}
