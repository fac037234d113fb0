package io.spikewatch.replay;

import java.io.Serializable;
import java.time.Duration;

/**
 * How fast a replay runs against the wall clock: as fast as possible, or N times real time
 * (1.0 is real time; 60.0 replays an hour of events in a minute).
 */
public final class ReplaySpeed implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final ReplaySpeed AS_FAST_AS_POSSIBLE = new ReplaySpeed(Double.POSITIVE_INFINITY);

    private final double factor;

    private ReplaySpeed(double factor) {
        this.factor = factor;
    }

    /** Replays at {@code factor} times real time; {@code factor} must be positive. */
    public static ReplaySpeed timesRealTime(double factor) {
        if (!(factor > 0) || Double.isNaN(factor)) {
            throw new IllegalArgumentException("replay speed must be a positive factor of real time, got " + factor);
        }
        return new ReplaySpeed(factor);
    }

    /** Reads "max" or a positive number such as "10" or "10x"; a bad value is named in the error. */
    public static ReplaySpeed parse(String value) {
        String v = value.trim().toLowerCase();
        if (v.equals("max")) {
            return AS_FAST_AS_POSSIBLE;
        }
        try {
            return timesRealTime(Double.parseDouble(v.endsWith("x") ? v.substring(0, v.length() - 1) : v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("replay speed must be 'max' or a positive factor such as '10x', got '" + value + "'");
        }
    }

    public boolean isPaced() {
        return Double.isFinite(factor);
    }

    /** The wall-clock time that {@code eventTimeElapsed} of events takes at this speed. */
    public Duration wallTimeFor(Duration eventTimeElapsed) {
        if (!isPaced()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (eventTimeElapsed.toNanos() / factor));
    }

    @Override
    public String toString() {
        return isPaced() ? factor + "x real time" : "as fast as possible";
    }
}
