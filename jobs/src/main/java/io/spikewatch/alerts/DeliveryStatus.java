package io.spikewatch.alerts;

/** How the delivery of an alert to one channel ended. */
public enum DeliveryStatus {
    DELIVERED,
    /** Every allowed attempt failed, or the failure was one a retry cannot fix; see {@link Delivery#lastError()}. */
    FAILED,
    /**
     * Waiting for the channel's digest ({@link ChannelDigest}); the alert's record names the digest,
     * and the digest's own delivery replaces it when the period ends.
     */
    HELD
}
