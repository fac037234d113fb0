package io.spikewatch.index;

/**
 * How the sink writes an {@link IndexDocument}: the bulk action it is sent with, and what counts
 * as done.
 */
public enum IndexOperation {

    /**
     * Bulk {@code index}: stores the document, replacing any with the same id. What every
     * complete document is written with, so a replay overwrites instead of adding a copy.
     */
    INDEX,

    /**
     * Bulk {@code create}: stores the document only if no document has its id yet. When one has,
     * Elasticsearch answers 409 {@code version_conflict_engine_exception} and the sink counts the
     * document as done ({@link ItemOutcome#ALREADY_PRESENT}), neither retried nor dead-lettered.
     * For a provisional document that must never replace the complete one, whichever of the two
     * arrives first: a post indexed as pending ahead of its annotation.
     */
    CREATE_IF_ABSENT
}
