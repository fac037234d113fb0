package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.replay.ReplaySpeed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the monitor job over NDJSON files (a backfill, or a replay at N x real time). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the monitor job over NDJSON files of posts and statements into Elasticsearch.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "An NDJSON file of posts and/or statements; repeat for several (merged in event time).")
    List<Path> inputs;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Mixin
    PendingOptions pending;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|Nx",
            description = "Replay speed: 'max' (as fast as possible) or a multiple of real time such as 60x (default: ${DEFAULT-VALUE}).")
    ReplaySpeed speed;

    @Option(names = "--parallelism", defaultValue = "" + MonitorSettings.DEFAULT_ANNOTATION_PARALLELISM,
            description = "Parallel annotation tasks (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--out-of-orderness", defaultValue = "PT2M", paramLabel = "DURATION",
            description = "How far out of order records may arrive, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration outOfOrderness;

    @Option(names = "--alert-out-of-orderness", defaultValue = "PT10S", paramLabel = "DURATION",
            description = "How far out of order posts may reach the alert path; an alert waits this long after its minute closes, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration alertOutOfOrderness;

    @Option(names = "--allowed-lateness", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "How long late records still correct their minute's metrics, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration allowedLateness;

    @Option(names = "--alert-rules", paramLabel = "FILE",
            description = "The alert rules file (see config/alert-rules.yaml); without it, no spike detection or alerts.")
    Path alertRules;

    @Option(names = "--time-zone", defaultValue = "UTC", description = "Time zone of the printed summary (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        MonitorSettings settings = MonitorSettings.builder()
                .indices(elasticsearch.indices())
                .annotationParallelism(parallelism)
                .outOfOrderness(outOfOrderness)
                .alertOutOfOrderness(alertOutOfOrderness)
                .allowedLateness(allowedLateness)
                .annotationCache(annotatorOptions.cacheSettings())
                .indexPending(pending.indexPending())
                .build();
        MonitorRun.execute(inputs, speed, elasticsearch.connection(), annotatorOptions.config(), settings,
                alertRules == null ? null : AlertingSettings.fromRulesFile(alertRules, annotatorOptions.config().trackedEntitiesYaml()));
        try (ElasticsearchClient client = elasticsearch.connection().createClient()) {
            IndexSummary summary = new IndexSummary(client, settings.indices());
            summary.refresh();
            SummaryPrinter printer = new SummaryPrinter(spec.commandLine().getOut(), zone);
            printer.counts(summary, settings.indices());
            printer.deadLetters(summary);
        }
        return 0;
    }
}
