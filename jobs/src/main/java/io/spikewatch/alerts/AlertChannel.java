package io.spikewatch.alerts;

/** Somewhere alerts are sent: one attempt per call; the {@link Notifier} retries. */
public interface AlertChannel {

    String name();

    void send(Alert alert) throws DeliveryException;

    /** Sends the alerts a digest period held back, as one message. */
    void send(AlertDigest digest) throws DeliveryException;
}
