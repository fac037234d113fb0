package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshnessTest {

    private static final Instant EVENTS = Instant.parse("2024-08-13T00:00:00Z");
    private static final Instant WALL = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    /** Event seconds 0..3 read at wall seconds 0..3. */
    private EmissionLog fourSeconds() throws IOException {
        Path file = dir.resolve("emissions.log");
        try (EmissionLog.Writer writer = new EmissionLog.Writer(file)) {
            for (int s = 0; s < 4; s++) {
                writer.emitted(EVENTS.plusSeconds(s).toEpochMilli(), WALL.plusSeconds(s).toEpochMilli());
            }
        }
        return EmissionLog.read(file);
    }

    private static Freshness.Probe probe(double wallSeconds, Integer newestPost, Integer newestAnnotated) {
        return new Freshness.Probe(WALL.plusMillis(Math.round(wallSeconds * 1000)),
                Optional.ofNullable(newestPost).map(EVENTS::plusSeconds), Optional.ofNullable(newestAnnotated).map(EVENTS::plusSeconds));
    }

    @Test
    void eachSecondReadIsSearchableAtTheFirstProbeHoldingItAndAnnotatedLater() throws IOException {
        List<Freshness.Probe> probes = List.of(
                probe(0.5, null, null),
                probe(1.5, 1, null),
                probe(2.5, 2, 0),
                probe(3.5, 3, 1));

        Freshness freshness = Freshness.of(fourSeconds(), probes);

        // searchable: second 0 at 1.5 (1.5 s), 1 at 1.5 (0.5 s), 2 at 2.5 (0.5 s), 3 at 3.5 (0.5 s)
        assertThat(freshness.searchable().count()).isEqualTo(4);
        assertThat(freshness.searchable().median()).isEqualTo(Duration.ofMillis(500));
        assertThat(freshness.searchable().max()).isEqualTo(Duration.ofMillis(1500));
        // annotated: second 0 at 2.5 (2.5 s), 1 at 3.5 (2.5 s); 2 and 3 never
        assertThat(freshness.annotated().count()).isEqualTo(2);
        assertThat(freshness.annotated().max()).isEqualTo(Duration.ofMillis(2500));
        assertThat(freshness.notAnnotated()).isEqualTo(2);
        assertThat(freshness.notSearchable()).isZero();
        assertThat(freshness.longestUnannotatedWait()).as("second 2, read at 2.0, still waiting at 3.5").isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aSecondNoProbeFoundIsCountedAsNotSearchable() throws IOException {
        Freshness freshness = Freshness.of(fourSeconds(), List.of(probe(3.5, 1, 1)));

        assertThat(freshness.searchable().count()).isEqualTo(2);
        assertThat(freshness.notSearchable()).isEqualTo(2);
        assertThat(freshness.notAnnotated()).isEqualTo(2);
    }

    @Test
    void secondsReadAfterTheLastProbeAreLeftOut() throws IOException {
        Freshness freshness = Freshness.of(fourSeconds(), List.of(probe(1.2, 1, 1)));

        assertThat(freshness.searchable().count()).isEqualTo(2);
        assertThat(freshness.notAnnotated()).isZero();
        assertThat(LatencyTable.freshness(List.of())).contains("read to searchable", "read to annotated");
    }

    @Test
    void withoutProbesNothingIsMeasured() throws IOException {
        Freshness freshness = Freshness.of(fourSeconds(), List.of());

        assertThat(freshness.searchable().count()).isZero();
        assertThat(freshness.notAnnotated()).isZero();
    }
}
