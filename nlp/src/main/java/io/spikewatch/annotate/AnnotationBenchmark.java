package io.spikewatch.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Compares annotation throughput and heap of CoreNLP's default pipeline with Spikewatch's, on the
 * same texts in the same JVM. Each configuration starts from an emptied pipeline cache, is loaded,
 * warmed up, then timed annotating every text once across the given number of threads (the same
 * threads for warm-up and timing, so per-thread state survives).
 *
 * <p>{@link #compare(List, List, AnnotatorConfig, AnnotationCacheSettings)} measures both
 * configurations on unique posts and on a repost-heavy stream ({@link RepostMix}), ours with one
 * pipeline shared by the threads and with a pipeline per thread, ours annotating entities only
 * (what a post in a language the sentiment models do not read costs), and ours with the annotation
 * cache ({@link CachingAnnotator}, started empty after warm-up, so its hits come from repeats
 * within the timed stream alone).
 *
 * <p>Usage: {@code AnnotationBenchmark [--threads N] [--warmup N] [--tracked FILE] POSTS.ndjson}
 * where each line of the file is a JSON object with a string field {@code text}.
 */
public final class AnnotationBenchmark {

    public static final int DEFAULT_THREADS = 2;
    /** Texts annotated before timing starts, so the JIT has compiled the hot paths. */
    public static final int DEFAULT_WARMUP_TEXTS = 100;

    public static final String UNIQUE = "unique";
    public static final String REPOST_HEAVY = "repost-heavy";
    public static final String CORENLP_DEFAULT_NAME = "corenlp-default (PCFG, full NER)";
    public static final String SHARED_NAME = "spikewatch, shared pipeline";
    public static final String PER_THREAD_NAME = "spikewatch, pipeline per thread";
    public static final String CACHED_NAME = "spikewatch + cache";
    public static final String ENTITIES_ONLY_NAME = "spikewatch, entities only";

    /** How the threads of a measurement get their CoreNLP models. */
    public enum PipelineSharing {
        /** One pipeline (one set of models) for every thread: the job's default. */
        SHARED,
        /** Each thread loads a pipeline of its own: as much model heap again per thread. */
        PER_THREAD
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final int threads;
    private final int warmupTexts;

    public AnnotationBenchmark(int threads, int warmupTexts) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (warmupTexts < 0) {
            throw new IllegalArgumentException("warmupTexts must not be negative, was " + warmupTexts);
        }
        this.threads = threads;
        this.warmupTexts = warmupTexts;
    }

    /**
     * Measures CoreNLP's default configuration on both streams, then ours (from {@code ours},
     * normally {@link AnnotatorConfig#defaults()} with the tracked entities) without a cache on
     * unique posts with a shared pipeline and with a pipeline per thread, then ours with the
     * shared pipeline and the cache on both streams.
     */
    public List<BenchmarkResult> compare(List<String> unique, List<String> repostHeavy, AnnotatorConfig ours,
            AnnotationCacheSettings cache) {
        return compare(unique, repostHeavy, ours, cache, result -> {});
    }

    /** As {@link #compare(List, List, AnnotatorConfig, AnnotationCacheSettings)}, telling {@code progress} of each result as it is measured. */
    public List<BenchmarkResult> compare(List<String> unique, List<String> repostHeavy, AnnotatorConfig ours,
            AnnotationCacheSettings cache, Consumer<BenchmarkResult> progress) {
        if (!cache.enabled()) {
            throw new IllegalArgumentException("the comparison measures the annotation cache; give it at least one entry");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        Consumer<BenchmarkResult> record = result -> {
            progress.accept(result);
            results.add(result);
        };
        AnnotatorConfig coreNlp = AnnotatorConfig.coreNlpDefault();
        record.accept(measure(CORENLP_DEFAULT_NAME, UNIQUE, coreNlp, PipelineSharing.SHARED, AnnotationCacheSettings.DISABLED, unique));
        record.accept(measure(CORENLP_DEFAULT_NAME, REPOST_HEAVY, coreNlp, PipelineSharing.SHARED, AnnotationCacheSettings.DISABLED,
                repostHeavy));
        record.accept(measure(SHARED_NAME, UNIQUE, ours, PipelineSharing.SHARED, AnnotationCacheSettings.DISABLED, unique));
        // what a post in a language the sentiment models do not read costs (no parse, no sentiment)
        record.accept(measure(ENTITIES_ONLY_NAME, UNIQUE, ours, PipelineSharing.SHARED, AnnotationCacheSettings.DISABLED, unique,
                annotator -> annotator::annotateEntities));
        if (threads > 1) {
            record.accept(measure(PER_THREAD_NAME, UNIQUE, ours, PipelineSharing.PER_THREAD, AnnotationCacheSettings.DISABLED, unique));
        }
        record.accept(measure(CACHED_NAME, UNIQUE, ours, PipelineSharing.SHARED, cache, unique));
        record.accept(measure(CACHED_NAME, REPOST_HEAVY, ours, PipelineSharing.SHARED, cache, repostHeavy));
        return results;
    }

    /** Loads, warms up and times one configuration with a shared pipeline and no cache. */
    public BenchmarkResult measure(String name, AnnotatorConfig config, List<String> texts) {
        return measure(name, "", config, PipelineSharing.SHARED, AnnotationCacheSettings.DISABLED, texts);
    }

    /**
     * Loads, warms up (without the cache) and times one configuration; with an enabled
     * {@code cache}, the timed run goes through a new, empty {@link CachingAnnotator}.
     */
    public BenchmarkResult measure(String name, String stream, AnnotatorConfig config, PipelineSharing sharing,
            AnnotationCacheSettings cache, List<String> texts) {
        return measure(name, stream, config, sharing, cache, texts, UnaryOperator.identity());
    }

    /** As above, timing what {@code work} makes of the loaded annotator (its entities-only path, say). */
    private BenchmarkResult measure(String name, String stream, AnnotatorConfig config, PipelineSharing sharing,
            AnnotationCacheSettings cache, List<String> texts, UnaryOperator<TextAnnotator> work) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(cache, "cache");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to benchmark");
        }
        CoreNlpPipelines.clear();
        HeapSampler.retainedHeapBytes();
        try (HeapSampler sampler = new HeapSampler(HeapSampler.DEFAULT_INTERVAL); Workers workers = new Workers(threads)) {
            long loadStart = System.nanoTime();
            TextAnnotator annotator = work.apply(load(config, sharing, workers));
            Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
            long retained = HeapSampler.retainedHeapBytes();
            List<String> warmup = new ArrayList<>();
            for (int i = 0; i < warmupTexts; i++) {
                warmup.add(texts.get(i % texts.size()));
            }
            workers.annotateAll(annotator, warmup);
            CachingAnnotator cached = cache.enabled() ? new CachingAnnotator(annotator, cache) : null;
            long start = System.nanoTime();
            workers.annotateAll(cached != null ? cached : annotator, texts);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new BenchmarkResult(name, stream, texts.size(), threads, load, elapsed, retained, sampler.peakBytes(),
                    cached == null ? null : cached.stats());
        } finally {
            CoreNlpPipelines.clear();
        }
    }

    private static TextAnnotator load(AnnotatorConfig config, PipelineSharing sharing, Workers workers) {
        if (sharing == PipelineSharing.SHARED) {
            return new CoreNlpAnnotator(config);
        }
        PolarityModel model = config.sentimentMethod() == SentimentMethod.CLASSIFIER ? PolarityModel.standard() : null;
        ThreadLocal<CoreNlpAnnotator> own = ThreadLocal.withInitial(
                () -> new CoreNlpAnnotator(config, model, CoreNlpPipelines.loadUnshared(config.pipelineProperties())));
        workers.onEachThread(own::get);
        return text -> own.get().annotate(text);
    }

    /** A fixed set of threads that annotate texts together, each taking the next text not yet taken. */
    private static final class Workers implements AutoCloseable {

        private final int count;
        private final ExecutorService pool;

        Workers(int count) {
            this.count = count;
            this.pool = Executors.newFixedThreadPool(count);
        }

        /** Runs the task once on every thread: each waits until all have started, so no thread runs two. */
        void onEachThread(Runnable task) {
            CountDownLatch started = new CountDownLatch(count);
            run(() -> {
                started.countDown();
                started.await();
                task.run();
                return null;
            });
        }

        void annotateAll(TextAnnotator annotator, List<String> texts) {
            if (texts.isEmpty()) {
                return;
            }
            AtomicInteger next = new AtomicInteger();
            run(() -> {
                int i;
                while ((i = next.getAndIncrement()) < texts.size()) {
                    annotator.annotate(texts.get(i));
                }
                return null;
            });
        }

        private void run(Callable<Void> perThread) {
            List<Future<Void>> running = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                running.add(pool.submit(perThread));
            }
            try {
                for (Future<Void> future : running) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("benchmark interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("annotation failed during the benchmark: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /**
     * The results as a fixed-width table, one row per configuration and stream. The speed-up of a
     * row is its posts/s over that of the first row measured on the same stream (CoreNLP's default
     * in {@link #compare}); the hit rate is shown for rows with a cache.
     */
    public static String table(List<BenchmarkResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-34s %-12s %6s %7s %7s %9s %8s %6s %9s %9s%n",
                "configuration", "stream", "posts", "threads", "load s", "posts/s", "speed-up", "hits", "kept MiB", "peak MiB"));
        Map<String, Double> baseline = new HashMap<>();
        for (BenchmarkResult r : results) {
            double base = baseline.computeIfAbsent(r.stream(), s -> r.postsPerSecond());
            sb.append(String.format(Locale.ROOT, "%-34s %-12s %6d %7d %7.1f %9.1f %7.1fx %6s %9.0f %9.0f%n",
                    r.name(), r.stream(), r.posts(), r.threads(), r.load().toMillis() / 1000.0, r.postsPerSecond(),
                    base > 0 ? r.postsPerSecond() / base : 0.0,
                    r.cache() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.cache().hitRate()),
                    r.retainedHeapBytes() / BYTES_PER_MIB, r.peakHeapBytes() / BYTES_PER_MIB));
        }
        return sb.toString();
    }

    /**
     * The {@code text} field of every line of an NDJSON file.
     *
     * @throws IllegalArgumentException naming the file and line when a line is not an object with a string {@code text}
     */
    public static List<String> readTexts(Path ndjson) throws IOException {
        List<String> texts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(ndjson + ":" + number + ": not valid JSON: " + e.getMessage(), e);
                }
                JsonNode text = node == null ? null : node.get(NdjsonAnnotator.FIELD_TEXT);
                if (text == null || !text.isTextual()) {
                    throw new IllegalArgumentException(ndjson + ":" + number + ": expected an object with a string 'text'");
                }
                texts.add(text.textValue());
            }
        }
        return texts;
    }

    public static void main(String[] args) throws IOException {
        int threads = DEFAULT_THREADS;
        int warmup = DEFAULT_WARMUP_TEXTS;
        Path tracked = null;
        Path input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, "--warmup"));
                case "--tracked" -> tracked = Path.of(value(args, ++i, "--tracked"));
                default -> {
                    if (args[i].startsWith("--") || input != null) {
                        usage(System.err, "unexpected argument '" + args[i] + "'");
                        System.exit(2);
                    }
                    input = Path.of(args[i]);
                }
            }
        }
        if (input == null) {
            usage(System.err, "no input file");
            System.exit(2);
        }
        AnnotatorConfig.Builder ours = AnnotatorConfig.builder();
        if (tracked != null) {
            ours.trackedEntitiesFile(tracked);
        }
        List<String> unique = RepostMix.distinct(readTexts(input));
        List<String> repostHeavy = RepostMix.repostHeavy(unique, unique.size(), RepostMix.DEFAULT_REPEAT_SHARE, RepostMix.DEFAULT_SEED);
        List<BenchmarkResult> results = new AnnotationBenchmark(threads, warmup)
                .compare(unique, repostHeavy, ours.build(), AnnotationCacheSettings.DEFAULTS);
        System.out.print(table(results));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(System.err, option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static void usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: AnnotationBenchmark [--threads N] [--warmup N] [--tracked FILE] POSTS.ndjson");
    }
}
