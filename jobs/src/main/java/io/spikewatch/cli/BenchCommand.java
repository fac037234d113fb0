package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotationBenchmark;
import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.annotate.RepostMix;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.BenchmarkResult;
import io.spikewatch.fixtures.ScenarioFiles;
import io.spikewatch.fixtures.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Annotation throughput of CoreNLP's default configuration and of ours, on the same posts in the
 * same run, with peak heap: on unique posts (the distinct texts of the input, in order) and on a
 * repost-heavy stream built from them ({@link RepostMix}: {@code --repeat-share} of the posts
 * repeat a recent text), ours with one shared pipeline and with one per thread, and with the
 * annotation cache. The posts are the seed scenario's unless {@code --in} names a file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchAlertsCommand.class, BenchMemoryCommand.class},
        description = {"Measure annotation throughput (posts/s) for CoreNLP's default configuration and ours, on the same posts.",
                "'bench alerts' measures alert latency while the input outruns annotation; 'bench memory' the job's heap over a long run."})
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

    @Option(names = "--repeat-share", defaultValue = "" + RepostMix.DEFAULT_REPEAT_SHARE,
            description = "Share of the repost-heavy stream's posts that repeat a recent text (default: ${DEFAULT-VALUE}).")
    double repeatShare;

    @Option(names = "--annotation-cache", defaultValue = "" + AnnotationCacheSettings.DEFAULT_MAX_ENTRIES, paramLabel = "ENTRIES",
            description = "Entries of the annotation cache measured (default: ${DEFAULT-VALUE}).")
    int cacheEntries;

    @Override
    public Integer call() throws Exception {
        if (posts < 1) {
            throw new ParameterException(spec.commandLine(), "--posts must be at least 1, was " + posts);
        }
        if (!(repeatShare >= 0 && repeatShare < 1)) {
            throw new ParameterException(spec.commandLine(), "--repeat-share must be in [0, 1), was " + repeatShare);
        }
        if (cacheEntries < 1) {
            throw new ParameterException(spec.commandLine(), "--annotation-cache must be at least 1 entry here, was " + cacheEntries);
        }
        Path input = in;
        if (input == null) {
            Path dir = Files.createTempDirectory("spikewatch-bench");
            ScenarioGenerator.builder().includeMalformed(false).build().write(dir);
            input = dir.resolve(ScenarioFiles.POSTS);
        }
        List<String> distinct = RepostMix.distinct(AnnotationBenchmark.readTexts(input));
        List<String> unique = distinct.subList(0, Math.min(posts, distinct.size()));
        List<String> repostHeavy = RepostMix.repostHeavy(distinct, unique.size(), repeatShare, RepostMix.DEFAULT_SEED);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Timing %d posts from %s on %d threads (after %d warm-up annotations), %d cores, max heap %d MiB%n"
                        + "  unique: %d distinct texts; repost-heavy: %.0f%% of the posts repeat one of the last %d new texts%n",
                unique.size(), input, threads, warmup, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, unique.size(), 100 * RepostMix.repeatShare(repostHeavy), RepostMix.RECENT_TEXTS);
        AnnotatorConfig ours = AnnotatorConfig.builder()
                .trackedEntitiesYaml(SeedTrackedEntities.yaml(), SeedTrackedEntities.SOURCE)
                .build();
        List<BenchmarkResult> results = new AnnotationBenchmark(threads, warmup)
                .compare(unique, repostHeavy, ours, AnnotationCacheSettings.ofEntries(cacheEntries), result -> {
                    spec.commandLine().getOut().printf(Locale.ROOT, "  measured %s on %s: %.1f posts/s%n",
                            result.name(), result.stream(), result.postsPerSecond());
                    spec.commandLine().getOut().flush();
                });
        spec.commandLine().getOut().print(AnnotationBenchmark.table(results));
        return 0;
    }
}
