package io.spikewatch.index;

/** Elasticsearch cannot be used with the configured connection; the message says why, without secrets. */
public final class ElasticsearchAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ElasticsearchAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
