package io.spikewatch.live;

/**
 * A request the live page's server refuses with HTTP 400; the message names the parameter and the
 * reason and is sent to the client as is, so it never holds anything but the request's own values.
 */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
