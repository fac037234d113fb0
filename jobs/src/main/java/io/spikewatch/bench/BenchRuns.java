package io.spikewatch.bench;

import io.spikewatch.index.IndexNames;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/** What the benchmarks that run the real job share: their index guard and how they stop a job. */
final class BenchRuns {

    /** How long a cancelled job may take to end before it is abandoned. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private BenchRuns() {}

    /**
     * The benchmarks delete and rewrite their indices: never the production ones.
     *
     * @param suggested the prefix the error suggests instead
     * @throws IllegalArgumentException when {@code indices} use the production prefix
     */
    static IndexNames requireNotProduction(IndexNames indices, String suggested) {
        if (indices.prefix().equals(IndexNames.DEFAULT_PREFIX)) {
            throw new IllegalArgumentException("index prefix: the benchmark deletes its indices before it runs, so it refuses the"
                    + " production prefix '" + IndexNames.DEFAULT_PREFIX + "'; use another, such as '" + suggested + "'");
        }
        return indices;
    }

    /** Cancels the job unless it has ended, and waits until it has, so the next run has the machine. */
    static void stop(JobClient job) throws InterruptedException {
        CompletableFuture<JobExecutionResult> ended = job.getJobExecutionResult();
        try {
            if (!ended.isDone()) {
                job.cancel().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            ended.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a cancelled job ends its result future exceptionally; either way it is over or abandoned
        } catch (IllegalStateException e) {
            // an embedded cluster shuts down with its job: the job ended between the check and the
            // cancel, and whatever ended it is the caller's to report, not hidden behind this
        }
    }
}
