package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankMedianP90AndMax() {
        List<Duration> tenths = IntStream.rangeClosed(1, 10).map(i -> 11 - i).mapToObj(Duration::ofSeconds).toList();

        LatencyStats stats = LatencyStats.of(tenths);

        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.median()).isEqualTo(Duration.ofSeconds(5));
        assertThat(stats.p90()).isEqualTo(Duration.ofSeconds(9));
        assertThat(stats.max()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void oneValueIsEveryStatisticAndNoneIsZero() {
        assertThat(LatencyStats.of(List.of(Duration.ofMillis(2_300))))
                .isEqualTo(new LatencyStats(1, Duration.ofMillis(2_300), Duration.ofMillis(2_300), Duration.ofMillis(2_300)));
        assertThat(LatencyStats.of(List.of()).count()).isZero();
    }
}
