package io.spikewatch.alerts;

import java.util.Objects;

/**
 * A value that must never be printed: an SMTP password, a webhook URL with its token, an
 * authorization header. {@link #toString()} hides it; only {@link #reveal()} gives it, to the
 * code that sends it.
 */
public final class Secret {

    private static final String HIDDEN = "******";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

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
