package io.spikewatch.config;

/**
 * A configuration file that cannot be used. The message starts with the file, then the key path
 * and the reason ({@code spikewatch.yaml: elasticsearch.auth.password.env: variable ES_PASSWORD is
 * not set}); it never holds a secret's value.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
