package io.spikewatch.alerts;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Instant;
import java.util.List;

/** Spikes shaped like the 12 Aug 2024 X Space outage, for the alert tests. */
public final class TestSpikes {

    static final Instant START = Instant.parse("2024-08-13T00:18:00Z");

    private TestSpikes() {}

    static SpikeExplanation outageExplanation() {
        return new SpikeExplanation(
                412, 9, 380,
                new SentimentBreakdown(71, 20, 9, -0.42),
                List.of(new TermWeight("unable to join", 88, 0.1, 80), new TermWeight("ddos", 60, 0.05, 120)),
                List.of(new TermWeight("#TwitterBlackout", 41, 0.0, 41)),
                List.of(new TermWeight("@elonmusk", 30, 1.0, 6)),
                List.of(new TopPost("x-1823", "x", "elonmusk",
                        "There appears to be a massive DDOS attack on 𝕏. Working on shutting it down.", "en",
                        START.plusSeconds(60), 21000, 195_000_000)));
    }

    public static Spike volume(String series, EpisodePhase phase, int severity) {
        return new Spike(series, SpikeKind.VOLUME, phase, START, START.plusSeconds(300),
                phase == EpisodePhase.ENDED ? START.plusSeconds(3600) : null, severity, 412, 9, outageExplanation());
    }

    static Spike of(String series, SpikeKind kind, int severity, double peak, double expected, SpikeExplanation explanation) {
        return new Spike(series, kind, EpisodePhase.STARTED, START, START, null, severity, peak, expected, explanation);
    }

    public static Instant minute(int n) {
        return START.plusSeconds(60L * n);
    }
}
