package io.spikewatch.alerts;

import java.time.Duration;

/**
 * A channel's {@code digest} and {@code digest_wait} ({@link ChannelDigest}).
 *
 * @param period at most one message per period after the first
 * @param firstWait how long the first alert of a quiet channel waits for the others raised with it; zero sends it at once
 */
public record DigestSettings(Duration period, Duration firstWait) {

    /** The wait when the rules file names none: the alerts of one minute reach the notifier within seconds of each other. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    public DigestSettings {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a digest period must be positive, was " + period);
        }
        if (firstWait.isNegative() || firstWait.compareTo(period) > 0) {
            throw new IllegalArgumentException("a digest's first wait must be from zero to the period, was " + firstWait);
        }
    }
}
