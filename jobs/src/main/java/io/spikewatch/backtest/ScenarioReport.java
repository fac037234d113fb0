package io.spikewatch.backtest;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SpikeKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ScenarioEvaluation} found: each labelled volume window with the first episode that
 * started in it, the episodes that started outside every window of their series while the whole
 * stream had a labelled spike (co-spikes), and those that started outside any (false starts).
 *
 * @param starts every VOLUME and FLATLINE episode start, in series then time order (escalations are not listed)
 */
public record ScenarioReport(List<Window> windows, List<Start> coSpikes, List<Start> falseStarts, List<Start> starts) {

    public ScenarioReport {
        windows = List.copyOf(windows);
        coSpikes = List.copyOf(coSpikes);
        falseStarts = List.copyOf(falseStarts);
        starts = List.copyOf(starts);
    }

    /**
     * An alert: an episode that started or escalated, raised when its bucket closed, with that
     * bucket's count and expectation.
     */
    public record Start(String seriesKey, SpikeKind kind, EpisodePhase phase, Instant raisedAt, double value, double expected) {}

    /**
     * A labelled volume window.
     *
     * @param firstStart when the first VOLUME alert of its series inside it was raised, or null
     */
    public record Window(String seriesKey, Instant start, Instant end, double peakMultiplier, Instant firstStart, Duration maxDelay) {

        /** From the window's start to its first alert; null when none was raised in it. */
        public Duration delay() {
            return firstStart == null ? null : Duration.between(start, firstStart);
        }

        /** An alert was raised in it within the allowed delay. */
        public boolean hit() {
            return firstStart != null && delay().compareTo(maxDelay) <= 0;
        }
    }

    public long hits() {
        return windows.stream().filter(Window::hit).count();
    }

    /** Prints the table: one line per window (hit, delay), then the false starts. */
    public void print(PrintWriter out, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        out.printf(Locale.ROOT, "%-26s %-16s %-6s %6s %-6s %s%n", "series", "window start", "end", "peak", "hit", "delay (min)");
        for (Window window : windows) {
            out.printf(Locale.ROOT, "%-26s %-16s %-6s %5.1fx %-6s %s%n", window.seriesKey(), time.format(window.start()),
                    time.format(window.end()).substring(11), window.peakMultiplier(), window.hit() ? "yes" : "NO",
                    window.delay() == null ? "-" : Long.toString(window.delay().toMinutes()));
        }
        out.printf(Locale.ROOT, "hits: %d of %d windows within %d min; co-spikes: %d; false starts: %d%n", hits(), windows.size(),
                windows.isEmpty() ? 0 : windows.get(0).maxDelay().toMinutes(), coSpikes.size(), falseStarts.size());
        for (Start start : coSpikes) {
            out.printf(Locale.ROOT, "  co-spike    %-26s %-8s %s  %.0f posts, %.1f expected%n", start.seriesKey(), start.kind(),
                    time.format(start.raisedAt()), start.value(), start.expected());
        }
        for (Start start : falseStarts) {
            out.printf(Locale.ROOT, "  false start %-26s %-8s %s  %.0f posts, %.1f expected%n", start.seriesKey(), start.kind(),
                    time.format(start.raisedAt()), start.value(), start.expected());
        }
    }
}
