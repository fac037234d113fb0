package io.spikewatch.annotate;

/**
 * A tracked-entities file that cannot be used. The message names the file (or the source name
 * given for a YAML string), the entity by index and name when the fault is in one entity, the key,
 * and the reason.
 */
public class InvalidTrackedEntitiesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTrackedEntitiesException(String message) {
        super(message);
    }

    public InvalidTrackedEntitiesException(String message, Throwable cause) {
        super(message, cause);
    }
}
