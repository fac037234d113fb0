package io.spikewatch.schema;

import java.time.Instant;

/** A record of the input stream: a social {@link Post} or a campaign {@link Statement}. */
public sealed interface InputDocument permits Post, Statement {

    /** The document id; it is also the Elasticsearch id, so a replay overwrites. */
    String id();

    String text();

    /** The event time: when the post was created or the statement published. */
    Instant eventTime();

    /** The language tag the source gave the text ("en", "es"), or null when it gave none (statements). */
    default String lang() {
        return null;
    }
}
