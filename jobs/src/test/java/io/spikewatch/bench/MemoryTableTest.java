package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTableTest {

    private static final long MIB = 1024L * 1024L;

    @Test
    void aRowShowsTheRateSinceTheRowBeforeAndMebibytes() {
        HeapSample first = new HeapSample(Duration.ofSeconds(5), 1_000, 1500 * MIB, 1100 * MIB, HeapSample.UNKNOWN, 900, 12);
        HeapSample second = new HeapSample(Duration.ofSeconds(65), 13_000, 1600 * MIB, 1150 * MIB, HeapSample.UNKNOWN, 20_000, 40);

        assertThat(MemoryTable.row(first, null).trim().split("\\s+")).containsExactly("0:05", "1,000", "1500", "1100", "n/a", "900", "12");
        assertThat(MemoryTable.row(second, first).trim().split("\\s+"))
                .containsExactly("1:05", "13,000", "200.0", "1600", "1150", "n/a", "20,000", "40");
    }

    @Test
    void unknownValuesAreNamedNotPrintedAsNumbers() {
        HeapSample sample = new HeapSample(Duration.ZERO, 0, 10 * MIB, HeapSample.UNKNOWN, HeapSample.UNKNOWN, HeapSample.UNKNOWN, 0);

        assertThat(MemoryTable.row(sample, null)).contains("n/a").contains("off").doesNotContain("-1");
    }

    @Test
    void theSummaryLabelsEveryNumber() {
        List<HeapSample> samples = List.of(
                new HeapSample(Duration.ofSeconds(1), 0, MIB, 1000 * MIB, HeapSample.UNKNOWN, 0, 1),
                new HeapSample(Duration.ofSeconds(2), 100, MIB, 1010 * MIB, HeapSample.UNKNOWN, 0, 2),
                new HeapSample(Duration.ofSeconds(3), 200, MIB, 1000 * MIB, HeapSample.UNKNOWN, 0, 3),
                new HeapSample(Duration.ofSeconds(4), 300, MIB, 1010 * MIB, HeapSample.UNKNOWN, 0, 4),
                new HeapSample(Duration.ofSeconds(5), 400, MIB, 1000 * MIB, HeapSample.UNKNOWN, 0, 5),
                new HeapSample(Duration.ofSeconds(6), 500, MIB, 1020 * MIB, HeapSample.UNKNOWN, 0, 6));

        String summary = MemoryTable.summary(MemoryTrend.of(samples, 2048 * MIB), 64 * MIB, Duration.ofSeconds(75), "G1");

        assertThat(summary).contains("500 posts indexed in 1m 15s; 6 samples")
                .containsPattern("max heap \\(-Xmx\\):\\s+2048 MiB")
                .containsPattern("peak heap after GC:\\s+1020 MiB")
                .containsPattern("median heap after GC, first third:\\s+1005 MiB")
                .containsPattern("median heap after GC, last third:\\s+1010 MiB")
                .containsPattern("growth \\(least squares\\):\\s+\\S+ MiB per 100k posts")
                .containsPattern("verdict:\\s+flat: ");
    }
}
