package io.spikewatch.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of event time, {@code [from, to)}.
 *
 * @param from inclusive
 * @param to exclusive, after {@code from}
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the range must end after it starts: --from " + from + " is not before --to " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}
