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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares annotation throughput and heap of CoreNLP's default pipeline with Spikewatch's lean
 * one, on the same texts in the same JVM. Each configuration starts from an emptied pipeline
 * cache, is loaded, warmed up, then timed annotating every text once across the given number of
 * threads.
 *
 * <p>Usage: {@code AnnotationBenchmark [--threads N] [--warmup N] [--tracked FILE] POSTS.ndjson}
 * where each line of the file is a JSON object with a string field {@code text}.
 */
public final class AnnotationBenchmark {

    public static final int DEFAULT_THREADS = 2;
    /** Texts annotated before timing starts, so the JIT has compiled the hot paths. */
    public static final int DEFAULT_WARMUP_TEXTS = 100;

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
     * Measures CoreNLP's default configuration, then ours (from {@code ours}, normally
     * {@link AnnotatorConfig#defaults()} with the tracked entities) with CoreNLP's own sentiment
     * alone, then ours as configured (with the polarity classifier by default), so the cost of
     * normalization and classification shows in the same run.
     */
    public List<BenchmarkResult> compare(List<String> texts, AnnotatorConfig ours) {
        List<BenchmarkResult> results = new ArrayList<>();
        results.add(measure("corenlp-default (PCFG, full NER)", AnnotatorConfig.coreNlpDefault(), texts));
        if (ours.sentimentMethod() != SentimentMethod.CORENLP_RNTN) {
            results.add(measure("spikewatch, corenlp sentiment only",
                    ours.toBuilder().sentimentMethod(SentimentMethod.CORENLP_RNTN).build(), texts));
        }
        results.add(measure("spikewatch (shift-reduce, lean NER)", ours, texts));
        return results;
    }

    /** Loads, warms up and times one configuration. */
    public BenchmarkResult measure(String name, AnnotatorConfig config, List<String> texts) {
        Objects.requireNonNull(config, "config");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to benchmark");
        }
        CoreNlpPipelines.clear();
        HeapSampler.retainedHeapBytes();
        try (HeapSampler sampler = new HeapSampler(HeapSampler.DEFAULT_INTERVAL)) {
            long loadStart = System.nanoTime();
            CoreNlpAnnotator annotator = new CoreNlpAnnotator(config);
            Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
            long retained = HeapSampler.retainedHeapBytes();
            List<String> warmup = new ArrayList<>();
            for (int i = 0; i < warmupTexts; i++) {
                warmup.add(texts.get(i % texts.size()));
            }
            runAll(annotator, warmup);
            long start = System.nanoTime();
            runAll(annotator, texts);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new BenchmarkResult(name, texts.size(), threads, load, elapsed, retained, sampler.peakBytes());
        } finally {
            CoreNlpPipelines.clear();
        }
    }

    private void runAll(TextAnnotator annotator, List<String> texts) {
        if (texts.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < texts.size()) {
                        annotator.annotate(texts.get(i));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("annotation failed during the benchmark: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The results as a fixed-width table, one row per configuration. */
    public static String table(List<BenchmarkResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-38s %6s %7s %8s %10s %13s %10s%n",
                "configuration", "posts", "threads", "load s", "posts/s", "retained MiB", "peak MiB"));
        for (BenchmarkResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-38s %6d %7d %8.1f %10.1f %13.0f %10.0f%n",
                    r.name(), r.posts(), r.threads(), r.load().toMillis() / 1000.0, r.postsPerSecond(),
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
        List<String> texts = readTexts(input);
        List<BenchmarkResult> results = new AnnotationBenchmark(threads, warmup).compare(texts, ours.build());
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
