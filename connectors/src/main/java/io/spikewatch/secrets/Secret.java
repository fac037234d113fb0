package io.spikewatch.secrets;

import java.io.Serializable;
import java.util.Objects;

/**
 * A value that must never be printed: a password, an API key, a webhook URL with its token, an
 * authorization header. {@link #toString()} hides it; only {@link #reveal()} gives it, to the
 * code that sends it. Serializable, so a connection that needs it can travel to the task managers
 * inside the job graph (Java serialization never prints it).
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HIDDEN = "******";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    /**
     * {@code text} with every occurrence of this value replaced by the hidden form: a last guard
     * for messages built from text another library wrote (a server's error, a URL it echoed).
     * Values shorter than {@value #MIN_REDACTED_LENGTH} characters are left alone, since
     * replacing a one-letter password would mangle every message without hiding anything.
     */
    public String redact(String text) {
        if (text == null || value.length() < MIN_REDACTED_LENGTH) {
            return text;
        }
        return text.replace(value, HIDDEN);
    }

    /** See {@link #redact(String)}. */
    public static final int MIN_REDACTED_LENGTH = 4;

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
