package io.spikewatch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.annotate.AnnotationBenchmark;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.annotate.BenchmarkResult;
import io.spikewatch.annotate.CoreNlpAnnotator;
import io.spikewatch.cli.MonitorRun;
import io.spikewatch.fixtures.ScenarioFiles;
import io.spikewatch.fixtures.ScenarioGenerator;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.monitor.OverloadSample;
import io.spikewatch.replay.ReplaySpeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/**
 * Alert latency while the input outruns annotation. It measures this machine's annotation
 * capacity (posts/s of our annotator on as many threads as the job annotates with), then runs the
 * real monitor job (embedded Flink, CoreNLP, Elasticsearch) twice on a {@link SurgeProfile}
 * replayed at a fixed speed: the <em>overload</em> run, whose surges enter the job at
 * {@code overloadMultiple} × capacity, and a <em>baseline</em> with the same shape and pacing
 * but a {@code overloadMultiple}-th of the posts, so annotation keeps up. Keeping the pacing the
 * same keeps every wait it implies the same (a minute lasts {@code 60/speed} s, the watermark's
 * out-of-orderness {@code outOfOrderness/speed}), so the two runs differ only in how far NLP is
 * behind. A 1-minute threshold rule halfway between background and surge raises one alert per
 * surge, delivered to a {@link WebhookReceiver}.
 *
 * <p><b>Sentiment.</b> The last surge is also a negative sentiment shift: its posts are texts the
 * job's annotator calls negative, every other post one it calls neutral or positive ({@link
 * TemplateMoods}). A sentiment-shift rule on all posts alerts on it once annotation gets there, so
 * its latency is how far sentiment trails when the backlog is deepest.
 *
 * <p><b>When did a minute close?</b> The alert path's source is wrapped in a
 * {@link RecordingSource}, which notes when it emitted records; a minute closed when the first
 * record past its end left the source. Recorded rather than computed from the pacing because the
 * pace's starting instant is private to the reader and because a source on a loaded machine can
 * fall behind its schedule: the log says when records actually left, and how far behind the pace
 * that was is reported beside the latencies ({@link EmissionLog#maxBehindPace}).
 *
 * <p><b>Searchable and annotated.</b> While it waits for the alerts, it asks the posts index at
 * every poll (after a refresh) for its newest post and its newest annotated post, and measures,
 * per event-time second the fast path read, how long until a probe found it searchable (pending
 * or annotated) and annotated ({@link Freshness}): with pending indexing on, the first is the
 * sink's flush and the refresh; the second is the annotation backlog.
 *
 * <p>Each run deletes the benchmark's indices first (so no earlier delivery record suppresses an
 * alert) and cancels the job once every surge's alert arrived after the replay ended, or
 * {@link Builder#grace} later: the backlog of annotation is not waited for.
 */
public final class AlertLatencyBenchmark {

    public static final double DEFAULT_SPEED = 60;
    public static final int DEFAULT_OVERLOAD_MULTIPLE = 10;
    /** Posts timed for the capacity: a few seconds of annotation, so a moment's noise on a shared machine weighs less. */
    public static final int DEFAULT_CAPACITY_POSTS = 600;
    /**
     * Posts annotated before the capacity is timed. CoreNLP needs a few hundred before the JIT
     * has compiled its hot paths: after only 100, this machine measured about half the rate the
     * job then reached.
     */
    public static final int DEFAULT_CAPACITY_WARMUP = 400;
    /**
     * How long after the replay ends to wait for alerts still missing: a saturated run's
     * sentiment-shift alert comes only when annotation reaches the last surge.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);
    /** Time for the embedded cluster to start and CoreNLP to load, on top of the replay's own length. */
    public static final Duration STARTUP_ALLOWANCE = Duration.ofMinutes(2);
    public static final String DEFAULT_INDEX_PREFIX = "spikewatch-bench";
    static final String RULE = "surge";
    static final String CHANNEL = "bench-webhook";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int TEMPLATE_POSTS = 3_000;
    /** Templates of each mood kept for the scenario (negative for the last surge, the others for the rest). */
    private static final int MOOD_TEMPLATES = 100;

    private final Builder settings;
    private final PrintWriter out;

    private AlertLatencyBenchmark(Builder settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Measures capacity (unless given), runs the baseline and the overload run, prints the table; returns both results. */
    public List<AlertLatencyResult> run() throws Exception {
        Files.createDirectories(settings.workDir);
        List<ObjectNode> templates = templates();
        double capacity = settings.capacity != null ? settings.capacity : measureCapacity(templates);
        TemplateMoods moods = TemplateMoods.of(templates, preloadModels(), MOOD_TEMPLATES);
        SurgeProfile overload = SurgeProfile.forSurgeRate(settings.overloadMultiple * capacity, settings.speed);
        SurgeProfile baseline = overload.thinnedBy(settings.overloadMultiple);
        out.printf(Locale.ROOT, "Replay at %.0fx real time (a minute of events in %.1f s); %d surges of %d min, threshold rule per run.%n",
                settings.speed, 60 / settings.speed, overload.surges(), overload.surgeMinutes());
        out.println("  posts indexed as pending ahead of annotation (--index-pending): " + (settings.indexPending ? "on" : "off"));
        out.println("  overload sample (--overload-sample, --overload-after): " + settings.overloadSample.describe());
        out.printf(Locale.ROOT, "  the last surge is a negative sentiment shift: %d texts the annotator calls negative, the other posts"
                + " from %d it does not; a sentiment_shift rule on all posts%n", moods.negative().size(), moods.other().size());
        describe("baseline", baseline, capacity);
        describe("overload", overload, capacity);
        out.flush();
        List<AlertLatencyResult> results = new ArrayList<>();
        results.add(runOnce("baseline", baseline, capacity, moods));
        results.add(runOnce("overload", overload, capacity, moods));
        out.println();
        out.print(LatencyTable.summary(results));
        out.printf(Locale.ROOT, "* pipeline: latency minus the wait for the alert path's out-of-orderness (%d s of event time = %.1f s"
                + " at this speed); checkpoints %s%n", settings.outOfOrderness.toSeconds(),
                settings.outOfOrderness.toMillis() / 1000.0 / settings.speed, settings.unalignedCheckpoints ? "unaligned" : "aligned");
        out.println();
        out.print(LatencyTable.alerts(results));
        out.println();
        out.println("Negative sentiment shift in the last surge (sentiment_shift rule, from the close of the surge's first minute):");
        out.print(LatencyTable.shifts(results));
        out.println();
        out.printf(Locale.ROOT, "Posts searchable vs annotated (wall clock from the fast path reading an event second's first post to"
                + " the first probe of the posts index that held it; probes every %.2f s, after a refresh):%n", POLL.toMillis() / 1000.0);
        out.print(LatencyTable.freshness(results));
        out.flush();
        return results;
    }

    private void describe(String name, SurgeProfile p, double capacity) {
        out.printf(Locale.ROOT, "  %-9s %,d posts over %d min: background %d/min, surge %d/min = %.0f posts/s in a surge (%.1fx capacity), threshold %d%n",
                name, p.totalPosts(), p.totalMinutes(), p.backgroundPerMinute(), p.surgePerMinute(), p.surgeRate(settings.speed),
                p.surgeRate(settings.speed) / capacity, p.threshold());
    }

    private List<ObjectNode> templates() throws IOException {
        Path file = settings.templates;
        if (file == null) {
            Path seed = settings.workDir.resolve("seed");
            ScenarioGenerator.builder().includeMalformed(false).targetPosts(TEMPLATE_POSTS).build().write(seed);
            file = seed.resolve(ScenarioFiles.POSTS);
        }
        return SurgeScenario.readTemplates(file);
    }

    private double measureCapacity(List<ObjectNode> templates) {
        List<String> texts = templates.stream().map(post -> post.path("text").asText()).limit(settings.capacityPosts).toList();
        out.printf(Locale.ROOT, "Measuring annotation capacity: %d posts on %d threads after %d warm-up posts...%n",
                texts.size(), settings.annotationParallelism, settings.capacityWarmup);
        out.flush();
        BenchmarkResult result = new AnnotationBenchmark(settings.annotationParallelism, settings.capacityWarmup)
                .measure("spikewatch", settings.annotator, texts);
        out.printf(Locale.ROOT, "  annotation capacity: %.1f posts/s (models loaded in %.1f s)%n",
                result.postsPerSecond(), result.load().toMillis() / 1000.0);
        return result.postsPerSecond();
    }

    /**
     * Loads CoreNLP's models into this JVM's shared pipeline cache, where the embedded job's
     * annotators find them: the runs measure a job in its steady state, not one whose annotation
     * starts minutes of event time late because it is still loading its models.
     */
    private CoreNlpAnnotator preloadModels() {
        long start = System.nanoTime();
        CoreNlpAnnotator annotator = new CoreNlpAnnotator(settings.annotator);
        out.printf(Locale.ROOT, "  models loaded for the job in %.1f s (shared by its annotation tasks)%n", (System.nanoTime() - start) / 1e9);
        return annotator;
    }

    private AlertLatencyResult runOnce(String name, SurgeProfile profile, double capacity, TemplateMoods moods) throws Exception {
        Path dir = settings.workDir.resolve(name);
        Files.createDirectories(dir);
        Path posts = dir.resolve("posts.ndjson");
        Path log = dir.resolve("alert-source-emissions.log");
        Files.deleteIfExists(log);
        new SurgeScenario(moods.other(), moods.negative()).write(profile, posts);
        out.printf(Locale.ROOT, "%nRun '%s': %,d posts; starting the job...%n", name, profile.totalPosts());
        out.flush();
        try (ElasticsearchClient client = settings.connection.createClient()) {
            client.indices().delete(d -> d.index(settings.indices.all()).ignoreUnavailable(true).allowNoIndices(true));
            IndexedPostsProgress progress = new IndexedPostsProgress(client, settings.indices.posts(), Clock.systemUTC());
            List<Freshness.Probe> probes = new ArrayList<>();
            try (WebhookReceiver webhook = new WebhookReceiver(Clock.systemUTC(), progress)) {
                AlertingSettings alerting = AlertingSettings.withRules(rulesYaml(webhook, profile), "benchmark rules (generated)",
                        settings.annotator.trackedEntitiesYaml());
                // no annotation cache: the capacity is measured without one, and the surge repeats the
                // templates' texts, so a cached job would annotate it several times faster than that
                // capacity and the overload would not be the multiple stated
                MonitorSettings monitor = MonitorSettings.builder().indices(settings.indices)
                        .annotationCache(AnnotationCacheSettings.DISABLED)
                        .alertOutOfOrderness(settings.outOfOrderness).annotationParallelism(settings.annotationParallelism)
                        .unalignedCheckpoints(settings.unalignedCheckpoints).indexPending(settings.indexPending)
                        .overloadSample(settings.overloadSample).build();
                long started = System.nanoTime();
                JobClient job = MonitorRun.start(List.of(posts), ReplaySpeed.timesRealTime(settings.speed), settings.connection,
                        settings.annotator, monitor, alerting, replay -> new RecordingSource<>(replay, log));
                AlertLatencyResult.Throughput annotated;
                try {
                    awaitAlerts(job, webhook, log, profile, progress, probes);
                    EmissionLog emitted = EmissionLog.read(log);
                    Instant now = Instant.now();
                    Instant firstEmission = emitted.entries().stream().findFirst().map(EmissionLog.Entry::emittedAt).orElse(now);
                    long offered = profile.postsBefore(emitted.eventTimeAt(now).map(t -> t.plusSeconds(1)).orElse(profile.start()));
                    annotated = new AlertLatencyResult.Throughput(progress.count(), offered, Duration.between(firstEmission, now),
                            progress.countOutOfSample());
                } finally {
                    BenchRuns.stop(job);
                }
                out.printf(Locale.ROOT, "  run '%s' took %.0f s; %d alert(s) arrived%n", name,
                        (System.nanoTime() - started) / 1e9, webhook.arrivals().size());
                return AlertLatencyResult.of(name, profile, settings.speed, capacity, webhook.arrivals(), webhook.rejections(),
                        EmissionLog.read(log), settings.outOfOrderness, annotated, Freshness.of(EmissionLog.read(log), probes));
            }
        }
    }

    private String rulesYaml(WebhookReceiver webhook, SurgeProfile profile) {
        return """
                # Generated by the alert-latency benchmark: one alert per surge, and one for the
                # negative sentiment shift of the last surge.
                channels:
                  %s:
                    type: webhook
                    url: "%s"
                    timeout: 10s
                rules:
                  - name: %s
                    type: threshold
                    params:
                      count: %d
                      window: 1m
                    min_severity: 0
                    cooldown: 1m
                    channels: [%s]
                  - name: %s
                    type: sentiment_shift
                    params:
                      min_posts: 10
                    min_severity: 0
                    cooldown: 1m
                    channels: [%s]
                """.formatted(CHANNEL, webhook.url(), RULE, profile.threshold(), CHANNEL, AlertLatencyResult.SHIFT_RULE, CHANNEL);
    }

    /**
     * Waits until the replay has emitted its last minute and either every surge's alert and the shift's arrived or
     * the grace period passed; or until the job ends by itself. A failed job is an error. Meanwhile
     * it asks the posts index, at every poll, how new its newest post and newest annotated post are.
     */
    private void awaitAlerts(JobClient job, WebhookReceiver webhook, Path log, SurgeProfile profile,
            IndexedPostsProgress progress, List<Freshness.Probe> probes) throws Exception {
        Instant lastMinute = profile.end().minus(AlertLatency.MINUTE);
        Duration replay = ReplaySpeed.timesRealTime(settings.speed).wallTimeFor(Duration.ofMinutes(profile.totalMinutes()));
        long deadline = System.nanoTime() + STARTUP_ALLOWANCE.plus(replay).plus(settings.grace).toNanos();
        Long replayDoneAt = null;
        CompletableFuture<JobExecutionResult> ended = job.getJobExecutionResult();
        while (true) {
            probes.add(progress.probe());
            if (ended.isDone()) {
                ended.get(); // a bounded replay may finish by itself; a failed one throws its cause here
                return;
            }
            if (replayDoneAt == null && EmissionLog.read(log).lastEventTime().filter(t -> !t.isBefore(lastMinute)).isPresent()) {
                replayDoneAt = System.nanoTime();
            }
            List<AlertArrival> started = webhook.arrivals().stream().filter(a -> AlertLatencyResult.STARTED.equals(a.phase())).toList();
            long volume = started.stream().filter(a -> !AlertLatencyResult.isShift(a)).count();
            boolean shift = started.stream().anyMatch(AlertLatencyResult::isShift);
            boolean all = volume >= profile.surges() && shift;
            if (replayDoneAt != null && (all || System.nanoTime() - replayDoneAt > settings.grace.toNanos())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                out.println("  gave up waiting: the replay did not finish within " + STARTUP_ALLOWANCE.plus(replay).plus(settings.grace));
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The benchmark's settings; each setter checks its value. */
    public static final class Builder {
        private ElasticsearchConnection connection;
        private IndexNames indices = new IndexNames(DEFAULT_INDEX_PREFIX);
        private Path workDir;
        private Path templates;
        private AnnotatorConfig annotator = AnnotatorConfig.defaults();
        private double speed = DEFAULT_SPEED;
        private int overloadMultiple = DEFAULT_OVERLOAD_MULTIPLE;
        private Double capacity;
        private int capacityPosts = DEFAULT_CAPACITY_POSTS;
        private int capacityWarmup = DEFAULT_CAPACITY_WARMUP;
        private int annotationParallelism = MonitorSettings.DEFAULT_ANNOTATION_PARALLELISM;
        private Duration outOfOrderness = MonitorSettings.DEFAULT_ALERT_OUT_OF_ORDERNESS;
        private Duration grace = DEFAULT_GRACE;
        private boolean unalignedCheckpoints = MonitorSettings.DEFAULT_UNALIGNED_CHECKPOINTS;
        private boolean indexPending = MonitorSettings.DEFAULT_INDEX_PENDING;
        private OverloadSample overloadSample = OverloadSample.OFF;

        private Builder() {}

        public Builder connection(ElasticsearchConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
            return this;
        }

        /** The indices each run deletes and writes; must not be the production ones. */
        public Builder indices(IndexNames indices) {
            this.indices = BenchRuns.requireNotProduction(indices, DEFAULT_INDEX_PREFIX);
            return this;
        }

        /** Where the scenario files and emission logs go. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** NDJSON posts whose texts the scenario reuses (default: the seed scenario, generated). */
        public Builder templates(Path templates) {
            if (templates != null && !Files.isRegularFile(templates)) {
                throw new IllegalArgumentException("templates: no file '" + templates + "'");
            }
            this.templates = templates;
            return this;
        }

        /** The annotator the job and the capacity measurement use, tracked entities included. */
        public Builder annotator(AnnotatorConfig annotator) {
            this.annotator = Objects.requireNonNull(annotator, "annotator");
            return this;
        }

        /** Replay speed, a multiple of real time. */
        public Builder speed(double speed) {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed: expected a positive multiple of real time but was " + speed);
            }
            this.speed = speed;
            return this;
        }

        /** The surge's input rate as a multiple of the annotation capacity (the baseline gets one such fraction of it). */
        public Builder overloadMultiple(int multiple) {
            if (multiple < 2) {
                throw new IllegalArgumentException("overload multiple: expected 2 or more but was " + multiple);
            }
            this.overloadMultiple = multiple;
            return this;
        }

        /** Skips the capacity measurement and takes this one (posts/s). */
        public Builder capacity(double postsPerSecond) {
            if (!(postsPerSecond > 0) || Double.isInfinite(postsPerSecond)) {
                throw new IllegalArgumentException("capacity: expected a positive number of posts per second but was " + postsPerSecond);
            }
            this.capacity = postsPerSecond;
            return this;
        }

        public Builder capacityPosts(int posts) {
            if (posts < 1) {
                throw new IllegalArgumentException("capacity posts: expected at least 1 but was " + posts);
            }
            this.capacityPosts = posts;
            return this;
        }

        public Builder capacityWarmup(int posts) {
            if (posts < 0) {
                throw new IllegalArgumentException("capacity warm-up: expected 0 or more but was " + posts);
            }
            this.capacityWarmup = posts;
            return this;
        }

        public Builder annotationParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("annotation parallelism: expected at least 1 but was " + parallelism);
            }
            this.annotationParallelism = parallelism;
            return this;
        }

        public Builder outOfOrderness(Duration outOfOrderness) {
            if (outOfOrderness.isNegative()) {
                throw new IllegalArgumentException("out-of-orderness: expected 0 or more but was " + outOfOrderness);
            }
            this.outOfOrderness = outOfOrderness;
            return this;
        }

        /** Whether the job checkpoints unaligned, as it does by default; false shows what aligned barriers cost. */
        public Builder unalignedCheckpoints(boolean unaligned) {
            this.unalignedCheckpoints = unaligned;
            return this;
        }

        /** Whether the job indexes posts as pending ahead of annotation, as it does by default; false shows the posts index waiting for NLP. */
        public Builder indexPending(boolean indexPending) {
            this.indexPending = indexPending;
            return this;
        }

        /** Which posts the job gives CoreNLP while annotation is behind (off, every post, by default). */
        public Builder overloadSample(OverloadSample overloadSample) {
            this.overloadSample = Objects.requireNonNull(overloadSample, "overloadSample");
            return this;
        }

        /** How long after the replay ends to wait for alerts still missing. */
        public Builder grace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("grace: expected 0 or more but was " + grace);
            }
            this.grace = grace;
            return this;
        }

        public AlertLatencyBenchmark build(PrintWriter out) {
            if (connection == null) {
                throw new IllegalStateException("the benchmark needs an Elasticsearch connection");
            }
            if (workDir == null) {
                throw new IllegalStateException("the benchmark needs a work directory");
            }
            return new AlertLatencyBenchmark(this, Objects.requireNonNull(out, "out"));
        }
    }
}
