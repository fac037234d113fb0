package io.spikewatch.alerts;

/** A rules file that cannot be used; the message names the file, the rule or channel, the key and the reason. */
public final class InvalidAlertConfigException extends RuntimeException {

    InvalidAlertConfigException(String message) {
        super(message);
    }

    InvalidAlertConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
