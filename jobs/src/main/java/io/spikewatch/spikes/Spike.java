package io.spikewatch.spikes;

import java.time.Instant;

/**
 * A spike episode as reported at one moment: it has a start, a peak and (once over) an end, and
 * a severity from 0 to 100. Its {@link #id()} is deterministic (series, kind and start), so the
 * reports of one episode overwrite one document and a replay finds the same episode.
 *
 * @param seriesKey the series it happened in: {@code all}, {@code entity:NAME}, {@code query:NAME}, {@code platform:NAME}
 * @param end null while the episode lasts
 * @param severity 0 to 100, the highest reached so far
 * @param explanation null when the detector had nothing to explain it with yet
 * @param waves new waves the episode has had so far ({@link WaveWatch}): a rule notifies each one
 */
public record Spike(
        String seriesKey,
        SpikeKind kind,
        EpisodePhase phase,
        Instant start,
        Instant peak,
        Instant end,
        int severity,
        double peakValue,
        double peakExpected,
        SpikeExplanation explanation,
        int waves) {

    /** A report of an episode without waves (or of a kind that has none). */
    public Spike(String seriesKey, SpikeKind kind, EpisodePhase phase, Instant start, Instant peak, Instant end, int severity,
            double peakValue, double peakExpected, SpikeExplanation explanation) {
        this(seriesKey, kind, phase, start, peak, end, severity, peakValue, peakExpected, explanation, 0);
    }

    /** The same report with {@code explanation}. */
    public Spike withExplanation(SpikeExplanation explanation) {
        return new Spike(seriesKey, kind, phase, start, peak, end, severity, peakValue, peakExpected, explanation, waves);
    }

    public String id() {
        return seriesKey + "|" + kind.name().toLowerCase() + "|" + start;
    }
}
