package io.spikewatch.index;

/** The Elasticsearch sink gave up: Elasticsearch stayed unreachable or refused a request outright. */
public class ElasticsearchSinkException extends Exception {

    public ElasticsearchSinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public ElasticsearchSinkException(String message) {
        super(message);
    }
}
