package io.spikewatch.cli;

import io.spikewatch.bench.AlertLatencyBenchmark;
import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.MonitorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench alerts}: alert latency while the input runs at ten times the annotation capacity,
 * against a baseline at capacity ({@link AlertLatencyBenchmark}).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Measure alert latency (close of a spike's first minute to arrival at a webhook) while the input runs at N times"
                + " the annotation capacity, against a baseline at capacity. Runs the real job (embedded Flink, CoreNLP, Elasticsearch);"
                + " deletes and rewrites the PREFIX-* indices."})
public final class BenchAlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Option(names = "--es-url", paramLabel = "URL",
            description = "Elasticsearch URL(s), comma-separated (default: $" + ElasticsearchOptions.URL_ENV + " or "
                    + ElasticsearchOptions.DEFAULT_URL + ").")
    String esUrl;

    @Option(names = "--index-prefix", paramLabel = "PREFIX", defaultValue = AlertLatencyBenchmark.DEFAULT_INDEX_PREFIX,
            description = "Prefix of the benchmark's indices, deleted before each run; not 'spikewatch' (default: ${DEFAULT-VALUE}).")
    String indexPrefix;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "" + AlertLatencyBenchmark.DEFAULT_SPEED,
            description = "Replay speed, a multiple of real time (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--overload", paramLabel = "N", defaultValue = "" + AlertLatencyBenchmark.DEFAULT_OVERLOAD_MULTIPLE,
            description = "Surge input rate as a multiple of the annotation capacity (default: ${DEFAULT-VALUE}).")
    int overload;

    @Option(names = "--capacity", paramLabel = "POSTS_PER_S",
            description = "Take this annotation capacity instead of measuring it.")
    Double capacity;

    @Option(names = "--capacity-posts", paramLabel = "N", defaultValue = "" + AlertLatencyBenchmark.DEFAULT_CAPACITY_POSTS,
            description = "Posts timed when measuring the capacity (default: ${DEFAULT-VALUE}).")
    int capacityPosts;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + MonitorSettings.DEFAULT_ANNOTATION_PARALLELISM,
            description = "Annotation tasks of the job and threads of the capacity measurement (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--alert-out-of-orderness", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "The alert path's watermark out-of-orderness, ISO-8601 (default: ${DEFAULT-VALUE}, the job's default).")
    Duration outOfOrderness;

    @Option(names = "--aligned-checkpoints",
            description = "Run the job with aligned checkpoints instead of its default unaligned ones, to see what they cost.")
    boolean alignedCheckpoints;

    @Mixin
    PendingOptions pending;

    @Mixin
    OverloadOptions overloadSample;

    @Option(names = "--templates", paramLabel = "FILE",
            description = "NDJSON posts whose texts the scenario reuses (default: the seed scenario, generated).")
    Path templates;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the scenario and logs are written (default: .local/bench-alerts in the project).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        ElasticsearchOptions es = new ElasticsearchOptions();
        es.url = esUrl;
        AlertLatencyBenchmark.Builder builder = AlertLatencyBenchmark.builder()
                .connection(es.connection())
                .indices(new IndexNames(indexPrefix))
                .workDir(workDir != null ? workDir : Path.of(System.getProperty("spikewatch.home", "."), ".local", "bench-alerts"))
                .templates(templates)
                .annotator(annotatorOptions.config(SeedTrackedEntities.yaml(), SeedTrackedEntities.SOURCE))
                .speed(speed)
                .overloadMultiple(overload)
                .capacityPosts(capacityPosts)
                .annotationParallelism(parallelism)
                .outOfOrderness(outOfOrderness)
                .unalignedCheckpoints(!alignedCheckpoints)
                .indexPending(pending.indexPending())
                .overloadSample(overloadSample.sample());
        if (capacity != null) {
            builder.capacity(capacity);
        }
        builder.build(spec.commandLine().getOut()).run();
        return 0;
    }
}
