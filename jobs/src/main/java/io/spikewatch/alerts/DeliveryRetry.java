package io.spikewatch.alerts;

import java.time.Duration;

/**
 * How hard the {@link Notifier} tries: up to {@code maxAttempts} per channel, waiting
 * {@code initialBackoff} after the first failure and twice as long after each next one (capped
 * at {@code maxBackoff}), and never starting a wait that would end after {@code maxTotal} since
 * the first attempt. Tests pass millisecond backoffs and a recording {@link Notifier.Sleeper}.
 */
public record DeliveryRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);
    public static final Duration DEFAULT_MAX_TOTAL = Duration.ofSeconds(45);

    public DeliveryRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxTotal.isNegative()) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff and maxTotal >= 0");
        }
    }

    public static DeliveryRetry defaults() {
        return new DeliveryRetry(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_TOTAL);
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
