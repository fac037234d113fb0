package io.spikewatch.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.Set;

/**
 * Decides, from the HTTP status and the Elasticsearch error type of one bulk item, whether the
 * document is stored, worth retrying, or rejected for good.
 *
 * <p>Retried: 429 (back-pressure), every 5xx, 408 and 409, and error types that describe the
 * state of the cluster rather than the document (index blocks such as {@code index.blocks.write}
 * or the disk flood-stage block, closed or missing indices, unavailable shards) whatever their
 * status, so an operator's maintenance does not turn a stream of good documents into dead letters.
 * Every other 4xx (mapping and parsing errors, illegal arguments) is a rejection.
 *
 * <p>A version conflict on an {@link IndexOperation#CREATE_IF_ABSENT} document is no failure: the
 * document was meant to be stored only if its id was free, and it was not
 * ({@link ItemOutcome#ALREADY_PRESENT}).
 */
public final class FailureClassifier {

    static final int TOO_MANY_REQUESTS = 429;
    static final int REQUEST_TIMEOUT = 408;
    static final int CONFLICT = 409;
    static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    /** Error types that are about the cluster's state, not the document. */
    static final Set<String> TRANSIENT_ERROR_TYPES = Set.of(
            "cluster_block_exception",
            "index_closed_exception",
            "index_not_found_exception",
            "unavailable_shards_exception",
            "es_rejected_execution_exception",
            "circuit_breaking_exception",
            "no_shard_available_action_exception",
            "node_not_connected_exception",
            "node_closed_exception",
            "primary_missing_action_exception",
            "process_cluster_event_timeout_exception",
            VERSION_CONFLICT);

    private FailureClassifier() {}

    /**
     * The outcome of an item sent with {@link IndexOperation#INDEX}.
     *
     * @param status the item's HTTP status
     * @param errorType the item's {@code error.type}, or null when it has none
     */
    public static ItemOutcome classify(int status, String errorType) {
        return classify(IndexOperation.INDEX, status, errorType);
    }

    /**
     * @param operation how the item was sent
     * @param status the item's HTTP status
     * @param errorType the item's {@code error.type}, or null when it has none
     */
    public static ItemOutcome classify(IndexOperation operation, int status, String errorType) {
        if (status >= 200 && status < 300 && errorType == null) {
            return ItemOutcome.INDEXED;
        }
        if (operation == IndexOperation.CREATE_IF_ABSENT && status == CONFLICT
                && (errorType == null || VERSION_CONFLICT.equals(errorType))) {
            return ItemOutcome.ALREADY_PRESENT;
        }
        return isTransient(status, errorType) ? ItemOutcome.RETRY : ItemOutcome.REJECT;
    }

    /** Whether a failure with this status and type may go away by itself. */
    public static boolean isTransient(int status, String errorType) {
        if (errorType != null && TRANSIENT_ERROR_TYPES.contains(errorType)) {
            return true;
        }
        return status == TOO_MANY_REQUESTS || status == REQUEST_TIMEOUT || status == CONFLICT || status >= 500;
    }

    /**
     * Whether a whole bulk request that failed with {@code failure} may succeed later: network
     * trouble (any {@link IOException}: connection refused or reset, timeouts) and HTTP answers
     * with a transient status. An HTTP error that is not transient (401 bad credentials, 403,
     * 400 malformed request) is not, and neither is anything else (a bug).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException e) {
                return isTransient(e.status(), e.error() == null ? null : e.error().type());
            }
            if (t instanceof TransportException e) {
                return e.statusCode() <= 0 || isTransient(e.statusCode(), null);
            }
            if (t instanceof IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
