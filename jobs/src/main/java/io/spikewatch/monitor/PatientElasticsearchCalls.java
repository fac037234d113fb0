package io.spikewatch.monitor;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.spikewatch.alerts.Notifier;
import io.spikewatch.index.FailureClassifier;
import io.spikewatch.index.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to Elasticsearch that wait out an outage instead of failing at the first refused
 * connection: a request that fails for a reason that may pass, as the sink judges it
 * ({@link FailureClassifier#isTransient(Throwable)}: no connection, 429, a 5xx such as a shard
 * not yet recovered), is retried with the sink's backoff ({@link RetryPolicy}) until its
 * retry time has passed since the first attempt, then the last failure is thrown.
 *
 * <p>The alert path needs this more than the indexing path: its record of what was delivered is
 * in Elasticsearch, and a job that failed over during an outage would come back to an index that
 * never learned of the deliveries made just before, and send them again.
 */
final class PatientElasticsearchCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PatientElasticsearchCalls.class);

    /** A request; may throw the client's exceptions. */
    @FunctionalInterface
    interface Request<T> {
        T send() throws IOException;
    }

    private final RetryPolicy policy;
    private final Notifier.Sleeper sleeper;
    private final LongSupplier nanoTime;

    PatientElasticsearchCalls(RetryPolicy policy, Notifier.Sleeper sleeper, LongSupplier nanoTime) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /** Sends {@code request}, retrying temporary failures; {@code what} names it in the log and the error. */
    <T> T send(String what, Request<T> request) throws IOException, InterruptedException {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return request.send();
            } catch (IOException | ElasticsearchException e) {
                Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                if (!FailureClassifier.isTransient(e)) {
                    throw e;
                }
                if (!policy.mayRetryAfter(elapsed)) {
                    throw new IOException(what + " failed for " + elapsed.toSeconds() + " s, giving up: " + e.getMessage(), e);
                }
                Duration backoff = policy.jitteredBackoff(attempt, ThreadLocalRandom.current()::nextDouble);
                LOG.warn("{} failed ({}); retry {} in {} ms", what, e.getMessage(), attempt, backoff.toMillis());
                sleeper.sleep(backoff);
            }
        }
    }
}
