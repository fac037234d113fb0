package io.spikewatch.annotate;

import java.time.Duration;

/**
 * One configuration's measurements on one stream.
 *
 * @param name what was measured, as shown in the table
 * @param stream the input it ran on ("unique", "repost-heavy"; empty when there is only one)
 * @param posts how many texts the timed run annotated
 * @param threads threads annotating at once
 * @param load time to build the annotator, models included
 * @param elapsed wall time of the timed run, after warm-up
 * @param retainedHeapBytes used heap after loading and a garbage collection: the models' footprint
 * @param peakHeapBytes highest used heap seen during load, warm-up and the timed run
 * @param cache the annotation cache's counters over the timed run, or null without a cache
 */
public record BenchmarkResult(
        String name,
        String stream,
        int posts,
        int threads,
        Duration load,
        Duration elapsed,
        long retainedHeapBytes,
        long peakHeapBytes,
        AnnotationCacheStats cache) {

    /** A measurement on the only stream of a run, without a cache. */
    public BenchmarkResult(String name, int posts, int threads, Duration load, Duration elapsed,
            long retainedHeapBytes, long peakHeapBytes) {
        this(name, "", posts, threads, load, elapsed, retainedHeapBytes, peakHeapBytes, null);
    }

    /** Texts per second over the timed run. */
    public double postsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? posts / seconds : 0.0;
    }
}
