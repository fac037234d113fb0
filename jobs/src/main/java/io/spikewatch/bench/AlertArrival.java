package io.spikewatch.bench;

import java.time.Instant;

/**
 * One alert as it reached the benchmark's webhook.
 *
 * @param alertId the alert's id ({@code RULE|SPIKE_ID|PHASE|SEQUENCE})
 * @param phase the alert's phase as sent ({@code started}, {@code escalated}, ...)
 * @param spikeStart the event time of the spike's first minute, from the payload's {@code spike.start}
 * @param arrivedAt wall-clock time the request reached the endpoint
 * @param annotatedUpTo event time of the newest post annotated and indexed when the alert arrived,
 *     null when none was yet
 * @param digestId the id of the digest the alert came in, null when it came as itself
 */
public record AlertArrival(String alertId, String phase, Instant spikeStart, Instant arrivedAt, Instant annotatedUpTo, String digestId) {

    /** An alert that came as itself. */
    public AlertArrival(String alertId, String phase, Instant spikeStart, Instant arrivedAt, Instant annotatedUpTo) {
        this(alertId, phase, spikeStart, arrivedAt, annotatedUpTo, null);
    }

    AlertArrival withAnnotatedUpTo(Instant annotated) {
        return new AlertArrival(alertId, phase, spikeStart, arrivedAt, annotated, digestId);
    }
}
