package io.spikewatch.alerts;

/**
 * A channel could not deliver an alert. The message is what the delivery record keeps, so it
 * never holds a secret (a webhook's URL path or token, a password).
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether trying again may succeed (a timeout, HTTP 5xx or 429) or not (HTTP 400, refused credentials). */
    public boolean retryable() {
        return retryable;
    }
}
