package io.spikewatch.index;

/** What the sink does with one document after Elasticsearch answered for it. */
public enum ItemOutcome {
    /** Stored; nothing more to do. */
    INDEXED,
    /**
     * A {@link IndexOperation#CREATE_IF_ABSENT} document whose id is already stored: the stored
     * one stays, as intended, and there is nothing more to do.
     */
    ALREADY_PRESENT,
    /** A temporary condition (overload, a shard or block, a node leaving): send it again later. */
    RETRY,
    /** The document itself is wrong for the index (mapping, size, id): sending it again cannot help. */
    REJECT
}
