package io.spikewatch.alerts;

/** Somewhere alerts are sent: one attempt per call; the {@link Notifier} retries. */
public interface AlertChannel {

    String name();

    void send(Alert alert) throws DeliveryException;
}
