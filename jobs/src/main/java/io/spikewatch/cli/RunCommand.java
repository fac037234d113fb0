package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.formats.SourceFormats;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.config.RunInput;
import io.spikewatch.config.SpikewatchConfig;
import io.spikewatch.config.SpikewatchConfigLoader;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.replay.ReplaySpeed;
import org.apache.flink.api.common.JobExecutionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Runs the monitor job over NDJSON files (a backfill, or a replay at N x real time), or over
 * Kafka topics of the same NDJSON lines (one record per message); configured by options, or by
 * one YAML file ({@code --config}), which then excludes the options it covers.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the monitor job over NDJSON files, or Kafka topics, of posts and statements into Elasticsearch.")
public final class RunCommand implements Callable<Integer> {

    /**
     * With Kafka, a partition without records for this long stops holding the event-time
     * watermark (a statements topic may be quiet for hours); files are never idle.
     */
    static final Duration KAFKA_SOURCE_IDLENESS = SpikewatchConfigLoader.DEFAULT_KAFKA_IDLE_AFTER;

    /** The options that may come with --config: they shape the printed summary, not the job. */
    static final Set<String> OPTIONS_BESIDE_CONFIG = Set.of("--config", "--time-zone");

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML file with the sources, Elasticsearch (hosts, index prefix, auth, TLS), tracked entities, alerts and job settings "
                    + "(see config/spikewatch.example.yaml); it excludes the options it covers.")
    Path config;

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--in", paramLabel = "FILE",
            description = "An NDJSON file of posts and/or statements; repeat for several (merged in event time). Either --in or --kafka-bootstrap.")
    List<Path> inputs;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Read Kafka topics instead of files: the brokers to bootstrap from.")
    String kafkaBootstrap;

    @Option(names = "--posts-topic", paramLabel = "TOPIC", description = "With --kafka-bootstrap: the topic of posts (required).")
    String postsTopic;

    @Option(names = "--statements-topic", paramLabel = "TOPIC", description = "With --kafka-bootstrap: the topic of campaign statements.")
    String statementsTopic;

    @Option(names = "--group-id", defaultValue = KafkaSettings.DEFAULT_GROUP_ID, paramLabel = "GROUP",
            description = "With --kafka-bootstrap: the consumer group; a fresh start resumes from its committed offsets, else from the earliest (default: ${DEFAULT-VALUE}). The fast path uses GROUP" + KafkaSettings.FAST_PATH_GROUP_SUFFIX + ".")
    String groupId;

    @Option(names = "--until-latest",
            description = "With --kafka-bootstrap: read up to the latest offsets as they are at the start, then end (a backfill); without it the job runs until stopped.")
    boolean untilLatest;

    @Option(names = "--idle-after", paramLabel = "DURATION",
            description = "With --kafka-bootstrap: how long a partition may be silent before it stops holding event time back "
                    + "(a live one moves it on with the clock), ISO-8601; PT0S never (default: PT30S).")
    Duration idleAfter;

    @Option(names = "--format", defaultValue = RawRecord.NDJSON, paramLabel = "FORMAT",
            description = "The format of every input, one record a line or a Kafka message: ndjson (ours), x-api-v2, bluesky-jetstream, mastodon, or press-feed (Kafka only) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--statements-format", paramLabel = "FORMAT",
            description = "With --statements-topic: the format of that topic, e.g. press-feed (default: --format).")
    String statementsFormat;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Mixin
    PendingOptions pending;

    @Mixin
    OverloadOptions overload;

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
        if (config != null) {
            rejectOptionsBesideConfig();
            SpikewatchConfig file = SpikewatchConfigLoader.load(config);
            RunInput input = file.input();
            return runAndSummarize(input.kafka(), input.untilLatest(), input.files(), input.speed(), file.connection(),
                    file.annotator(), file.settings(), file.alerting());
        }
        KafkaSettings kafka = kafkaSettings();
        MonitorSettings settings = MonitorSettings.builder()
                .indices(elasticsearch.indices())
                .annotationParallelism(parallelism)
                .outOfOrderness(outOfOrderness)
                .alertOutOfOrderness(alertOutOfOrderness)
                .allowedLateness(allowedLateness)
                .annotationCache(annotatorOptions.cacheSettings())
                .indexPending(pending.indexPending())
                .overloadSample(overload.sample())
                .sourceIdleness(sourceIdleness(kafka))
                .inputFormats(inputFormats())
                .build();
        AlertingSettings alerting = alertRules == null ? null
                : AlertingSettings.fromRulesFile(alertRules, annotatorOptions.config().trackedEntitiesYaml());
        return runAndSummarize(kafka, untilLatest, inputs, speed, elasticsearch.connection(), annotatorOptions.config(),
                settings, alerting);
    }

    private int runAndSummarize(KafkaSettings kafka, boolean fromKafkaUntilLatest, List<Path> files, ReplaySpeed replaySpeed,
            ElasticsearchConnection connection, AnnotatorConfig annotator, MonitorSettings settings,
            AlertingSettings alerting) throws Exception {
        JobExecutionResult result = kafka == null
                ? MonitorRun.execute(files, replaySpeed, connection, annotator, settings, alerting)
                : MonitorRun.executeKafka(kafka, fromKafkaUntilLatest, connection, annotator, settings, alerting);
        if (!result.isJobExecutionResult()) {
            // submitted detached to a cluster: the job runs on without this process, nothing to sum up yet
            spec.commandLine().getOut().println("submitted job " + result.getJobID());
            return 0;
        }
        try (ElasticsearchClient client = connection.createClient()) {
            IndexSummary summary = new IndexSummary(client, settings.indices());
            summary.refresh();
            SummaryPrinter printer = new SummaryPrinter(spec.commandLine().getOut(), zone);
            printer.counts(summary, settings.indices());
            printer.deadLetters(summary);
        }
        return 0;
    }

    /** How long a silent source split waits before it is idle: {@code --idle-after} with Kafka; files are never idle. */
    Duration sourceIdleness(KafkaSettings kafka) {
        if (kafka == null) {
            return MonitorSettings.DEFAULT_SOURCE_IDLENESS;
        }
        if (idleAfter == null) {
            return KAFKA_SOURCE_IDLENESS;
        }
        if (idleAfter.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--idle-after: expected a duration of zero (never idle) or more, but was "
                    + idleAfter);
        }
        return idleAfter;
    }

    /** The formats of {@code --format} and {@code --statements-format}; a wrong name is an error naming the option. */
    SourceFormats inputFormats() {
        SourceFormats formats;
        try {
            formats = SourceFormats.allIn(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage(), e);
        }
        if (statementsFormat == null) {
            return formats;
        }
        if (statementsTopic == null) {
            throw new ParameterException(spec.commandLine(), "--statements-format needs --statements-topic");
        }
        try {
            return formats.with(statementsTopic, statementsFormat);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--statements-format: " + e.getMessage(), e);
        }
    }

    /** With --config, the file is the one source of the settings it covers: any such option given too is an error. */
    void rejectOptionsBesideConfig() {
        Set<String> given = new TreeSet<>();
        spec.commandLine().getParseResult().matchedOptions().forEach(option -> {
            if (!OPTIONS_BESIDE_CONFIG.contains(option.longestName())) {
                given.add(option.longestName());
            }
        });
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--config excludes " + String.join(", ", given)
                    + ": the file holds these settings (only " + String.join(" and ", new TreeSet<>(OPTIONS_BESIDE_CONFIG))
                    + " may come with it)");
        }
    }

    /** The Kafka settings of the options, or null to read files; mixing the two is an error. */
    KafkaSettings kafkaSettings() {
        boolean files = inputs != null && !inputs.isEmpty();
        if (kafkaBootstrap == null) {
            if (!files) {
                throw new ParameterException(spec.commandLine(), "give the input: --in FILE, or --kafka-bootstrap HOST:PORT with --posts-topic");
            }
            for (String kafkaOnly : new String[] {postsTopic, statementsTopic}) {
                if (kafkaOnly != null) {
                    throw new ParameterException(spec.commandLine(), "--posts-topic and --statements-topic need --kafka-bootstrap");
                }
            }
            if (untilLatest) {
                throw new ParameterException(spec.commandLine(), "--until-latest needs --kafka-bootstrap");
            }
            if (idleAfter != null) {
                throw new ParameterException(spec.commandLine(), "--idle-after needs --kafka-bootstrap");
            }
            return null;
        }
        if (files) {
            throw new ParameterException(spec.commandLine(), "--in and --kafka-bootstrap exclude each other: read files or Kafka topics");
        }
        if (postsTopic == null) {
            throw new ParameterException(spec.commandLine(), "--kafka-bootstrap needs --posts-topic TOPIC");
        }
        List<String> topics = new ArrayList<>(List.of(postsTopic));
        if (statementsTopic != null) {
            topics.add(statementsTopic);
        }
        try {
            return new KafkaSettings(kafkaBootstrap, topics, groupId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid Kafka option: " + e.getMessage(), e);
        }
    }
}
