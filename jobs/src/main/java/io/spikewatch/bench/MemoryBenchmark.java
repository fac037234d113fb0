package io.spikewatch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.annotate.AnnotationCaches;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.CachingAnnotator;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.cli.MonitorRun;
import io.spikewatch.fixtures.ScenarioFiles;
import io.spikewatch.fixtures.ScenarioGenerator;
import io.spikewatch.fixtures.ScenarioSummary;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.replay.ReplaySpeed;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/**
 * Does the monitor job keep its heap flat over a long run? Generates the seed scenario at a given
 * size, runs the real job on it (embedded Flink, CoreNLP behind the annotation cache, spike
 * detection and alerts with the given rules, the Elasticsearch at the connection, under the
 * benchmark's own index prefix, whose indices are deleted first), replayed as fast as the job
 * takes it, and samples this JVM's heap every {@code interval} until the job ends: the heap in
 * use, the lowest heap a garbage collection left since the sample before ({@link GcWatch}), the
 * posts indexed so far and the annotation cache's entries. Prints a row per sample and a
 * {@link MemoryTrend} at the end.
 *
 * <p>The models are loaded into the JVM's shared annotator before the job starts (as the job's
 * annotation tasks would load them), so the first samples already hold them and the trend is the
 * job's, not the model loading's.
 */
public final class MemoryBenchmark {

    public static final int DEFAULT_POSTS = 20_000;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final String DEFAULT_INDEX_PREFIX = "bench-memory";
    /** The last third's median may exceed the first's by this much and still count as flat: about the annotation cache's byte bound. */
    public static final long DEFAULT_FLAT_TOLERANCE_MIB = 64;
    /** How long a sample waits for the notification of the full collection it asked for. */
    private static final Duration FULL_GC_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final long MIB = 1024L * 1024L;

    private final Builder settings;
    private final PrintWriter out;

    /** The samples of a run and what they say. */
    public record Result(List<HeapSample> samples, MemoryTrend trend, String verdict) {}

    private MemoryBenchmark(Builder settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Result run() throws Exception {
        String stream;
        Path scenarioDir = settings.scenario;
        if (scenarioDir == null) {
            scenarioDir = settings.workDir.resolve("scenario");
            ScenarioSummary scenario = ScenarioGenerator.write(scenarioDir, settings.seed, settings.posts);
            stream = String.format(Locale.ROOT, "%,d generated posts (seed %d)", scenario.posts(), settings.seed);
        } else {
            stream = "the scenario in " + scenarioDir;
        }
        List<Path> inputs = List.of(scenarioDir.resolve(ScenarioFiles.POSTS), scenarioDir.resolve(ScenarioFiles.STATEMENTS));
        long maxHeap = Runtime.getRuntime().maxMemory();
        out.printf(Locale.ROOT, "Memory of the monitor job: %s replayed as fast as the job takes them;"
                + " JVM max heap %d MiB, %d cores; heap sampled every %.1f s%s%n", stream, maxHeap / MIB,
                Runtime.getRuntime().availableProcessors(), settings.interval.toMillis() / 1000.0,
                settings.fullGc ? "; the trend is of the live heap (a full collection at each sample)"
                        : "; the trend is of the lowest heap a collection left since the row before");
        out.printf(Locale.ROOT, "  indices %s-* (deleted first), alert rules %s, annotation cache %s%n", settings.indices.prefix(),
                settings.rulesFile, settings.cache.enabled()
                ? String.format(Locale.ROOT, "%,d entries or %d MiB", settings.cache.maxEntries(), settings.cache.maxBytes() / MIB) : "off");
        out.flush();

        long loading = System.nanoTime();
        TextAnnotator shared = AnnotationCaches.coreNlp(settings.annotator, settings.cache);
        CachingAnnotator cache = shared instanceof CachingAnnotator caching ? caching : null;
        out.printf(Locale.ROOT, "  models loaded in %.1f s (shared with the job's annotation tasks)%n%n", (System.nanoTime() - loading) / 1e9);

        AlertingSettings alerting = AlertingSettings.fromRulesFile(settings.rulesFile, settings.annotator.trackedEntitiesYaml());
        MonitorSettings monitor = MonitorSettings.builder().indices(settings.indices).annotationParallelism(settings.parallelism)
                .annotationCache(settings.cache).build();
        try (ElasticsearchClient client = settings.connection.createClient(); GcWatch gc = new GcWatch()) {
            client.indices().delete(d -> d.index(settings.indices.all()).ignoreUnavailable(true).allowNoIndices(true));
            IndexedPostsProgress progress = new IndexedPostsProgress(client, settings.indices.posts(), java.time.Clock.systemUTC());
            LongSupplier cacheEntries = cache == null ? () -> HeapSample.UNKNOWN : () -> cache.stats().entries();
            long started = System.nanoTime();
            JobClient job = MonitorRun.start(inputs, ReplaySpeed.AS_FAST_AS_POSSIBLE, settings.connection, settings.annotator, monitor,
                    alerting, null);
            List<HeapSample> samples = new ArrayList<>();
            out.print(MemoryTable.header());
            out.flush();
            CompletableFuture<JobExecutionResult> ended = job.getJobExecutionResult();
            try {
                boolean done = false;
                while (!done) {
                    done = awaitEnd(ended, settings.interval);
                    HeapSample sample = sample(gc, progress::count, cacheEntries, started);
                    out.print(MemoryTable.row(sample, samples.isEmpty() ? null : samples.get(samples.size() - 1)));
                    out.flush();
                    samples.add(sample);
                }
                ended.get();
            } finally {
                BenchRuns.stop(job);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            MemoryTrend trend = MemoryTrend.of(samples, maxHeap);
            long tolerance = settings.flatToleranceMib * MIB;
            out.println();
            out.print(MemoryTable.summary(trend, tolerance, took, GcWatch.collectorNames()));
            out.flush();
            return new Result(List.copyOf(samples), trend, trend.verdict(tolerance));
        }
    }

    /** Waits up to {@code interval} for the job to end; true when it has. */
    private static boolean awaitEnd(CompletableFuture<JobExecutionResult> ended, Duration interval) throws InterruptedException {
        try {
            ended.get(interval.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // the failure is thrown by the caller's ended.get()
        }
    }

    private HeapSample sample(GcWatch gc, LongSupplier posts, LongSupplier cacheEntries, long startedNanos) throws InterruptedException {
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long afterGc = gc.takeLowestAfterGc();
        long live = HeapSample.UNKNOWN;
        if (settings.fullGc) {
            long before = gc.collections();
            GcWatch.collectFully();
            long deadline = System.nanoTime() + FULL_GC_WAIT.toNanos();
            while (gc.collections() == before && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
            live = gc.collections() == before ? HeapSample.UNKNOWN : gc.takeLowestAfterGc();
        }
        return new HeapSample(Duration.ofNanos(System.nanoTime() - startedNanos), posts.getAsLong(), used, afterGc, live,
                cacheEntries.getAsLong(), gc.collections());
    }

    /** The benchmark's settings; each setter checks its value. */
    public static final class Builder {
        private ElasticsearchConnection connection;
        private IndexNames indices = new IndexNames(DEFAULT_INDEX_PREFIX);
        private Path workDir;
        private Path rulesFile;
        private Path scenario;
        private int posts = DEFAULT_POSTS;
        private long seed = ScenarioGenerator.DEFAULT_SEED;
        private Duration interval = DEFAULT_INTERVAL;
        private boolean fullGc;
        private AnnotatorConfig annotator = AnnotatorConfig.defaults();
        private AnnotationCacheSettings cache = AnnotationCacheSettings.DEFAULTS;
        private int parallelism = MonitorSettings.DEFAULT_ANNOTATION_PARALLELISM;
        private long flatToleranceMib = DEFAULT_FLAT_TOLERANCE_MIB;

        private Builder() {}

        public Builder connection(ElasticsearchConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
            return this;
        }

        /** The indices the run deletes and writes; must not be the production ones. */
        public Builder indices(IndexNames indices) {
            this.indices = BenchRuns.requireNotProduction(indices, DEFAULT_INDEX_PREFIX);
            return this;
        }

        /** Where the generated scenario is written. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** The alert rules the job runs with (the project's {@code config/alert-rules.yaml} for the default rules). */
        public Builder rulesFile(Path rulesFile) {
            if (rulesFile == null || !Files.isRegularFile(rulesFile)) {
                throw new IllegalArgumentException("alert rules: no file '" + rulesFile + "'");
            }
            this.rulesFile = rulesFile;
            return this;
        }

        /**
         * A scenario already written ({@code spikewatch generate --out DIR}) to replay instead of
         * generating one: the generator holds the whole scenario in memory, which at several hundred
         * thousand posts does not fit beside the job in the heap under test.
         */
        public Builder scenario(Path dir) {
            if (dir != null && !(Files.isRegularFile(dir.resolve(ScenarioFiles.POSTS)) && Files.isRegularFile(dir.resolve(ScenarioFiles.STATEMENTS)))) {
                throw new IllegalArgumentException("scenario: '" + dir + "' holds no " + ScenarioFiles.POSTS + " and "
                        + ScenarioFiles.STATEMENTS + " (write one with: spikewatch generate --out DIR --posts N)");
            }
            this.scenario = dir;
            return this;
        }

        /** Posts the generator writes (it adds the hand-written core and statements); not used with {@link #scenario}. */
        public Builder posts(int posts) {
            if (posts < 1) {
                throw new IllegalArgumentException("posts: expected at least 1 but was " + posts);
            }
            this.posts = posts;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Time between samples. */
        public Builder interval(Duration interval) {
            if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("interval: expected at least " + MIN_INTERVAL.toMillis() + " ms but was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** Whether each sample first asks for a full collection, so its after-GC value is the live heap (costs a pause per sample). */
        public Builder fullGc(boolean fullGc) {
            this.fullGc = fullGc;
            return this;
        }

        /** The annotator the job uses, tracked entities included. */
        public Builder annotator(AnnotatorConfig annotator) {
            this.annotator = Objects.requireNonNull(annotator, "annotator");
            return this;
        }

        public Builder annotationCache(AnnotationCacheSettings cache) {
            this.cache = Objects.requireNonNull(cache, "annotation cache");
            return this;
        }

        public Builder annotationParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("annotation parallelism: expected at least 1 but was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** How far the last third's median heap after GC may be above the first's for the verdict "flat". */
        public Builder flatToleranceMib(long mib) {
            if (mib < 0) {
                throw new IllegalArgumentException("flat tolerance: expected 0 MiB or more but was " + mib);
            }
            this.flatToleranceMib = mib;
            return this;
        }

        public MemoryBenchmark build(PrintWriter out) {
            if (connection == null) {
                throw new IllegalStateException("the benchmark needs an Elasticsearch connection");
            }
            if (workDir == null) {
                throw new IllegalStateException("the benchmark needs a work directory");
            }
            if (rulesFile == null) {
                throw new IllegalStateException("the benchmark needs an alert rules file");
            }
            return new MemoryBenchmark(this, Objects.requireNonNull(out, "out"));
        }
    }
}
