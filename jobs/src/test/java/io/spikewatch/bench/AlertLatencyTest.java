package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertLatencyTest {

    private static final Instant START = Instant.parse("2024-08-13T00:00:00Z");
    private static final Instant WALL = Instant.parse("2026-01-01T12:00:00Z");
    private static final double SPEED = 60;

    @TempDir
    Path dir;

    /** A source on a 60x pace: event minute m is emitted at WALL + m seconds, except as given. */
    private EmissionLog paced(long heldBackMillisFromMinute5) throws Exception {
        Path file = dir.resolve("emissions.log");
        try (EmissionLog.Writer writer = new EmissionLog.Writer(file)) {
            for (int minute = 0; minute <= 10; minute++) {
                long delay = minute >= 5 ? heldBackMillisFromMinute5 : 0;
                writer.emitted(START.plus(Duration.ofMinutes(minute)).toEpochMilli(),
                        WALL.plusSeconds(minute).plusMillis(delay).toEpochMilli());
            }
        }
        return EmissionLog.read(file);
    }

    @Test
    void latencyRunsFromTheFirstRecordPastTheSpikesFirstMinute() throws Exception {
        EmissionLog log = paced(0);
        Instant spike = START.plus(Duration.ofMinutes(3));
        AlertArrival arrival = new AlertArrival("a", "started", spike, WALL.plusMillis(6_300), START.plus(Duration.ofMinutes(1)));

        AlertLatency latency = AlertLatency.of(arrival, log, SPEED, Duration.ofMinutes(2), START).orElseThrow();

        assertThat(latency.latency()).isEqualTo(Duration.ofMillis(2_300));
        assertThat(latency.onPace()).isEqualTo(Duration.ofMillis(2_300));
        assertThat(latency.afterWatermark()).isEqualTo(Duration.ofMillis(300));
        assertThat(latency.annotationLag()).as("alert path at minute 6, annotation at minute 1").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aSourceHeldBackShowsOnThePaceNotInTheLatencyFromEmission() throws Exception {
        EmissionLog log = paced(4_000);
        Instant spike = START.plus(Duration.ofMinutes(4));
        AlertArrival arrival = new AlertArrival("a", "started", spike, WALL.plusMillis(9_500), null);

        AlertLatency latency = AlertLatency.of(arrival, log, SPEED, Duration.ofMinutes(2), START).orElseThrow();

        assertThat(latency.latency()).isEqualTo(Duration.ofMillis(500));
        assertThat(latency.onPace()).isEqualTo(Duration.ofMillis(4_500));
        assertThat(latency.annotationLag()).as("nothing annotated: behind by all the stream so far").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theResultSortsStartedAlertsFromTheRest() throws Exception {
        EmissionLog log = paced(0);
        SurgeProfile profile = new SurgeProfile(START, 3, 1, 2, 1, 3, 5, 50);
        Instant spike = START.plus(Duration.ofMinutes(3));
        List<AlertArrival> arrivals = List.of(
                new AlertArrival("a|started", "started", spike, WALL.plusMillis(6_200), spike),
                new AlertArrival("a|ended", "ended", spike, WALL.plusMillis(8_000), spike),
                new AlertArrival("b|started", "started", START.plus(Duration.ofMinutes(30)), WALL.plusMillis(9_000), spike),
                new AlertArrival("shift|x|started|1", "started", spike, WALL.plusMillis(7_000), spike));

        AlertLatencyResult result = AlertLatencyResult.of("overload", profile, SPEED, 5, arrivals, List.of(), log,
                Duration.ofMinutes(2), new AlertLatencyResult.Throughput(100, 400, Duration.ofSeconds(10)),
                Freshness.of(log, List.of()));

        assertThat(result.alerts()).extracting(AlertLatency::alertId).containsExactly("a|started");
        assertThat(result.shifts()).extracting(AlertLatency::alertId).containsExactly("shift|x|started|1");
        assertThat(LatencyTable.shifts(List.of(result))).contains("shift at " + spike + ": latency 3.00s");
        assertThat(result.otherArrivals()).extracting(AlertArrival::alertId).containsExactly("a|ended", "b|started");
        assertThat(result.surgeRate()).isEqualTo(50.0);
        assertThat(result.capacityMultiple()).isEqualTo(10.0);
        assertThat(result.latency().median()).isEqualTo(Duration.ofMillis(2_200));
        assertThat(result.annotated().postsPerSecond()).isEqualTo(10.0);
        assertThat(result.annotated().saturated()).isTrue();
        assertThat(LatencyTable.alerts(List.of(result))).contains("100 of 400 posts").contains("saturated")
                .contains("surge input was 5.0x that").doesNotContain("overload sample");
        AlertLatencyResult sampled = AlertLatencyResult.of("overload", profile, SPEED, 5, arrivals, List.of(), log,
                Duration.ofMinutes(2), new AlertLatencyResult.Throughput(400, 400, Duration.ofSeconds(10), 350),
                Freshness.of(log, List.of()));
        assertThat(LatencyTable.alerts(List.of(sampled))).contains("400 of 400 posts in 10 s (350 of them out of the overload sample");
        assertThat(LatencyTable.summary(List.of(result))).contains("overload").contains("50 (10.0x)").contains("1/1")
                .contains("2.20s / 2.20s / 2.20s");
    }
}
