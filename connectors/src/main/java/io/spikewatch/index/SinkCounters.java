package io.spikewatch.index;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * The sink's own metrics, updated from the HTTP client's threads (hence thread-safe counters).
 *
 * <ul>
 *   <li>{@code documentsIndexed}: documents Elasticsearch stored, dead letters included
 *   <li>{@code documentsAlreadyPresent}: create-if-absent documents not stored because their id
 *       already was (a pending post whose annotated document came first)
 *   <li>{@code documentsRetried}: document sends that failed for a temporary reason and were retried
 *   <li>{@code documentsDeadLettered}: documents rejected for good and sent to the dead-letter index
 *   <li>{@code deadLettersDropped}: dead letters that the dead-letter index itself rejected (logged)
 *   <li>{@code bulkRequestsRetried}: whole bulk requests retried after a connection or server failure
 * </ul>
 */
final class SinkCounters {

    final Counter documentsIndexed;
    final Counter documentsAlreadyPresent;
    final Counter documentsRetried;
    final Counter documentsDeadLettered;
    final Counter deadLettersDropped;
    final Counter bulkRequestsRetried;

    SinkCounters(MetricGroup group) {
        documentsIndexed = group.counter("documentsIndexed", new ThreadSafeSimpleCounter());
        documentsAlreadyPresent = group.counter("documentsAlreadyPresent", new ThreadSafeSimpleCounter());
        documentsRetried = group.counter("documentsRetried", new ThreadSafeSimpleCounter());
        documentsDeadLettered = group.counter("documentsDeadLettered", new ThreadSafeSimpleCounter());
        deadLettersDropped = group.counter("deadLettersDropped", new ThreadSafeSimpleCounter());
        bulkRequestsRetried = group.counter("bulkRequestsRetried", new ThreadSafeSimpleCounter());
    }
}
