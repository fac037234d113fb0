package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;
import java.time.Duration;

/**
 * Params of a {@code threshold} rule: fire when at least {@code count} posts arrive within any
 * {@code window} (whole minutes, as the series are counted per minute). The spikes it accepts
 * are the {@link ThresholdWatch}'s, whose peak value is the highest count over the window.
 */
public record ThresholdParams(long count, Duration window) implements RuleParams {

    public static final String KEY_COUNT = "count";
    public static final String KEY_WINDOW = "window";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    public ThresholdParams {
        if (count < 1) {
            throw new IllegalArgumentException("expected a count of at least 1 but was " + count);
        }
        if (window.isNegative() || window.isZero() || window.toSeconds() % 60 != 0 || window.getNano() != 0) {
            throw new IllegalArgumentException("expected a window of whole minutes (1m or more) but was "
                    + DurationText.format(window));
        }
    }

    @Override
    public boolean accepts(Spike spike) {
        return spike.peakValue() >= count;
    }

    /** The window in minutes. */
    public int windowMinutes() {
        return Math.toIntExact(window.toMinutes());
    }
}
