package io.spikewatch.cli;

import io.spikewatch.bench.MemoryBenchmark;
import io.spikewatch.fixtures.ScenarioGenerator;
import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.MonitorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench memory}: the heap of the real monitor job over a long generated stream, sampled as
 * it runs, with its trend ({@link MemoryBenchmark}). The heap measured is this JVM's, so
 * {@code SPIKEWATCH_JAVA_OPTS} (e.g. {@code -Xmx2g}) sets what is tested.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Run the monitor job (embedded Flink, CoreNLP, default alert rules, Elasticsearch) on a long generated stream"
                + " as fast as it goes and sample the heap: in use, after GC, posts indexed, annotation cache entries; then the peak,"
                + " the medians of the first and last third, the growth per 100k posts and a verdict. Deletes and rewrites the"
                + " PREFIX-* indices. The JVM's -Xmx (SPIKEWATCH_JAVA_OPTS) is the heap under test."})
public final class BenchMemoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Option(names = "--es-url", paramLabel = "URL",
            description = "Elasticsearch URL(s), comma-separated (default: $" + ElasticsearchOptions.URL_ENV + " or "
                    + ElasticsearchOptions.DEFAULT_URL + ").")
    String esUrl;

    @Option(names = "--index-prefix", paramLabel = "PREFIX", defaultValue = MemoryBenchmark.DEFAULT_INDEX_PREFIX,
            description = "Prefix of the benchmark's indices, deleted before the run; not 'spikewatch' (default: ${DEFAULT-VALUE}).")
    String indexPrefix;

    @Option(names = "--posts", paramLabel = "N", defaultValue = "" + MemoryBenchmark.DEFAULT_POSTS,
            description = "Posts to generate (default: ${DEFAULT-VALUE}; 100000 or more for a long run).")
    int posts;

    @Option(names = "--scenario", paramLabel = "DIR",
            description = "Replay the scenario already in DIR ('generate --out DIR --posts N') instead of generating one: the"
                    + " generator holds the whole scenario in memory, which at several hundred thousand posts does not fit beside"
                    + " the job in the heap under test.")
    Path scenario;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + ScenarioGenerator.DEFAULT_SEED,
            description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "Time between heap samples, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--full-gc",
            description = "Ask for a full collection before each sample, so 'after GC' is the live heap exactly (a pause per sample).")
    boolean fullGc;

    @Option(names = "--flat-tolerance", paramLabel = "MIB", defaultValue = "" + MemoryBenchmark.DEFAULT_FLAT_TOLERANCE_MIB,
            description = "How far the last third's median heap after GC may be above the first's for the verdict 'flat' (default: ${DEFAULT-VALUE}).")
    long flatToleranceMib;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + MonitorSettings.DEFAULT_ANNOTATION_PARALLELISM,
            description = "Annotation tasks of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--alert-rules", paramLabel = "FILE",
            description = "The alert rules file (default: config/alert-rules.yaml in the project).")
    Path alertRules;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the generated scenario is written (default: .local/bench-memory in the project).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("spikewatch.home", "."));
        ElasticsearchOptions es = new ElasticsearchOptions();
        es.url = esUrl;
        MemoryBenchmark.Builder builder = MemoryBenchmark.builder();
        try {
            builder.connection(es.connection())
                    .indices(new IndexNames(indexPrefix))
                    .workDir(workDir != null ? workDir : home.resolve(".local").resolve("bench-memory"))
                    .rulesFile(alertRules != null ? alertRules : home.resolve("config").resolve("alert-rules.yaml"))
                    .posts(posts)
                    .scenario(scenario)
                    .seed(seed)
                    .interval(interval)
                    .fullGc(fullGc)
                    .flatToleranceMib(flatToleranceMib)
                    .annotationParallelism(parallelism)
                    .annotator(annotatorOptions.config(SeedTrackedEntities.yaml(), SeedTrackedEntities.SOURCE))
                    .annotationCache(annotatorOptions.cacheSettings());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
        builder.build(spec.commandLine().getOut()).run();
        return 0;
    }
}
