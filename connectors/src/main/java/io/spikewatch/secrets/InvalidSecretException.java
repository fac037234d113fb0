package io.spikewatch.secrets;

/**
 * A secret reference that is malformed or cannot be resolved. The message names the configuration
 * key and the reason, never the secret's value.
 */
public final class InvalidSecretException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    public InvalidSecretException(String message, boolean unavailable) {
        super(message);
        this.unavailable = unavailable;
    }

    public InvalidSecretException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /**
     * True when the reference is well formed but its value is not there (an unset variable, a
     * missing file): a setting marked optional may then be switched off instead of failing.
     */
    public boolean unavailable() {
        return unavailable;
    }
}
