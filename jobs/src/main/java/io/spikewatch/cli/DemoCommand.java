package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.fixtures.ScenarioFiles;
import io.spikewatch.fixtures.ScenarioGenerator;
import io.spikewatch.fixtures.ScenarioSummary;
import io.spikewatch.fixtures.SeedTimeline;
import io.spikewatch.index.IndexNames;
import io.spikewatch.live.LiveServer;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.replay.ReplaySpeed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The seed scenario end to end: generates the 12 August 2024 X Space stream (and the 24 May
 * 2023 launch) around the hand-written core, runs the monitor job on it, and prints what was
 * indexed. Deterministic: a second run overwrites the same documents.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the monitor job on the seed scenario and show the result.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Mixin
    PendingOptions pending;

    /**
     * Posts in the demo's scenario: enough for the statement-driven bursts to stand out minute by
     * minute (at 3,000 some have one post a minute), small enough to annotate in about a minute.
     */
    public static final int DEMO_POSTS = 30_000;

    @Option(names = "--posts", defaultValue = "" + DEMO_POSTS,
            description = "Posts to generate around the hand-written core (default: ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--seed", defaultValue = "" + ScenarioGenerator.DEFAULT_SEED, description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|Nx",
            description = "Replay speed: 'max' or a multiple of real time such as 60x (default: ${DEFAULT-VALUE}).")
    ReplaySpeed speed;

    @Option(names = "--alert-rules", paramLabel = "FILE",
            description = "The alert rules file (default: config/alert-rules.yaml in the project).")
    Path alertRules;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the generated scenario is written (default: .local/demo in the project).")
    Path workDir;

    @Option(names = "--live-port", defaultValue = "" + LiveServer.DEFAULT_PORT, paramLabel = "N",
            description = "Port of the live page on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int livePort;

    @Option(names = "--no-live-page", description = "Do not serve the live page while the job runs.")
    boolean noLivePage;

    @Option(names = "--keep-serving", description = "After the summary, keep serving the live page until Ctrl-C "
            + "(otherwise it stops when the demo ends; 'bin/spikewatch serve' serves it again).")
    boolean keepServing;

    private Path rulesFile() {
        return alertRules != null ? alertRules : Path.of(System.getProperty("spikewatch.home", "."), "config", "alert-rules.yaml");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (noLivePage && keepServing) {
            throw new IllegalArgumentException("--keep-serving needs the live page; drop --no-live-page");
        }
        Path scenarioDir = (workDir != null ? workDir : Path.of(System.getProperty("spikewatch.home", "."), ".local", "demo"))
                .resolve("scenario");
        ScenarioSummary scenario = ScenarioGenerator.write(scenarioDir, seed, posts);
        out.println("Spikewatch demo: the 12 August 2024 X Space and the 24 May 2023 Twitter Space launch");
        out.println(scenario.describe(scenarioDir).indent(2));

        IndexNames indices = elasticsearch.indices();
        try (ElasticsearchClient client = elasticsearch.connection().createClient()) {
            List<String> deleted = DemoIndices.clearPreviousRun(client, indices);
            if (!deleted.isEmpty()) {
                out.println("  starting from empty indices: deleted the previous demo's " + String.join(", ", deleted));
            }
        }
        LiveServer live = noLivePage ? null : LivePageOption.start(elasticsearch.connection(), indices, livePort, "--live-port");
        try {
            if (live != null) {
                out.println("  live page: " + live.url() + " (refreshes every few seconds while the job runs)");
                out.flush();
            }
            runAndSummarize(out, scenarioDir, indices);
            if (live != null && keepServing) {
                out.println("Serving the live page at " + live.url() + " until Ctrl-C.");
                out.flush();
                awaitShutdown(live);
            } else if (live != null) {
                out.println("  the live page stops with the demo; serve it again with: bin/spikewatch serve"
                        + (indices.prefix().equals(IndexNames.DEFAULT_PREFIX) ? "" : " --index-prefix " + indices.prefix()));
            }
        } finally {
            if (live != null) {
                live.close();
            }
        }
        return 0;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C), then lets the shutdown close {@code live}. */
    private static void awaitShutdown(LiveServer live) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                live.close();
            } catch (java.io.IOException e) {
                // the process is ending anyway
            }
            stopped.countDown();
        }, "stop-live-page"));
        stopped.await();
    }

    private void runAndSummarize(PrintWriter out, Path scenarioDir, IndexNames indices) throws Exception {
        MonitorSettings settings = MonitorSettings.builder().indices(indices)
                .annotationCache(annotatorOptions.cacheSettings())
                .indexPending(pending.indexPending()).build();
        AnnotatorConfig annotator = annotatorOptions.config(SeedTrackedEntities.yaml(), SeedTrackedEntities.SOURCE);
        out.println("  running the monitor job (Flink embedded, CoreNLP annotation on " + settings.annotationParallelism()
                + " tasks; the first run loads the models)...");
        long start = System.nanoTime();
        MonitorRun.execute(List.of(scenarioDir.resolve(ScenarioFiles.POSTS), scenarioDir.resolve(ScenarioFiles.STATEMENTS)), speed,
                elasticsearch.connection(), annotator, settings, AlertingSettings.fromRulesFile(rulesFile(), annotator.trackedEntitiesYaml()));
        Duration took = MonitorRun.elapsed(start);
        out.printf(Locale.ROOT, "  done in %dm %02ds%n%n", took.toMinutes(), took.toSecondsPart());

        try (ElasticsearchClient client = elasticsearch.connection().createClient()) {
            IndexSummary summary = new IndexSummary(client, indices);
            summary.refresh();
            SummaryPrinter printer = new SummaryPrinter(out, SeedTimeline.EASTERN);
            printer.counts(summary, indices);
            printer.deadLetters(summary);
            printer.alerts(summary);
            printer.labelCheck(LabelCheck.compare(LabelCheck.read(scenarioDir.resolve(ScenarioFiles.LABELS)), summary.alerts(IndexSummary.MAX_ALERTS)));
            printer.entities(summary);
            printer.volume(summary, "Volume per minute, 12 August 2024, around the scheduled start",
                    SeedTimeline.SPACE_SCHEDULED.minus(Duration.ofMinutes(15)), SeedTimeline.TALK_START.plus(Duration.ofMinutes(15)));
            printer.volume(summary, "Volume per minute, 24 May 2023, around the DeSantis launch",
                    SeedTimeline.DESANTIS_LAUNCH.minus(Duration.ofMinutes(10)), SeedTimeline.DESANTIS_CRASH.plus(Duration.ofMinutes(25)));
        }
        String url = elasticsearch.connection().urls().get(0).toString().replaceAll("/$", "");
        out.println("Where to look next:");
        out.println("  the posts that drew the most reposts about the platform:");
        out.println("    curl -s '" + url + "/" + indices.posts() + "/_search?pretty&size=5&sort=engagement.reposts:desc"
                + "&q=canonical_entities:%22X%20(platform)%22'");
        out.println("  every dead letter with its source, line and reason:");
        out.println("    curl -s '" + url + "/" + indices.deadLetters() + "/_search?pretty'");
        out.println("  Elasticsearch is left running for you to explore; stop it with: bin/spikewatch es stop");
    }
}
