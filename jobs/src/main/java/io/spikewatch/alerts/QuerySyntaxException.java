package io.spikewatch.alerts;

/** A keyword query that cannot be parsed; the message names the character position (1-based) and what was expected. */
public final class QuerySyntaxException extends IllegalArgumentException {

    private final int position;

    QuerySyntaxException(int position, String problem) {
        super("at character " + position + ": " + problem);
        this.position = position;
    }

    /** 1-based position in the query text where the problem is. */
    public int position() {
        return position;
    }
}
