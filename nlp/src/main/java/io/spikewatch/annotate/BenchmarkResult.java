package io.spikewatch.annotate;

import java.time.Duration;

/**
 * One configuration's measurements.
 *
 * @param name what was measured, as shown in the table
 * @param posts how many texts the timed run annotated
 * @param threads threads annotating at once
 * @param load time to build the annotator, models included
 * @param elapsed wall time of the timed run, after warm-up
 * @param retainedHeapBytes used heap after loading and a garbage collection: the models' footprint
 * @param peakHeapBytes highest used heap seen during load, warm-up and the timed run
 */
public record BenchmarkResult(
        String name,
        int posts,
        int threads,
        Duration load,
        Duration elapsed,
        long retainedHeapBytes,
        long peakHeapBytes) {

    /** Texts per second over the timed run. */
    public double postsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? posts / seconds : 0.0;
    }
}
