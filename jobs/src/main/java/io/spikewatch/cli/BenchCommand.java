package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotationBenchmark;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.BenchmarkResult;
import io.spikewatch.fixtures.ScenarioFiles;
import io.spikewatch.fixtures.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * Annotation throughput of CoreNLP's default configuration and of ours, on the same posts in the
 * same run, with peak heap. The posts are the seed scenario's unless {@code --in} names a file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchAlertsCommand.class,
        description = {"Measure annotation throughput (posts/s) for CoreNLP's default configuration and ours, on the same posts.",
                "'bench alerts' measures alert latency while the input outruns annotation."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", paramLabel = "FILE", description = "NDJSON posts to annotate (default: generated seed-scenario posts).")
    Path in;

    @Option(names = "--posts", defaultValue = "400", description = "How many posts to time (default: ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--threads", defaultValue = "" + AnnotationBenchmark.DEFAULT_THREADS,
            description = "Annotation threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "" + AnnotationBenchmark.DEFAULT_WARMUP_TEXTS,
            description = "Posts annotated before timing starts (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Path input = in;
        if (input == null) {
            Path dir = Files.createTempDirectory("spikewatch-bench");
            ScenarioGenerator.builder().includeMalformed(false).build().write(dir);
            input = dir.resolve(ScenarioFiles.POSTS);
        }
        List<String> texts = AnnotationBenchmark.readTexts(input);
        texts = texts.subList(0, Math.min(posts, texts.size()));
        spec.commandLine().getOut().printf("Timing %d posts from %s on %d threads (after %d warm-up annotations), %d cores, max heap %d MiB%n",
                texts.size(), input, threads, warmup, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        AnnotatorConfig ours = AnnotatorConfig.builder()
                .trackedEntitiesYaml(SeedTrackedEntities.yaml(), SeedTrackedEntities.SOURCE)
                .build();
        List<BenchmarkResult> results = new AnnotationBenchmark(threads, warmup).compare(texts, ours);
        spec.commandLine().getOut().print(AnnotationBenchmark.table(results));
        return 0;
    }
}
