package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.formats.SourceFormats;
import io.spikewatch.index.ElasticsearchAccessCheck;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.ElasticsearchSink;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.kafka.KafkaRecordSource;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.CoreNlpAnnotators;
import io.spikewatch.monitor.MonitorJob;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.replay.NdjsonReplaySource;
import io.spikewatch.replay.ReplaySpeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import io.spikewatch.schema.RawRecord;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.secrets.SecretResolver;

/**
 * Wires the production pieces of a monitor run over files or Kafka topics: installs the index
 * templates, then runs {@link MonitorJob} from an NDJSON replay or a Kafka source into
 * Elasticsearch. On a Flink cluster the same
 * code runs inside the submitted job; locally it starts an embedded MiniCluster.
 */
public final class MonitorRun {

    static final int RESTART_ATTEMPTS = 3;
    static final Duration RESTART_DELAY = Duration.ofSeconds(5);
    static final String JOB_NAME = "spikewatch-monitor";

    private MonitorRun() {}

    public static JobExecutionResult execute(
            List<Path> inputs,
            ReplaySpeed speed,
            ElasticsearchConnection connection,
            AnnotatorConfig annotatorConfig,
            MonitorSettings settings,
            AlertingSettings alerting) throws Exception {
        return environment(inputs, speed, connection, annotatorConfig, settings, alerting, null).execute(JOB_NAME);
    }

    /**
     * A run over Kafka topics: the indexing path reads them under {@code kafka}'s group, the fast
     * path (pending posts, alerting) a second time under {@link KafkaSettings#forFastPath()}'s.
     * Unbounded (until cancelled) unless {@code untilLatest}, which reads up to the latest offsets
     * as they were at the start and ends. Splits quiet for {@code sourceIdleness} stop holding the
     * watermark, since a statements topic may go hours without a record.
     */
    public static JobExecutionResult executeKafka(
            KafkaSettings kafka,
            boolean untilLatest,
            ElasticsearchConnection connection,
            AnnotatorConfig annotatorConfig,
            MonitorSettings settings,
            AlertingSettings alerting) throws Exception {
        SourceFormats formats = settings.inputFormats();
        Source<RawRecord, ?, ?> source = untilLatest
                ? KafkaRecordSource.upToLatest(kafka, formats) : KafkaRecordSource.unbounded(kafka, formats);
        Source<RawRecord, ?, ?> fastSource = untilLatest
                ? KafkaRecordSource.upToLatest(kafka.forFastPath(), formats) : KafkaRecordSource.unbounded(kafka.forFastPath(), formats);
        return environment(source, fastSource, connection, annotatorConfig, settings, alerting).execute(JOB_NAME);
    }

    /**
     * Starts the same run without waiting for it; the caller watches and may cancel it through
     * the returned client. The fast path (pending posts and alerting) reads {@code fastPathSource}
     * applied to the replay (a benchmark wraps the replay to note when records leave it).
     */
    public static JobClient start(
            List<Path> inputs,
            ReplaySpeed speed,
            ElasticsearchConnection connection,
            AnnotatorConfig annotatorConfig,
            MonitorSettings settings,
            AlertingSettings alerting,
            Function<NdjsonReplaySource, Source<RawRecord, ?, ?>> fastPathSource) throws Exception {
        return environment(inputs, speed, connection, annotatorConfig, settings, alerting, fastPathSource).executeAsync(JOB_NAME);
    }

    private static StreamExecutionEnvironment environment(
            List<Path> inputs,
            ReplaySpeed speed,
            ElasticsearchConnection connection,
            AnnotatorConfig annotatorConfig,
            MonitorSettings settings,
            AlertingSettings alerting,
            Function<NdjsonReplaySource, Source<RawRecord, ?, ?>> fastPathSource) throws Exception {
        NdjsonReplaySource source = NdjsonReplaySource.of(inputs, speed, settings.inputFormats());
        return environment(source,
                fastPathSource == null ? null : fastPathSource.apply(NdjsonReplaySource.of(inputs, speed, settings.inputFormats())),
                connection, annotatorConfig, settings, alerting);
    }

    private static StreamExecutionEnvironment environment(
            Source<RawRecord, ?, ?> source,
            Source<RawRecord, ?, ?> fastPathSource,
            ElasticsearchConnection connection,
            AnnotatorConfig annotatorConfig,
            MonitorSettings settings,
            AlertingSettings alerting) throws Exception {
        if (alerting != null) {
            alerting.checkAtStartUp(SecretResolver.ofProcess());
        }
        // A wrong password or an untrusted certificate stops the run here, with a sentence saying which.
        ElasticsearchAccessCheck.verify(connection);
        try (ElasticsearchClient client = connection.createClient()) {
            IndexTemplates.install(client, settings.indices());
        }
        ElasticsearchSink<IndexDocument> sink = ElasticsearchSink.<IndexDocument>builder()
                .setConnection(connection)
                .setConverter(document -> document)
                .setDeadLetterIndex(settings.indices().deadLetters())
                .build();
        MonitorJob job = new MonitorJob(source, fastPathSource, sink,
                new CoreNlpAnnotators(annotatorConfig, settings.annotationCache()), settings,
                alerting == null ? null : new MonitorJob.Alerting(alerting, connection));

        Configuration flinkConfig = new Configuration();
        flinkConfig.set(CoreOptions.DEFAULT_PARALLELISM, settings.annotationParallelism());
        // A failure restarts the job from its last checkpoint a few times, then ends the run with the cause.
        flinkConfig.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        flinkConfig.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
        flinkConfig.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        // Unaligned by default: an aligned barrier would hold the alert path's input at the spike
        // detector until the barrier on its other input, the annotated posts, has crawled through
        // NLP's backlog, so a surge that outruns annotation would delay alerts by as much.
        flinkConfig.set(CheckpointingOptions.ENABLE_UNALIGNED, settings.unalignedCheckpoints());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig);
        env.enableCheckpointing(settings.checkpointInterval().toMillis());
        job.buildInto(env);
        return env;
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
