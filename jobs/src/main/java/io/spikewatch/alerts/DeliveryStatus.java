package io.spikewatch.alerts;

/** How the delivery of an alert to one channel ended. */
public enum DeliveryStatus {
    DELIVERED,
    /** Every allowed attempt failed, or the failure was one a retry cannot fix; see {@link Delivery#lastError()}. */
    FAILED
}
