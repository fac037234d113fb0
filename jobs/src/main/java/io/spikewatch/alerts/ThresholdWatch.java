package io.spikewatch.alerts;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Turns per-minute counts of a series into THRESHOLD spikes for one {@code threshold} rule: an
 * episode starts when the posts of the last {@code window} minutes reach {@code count}, is
 * reported every minute it stays there, and ends at the first minute it falls below.
 *
 * <p>Severity is {@value #SEVERITY_AT_THRESHOLD} at the threshold and grows in proportion to
 * the count, reaching 100 at twice the threshold. The spike's peak value is the highest count
 * over the window, its expected value the threshold. Feed minutes in event-time order; a minute
 * older than the last one seen is ignored (the per-minute metrics already correct late data).
 */
public final class ThresholdWatch {

    static final int SEVERITY_AT_THRESHOLD = 50;
    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final String seriesKey;
    private final ThresholdParams params;

    public ThresholdWatch(String seriesKey, ThresholdParams params) {
        this.seriesKey = seriesKey;
        this.params = params;
    }

    /**
     * Adds the count of {@code minute} to {@code state}.
     *
     * @return the spike report for this minute, or null when no episode runs or ended
     */
    public Spike observe(Instant minute, long count, ThresholdState state) {
        long now = minute.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
        int window = params.windowMinutes();
        if (state.counts == null || state.counts.length != window) {
            state.counts = new long[window];
            state.lastMinuteMillis = Long.MIN_VALUE;
        }
        if (state.lastMinuteMillis != Long.MIN_VALUE && now < state.lastMinuteMillis) {
            return null;
        }
        if (state.lastMinuteMillis != Long.MIN_VALUE && now > state.lastMinuteMillis) {
            long gap = Math.min(window, (now - state.lastMinuteMillis) / MINUTE_MILLIS);
            for (long m = 1; m <= gap; m++) {
                state.counts[slot(state.lastMinuteMillis + m * MINUTE_MILLIS, window)] = 0;
            }
        }
        if (now != state.lastMinuteMillis) {
            state.counts[slot(now, window)] = 0;
        }
        state.counts[slot(now, window)] += count;
        state.lastMinuteMillis = now;
        long sum = 0;
        for (long c : state.counts) {
            sum += c;
        }
        boolean running = state.episodeStartMillis != Long.MIN_VALUE;
        if (sum >= params.count()) {
            EpisodePhase phase;
            if (!running) {
                state.episodeStartMillis = now - (window - 1) * MINUTE_MILLIS;
                state.peakCount = -1;
                phase = EpisodePhase.STARTED;
            } else {
                phase = severity(Math.max(sum, state.peakCount)) > state.reportedSeverity
                        ? EpisodePhase.ESCALATED : EpisodePhase.ONGOING;
            }
            if (sum > state.peakCount) {
                state.peakCount = sum;
                state.peakMillis = now;
            }
            state.reportedSeverity = severity(state.peakCount);
            return spike(state, phase, null);
        }
        if (running) {
            Spike ended = spike(state, EpisodePhase.ENDED, Instant.ofEpochMilli(now));
            state.episodeStartMillis = Long.MIN_VALUE;
            state.peakCount = 0;
            state.reportedSeverity = 0;
            return ended;
        }
        return null;
    }

    private Spike spike(ThresholdState state, EpisodePhase phase, Instant end) {
        return new Spike(seriesKey, SpikeKind.THRESHOLD, phase, Instant.ofEpochMilli(state.episodeStartMillis),
                Instant.ofEpochMilli(state.peakMillis), end, state.reportedSeverity, state.peakCount, params.count(), null);
    }

    int severity(long sum) {
        long scaled = Math.round((double) SEVERITY_AT_THRESHOLD * sum / params.count());
        return (int) Math.min(AlertRule.MAX_SEVERITY, scaled);
    }

    private static int slot(long minuteMillis, int window) {
        return (int) Math.floorMod(minuteMillis / MINUTE_MILLIS, (long) window);
    }
}
