package io.spikewatch.index;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff for documents and bulk requests that failed for a temporary reason.
 *
 * <p>Attempt {@code n} (1 for the first retry) waits {@code initialBackoff * 2^(n-1)}, capped at
 * {@code maxBackoff}, minus up to {@link #JITTER_FRACTION} of it at random so parallel writers
 * do not retry in lock-step. Retrying stops once {@code maxRetryTime} has passed since the first
 * attempt of the request; the sink then fails the job rather than drop documents.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxRetryTime) implements Serializable {

    /** Share of each delay that is randomly taken off. */
    public static final double JITTER_FRACTION = 0.2;

    /** Past this attempt the doubling has long reached any sane cap; stops overflow. */
    private static final int MAX_DOUBLINGS = 30;

    public RetryPolicy {
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("maxRetryTime", maxRetryTime);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
    }

    static Duration requirePositive(String setting, Duration value) {
        Objects.requireNonNull(value, setting);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, got " + value);
        }
        return value;
    }

    /** The delay before retry {@code attempt} (1-based), without jitter. */
    public Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, got " + attempt);
        }
        int doublings = Math.min(attempt - 1, MAX_DOUBLINGS);
        long millis = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        for (int i = 0; i < doublings && millis < cap; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, cap));
    }

    /** The delay before retry {@code attempt}, less a random share of up to {@link #JITTER_FRACTION}. */
    public Duration jitteredBackoff(int attempt, DoubleSupplier uniform01) {
        long millis = backoff(attempt).toMillis();
        long jitter = (long) (millis * JITTER_FRACTION * uniform01.getAsDouble());
        return Duration.ofMillis(Math.max(1, millis - jitter));
    }

    /** Whether a request that started {@code elapsed} ago may still be retried. */
    public boolean mayRetryAfter(Duration elapsed) {
        return elapsed.compareTo(maxRetryTime) < 0;
    }
}
