package io.spikewatch.monitor;

import io.spikewatch.index.DocumentConverter;
import io.spikewatch.index.DocumentConverters;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.metrics.EmitMinuteMetrics;
import io.spikewatch.metrics.MinuteAggregate;
import io.spikewatch.metrics.MinuteMetrics;
import io.spikewatch.metrics.Observation;
import io.spikewatch.metrics.ReportTooLate;
import io.spikewatch.schema.DeadLetter;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.Statement;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The monitor job: records in, parsed, annotated, indexed; per-minute metrics per tracked entity
 * and overall. It takes its source and sink as arguments, so tests run the real pipeline on
 * their own inputs and the command line wires the production ones.
 *
 * <pre>
 *  source ─▶ parse ─┬─ posts ──────▶ annotate posts ──┬─ post documents ──────────┐
 *                   │                                  └─ observations ─▶ minute   │
 *                   │                                       metrics (event time) ─┤
 *                   ├─ statements ─▶ annotate statements ─▶ statement documents ──┼─▶ Elasticsearch
 *                   └─ dead letters ──────────────────────▶ dead-letter documents ┘
 *
 *  with alerting (the alert path reads the input through a source of its own, so NLP never slows it):
 *  source ─▶ parse ─▶ route to series ─▶ detect spikes (per series, per minute) ─────┬─ spike documents ─▶ Elasticsearch
 *  observations ─▶ detect sentiment shifts (per series, per minute) ─────────────────┤
 *                                                            alerts (rules decide) ◀─┘─▶ notify (once, recorded)
 * </pre>
 */
public final class MonitorJob {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final OutputTag<Observation> TOO_LATE = new OutputTag<>("too-late-for-metrics") {};

    private final Source<RawRecord, ?, ?> source;
    private final Sink<IndexDocument> sink;
    private final AnnotatorFactory annotators;
    private final MonitorSettings settings;
    private final Alerting alerting;

    /**
     * Spike detection and alerting: the rules and detectors, the tracked entities counted ahead of
     * NLP, and the Elasticsearch that records deliveries (so an alert is sent once).
     *
     * @param source what the alert path reads: the same input as the job's source, read a second
     *     time (for a message queue, a second consumer); null to read the job's source again
     */
    public record Alerting(AlertingSettings settings, ElasticsearchConnection deliveryRecords, Source<RawRecord, ?, ?> source) {

        public Alerting(AlertingSettings settings, ElasticsearchConnection deliveryRecords) {
            this(settings, deliveryRecords, null);
        }
    }

    public MonitorJob(Source<RawRecord, ?, ?> source, Sink<IndexDocument> sink, AnnotatorFactory annotators, MonitorSettings settings) {
        this(source, sink, annotators, settings, null);
    }

    /** A job that also detects spikes and sends alerts, unless {@code alerting} is null. */
    public MonitorJob(Source<RawRecord, ?, ?> source, Sink<IndexDocument> sink, AnnotatorFactory annotators, MonitorSettings settings,
            Alerting alerting) {
        this.source = source;
        this.sink = sink;
        this.annotators = annotators;
        this.settings = settings;
        this.alerting = alerting;
    }

    /** Adds the job's operators to {@code env}; every operator has a name and a stable uid. */
    public void buildInto(StreamExecutionEnvironment env) {
        IndexNames indices = settings.indices();
        WatermarkStrategy<RawRecord> watermarks = WatermarkStrategy.forBoundedOutOfOrderness(settings.outOfOrderness());
        DataStream<RawRecord> raw = env.fromSource(source, watermarks, "source").uid("source").setParallelism(1);

        SingleOutputStreamOperator<Post> posts = raw.process(new ParseRecords())
                .name("parse").uid("parse").setParallelism(1);
        DataStream<Statement> statements = posts.getSideOutput(ParseRecords.STATEMENTS);
        DataStream<DeadLetter> deadLetters = posts.getSideOutput(ParseRecords.DEAD_LETTERS);

        SingleOutputStreamOperator<IndexDocument> postDocuments = posts.rebalance()
                .process(new AnnotateDocuments<Post>(annotators, indices))
                .name("annotate-posts").uid("annotate-posts")
                .setParallelism(settings.annotationParallelism());
        DataStream<IndexDocument> statementDocuments = statements
                .process(new AnnotateDocuments<Statement>(annotators, indices))
                .name("annotate-statements").uid("annotate-statements").setParallelism(1);

        SingleOutputStreamOperator<MinuteMetrics> minuteMetrics = postDocuments.getSideOutput(AnnotateDocuments.OBSERVATIONS)
                .keyBy(Observation::seriesKey)
                .window(TumblingEventTimeWindows.of(MINUTE))
                .allowedLateness(settings.allowedLateness())
                .sideOutputLateData(TOO_LATE)
                .aggregate(new MinuteAggregate(), new EmitMinuteMetrics())
                .name("minute-metrics").uid("minute-metrics");
        minuteMetrics.getSideOutput(TOO_LATE)
                .process(new ReportTooLate()).name("report-too-late").uid("report-too-late")
                .sinkTo(new DiscardingSink<>()).name("too-late-accounted").uid("too-late-accounted");
        DataStream<IndexDocument> metricDocuments = minuteMetrics
                .map(metrics -> metricsDocument(indices, metrics))
                .name("metrics-documents").uid("metrics-documents");

        DocumentConverter<DeadLetter> deadLetterConverter = DocumentConverters.deadLetters(indices);
        DataStream<IndexDocument> deadLetterDocuments = deadLetters
                .map(deadLetterConverter::convert)
                .name("dead-letter-documents").uid("dead-letter-documents");

        DataStream<IndexDocument> documents = postDocuments.union(statementDocuments, metricDocuments, deadLetterDocuments);
        if (alerting != null) {
            Source<RawRecord, ?, ?> alertSource = alerting.source() != null ? alerting.source() : source;
            WatermarkStrategy<RawRecord> alertWatermarks = WatermarkStrategy.forBoundedOutOfOrderness(settings.alertOutOfOrderness());
            DataStream<Post> alertPosts = env.fromSource(alertSource, alertWatermarks, "alert-source").uid("alert-source").setParallelism(1)
                    .process(new ParseRecords()).name("alert-parse").uid("alert-parse").setParallelism(1);
            documents = documents.union(detectAndAlert(alertPosts, postDocuments.getSideOutput(AnnotateDocuments.OBSERVATIONS), indices));
        }
        documents.sinkTo(sink).name("elasticsearch").uid("elasticsearch");
    }

    /**
     * The alert path: it reads the input through its own source (the same files or topic, read a
     * second time), so annotation falling behind never backpressures it, with its own short
     * out-of-orderness, so a minute's alert does not wait minutes for stragglers; posts are routed to their
     * series and counted ahead of NLP; annotated posts add sentiment as they arrive (without
     * holding the count back) and feed the sentiment shift detector. Its parse step keeps posts
     * only: dead letters and statements are the indexing path's. Returns the spike documents.
     */
    private DataStream<IndexDocument> detectAndAlert(DataStream<Post> posts, DataStream<Observation> observations, IndexNames indices) {
        AlertingSettings rules = alerting.settings();
        DataStream<SeriesPost> seriesPosts = posts
                .process(new RouteSeries(rules)).name("route-series").uid("route-series").setParallelism(1);
        DataStream<Observation> sentimentSoFar = observations
                .assignTimestampsAndWatermarks(LateDataOnly.strategy()).name("sentiment-without-watermark").uid("sentiment-without-watermark");
        SingleOutputStreamOperator<IndexDocument> volumeSpikes = seriesPosts.keyBy(SeriesPost::seriesKey)
                .connect(sentimentSoFar.keyBy(Observation::seriesKey))
                .process(new DetectSpikes(rules, indices)).name("detect-spikes").uid("detect-spikes");
        SingleOutputStreamOperator<IndexDocument> sentimentShifts = observations.keyBy(Observation::seriesKey)
                .process(new DetectSentimentShifts(rules, indices)).name("detect-sentiment-shifts").uid("detect-sentiment-shifts");
        volumeSpikes.getSideOutput(DetectSpikes.ALERTS)
                .union(sentimentShifts.getSideOutput(DetectSpikes.ALERTS))
                .process(new NotifyAlerts(rules, alerting.deliveryRecords(), indices))
                .name("notify").uid("notify").setParallelism(1)
                .sinkTo(new DiscardingSink<>()).name("notified").uid("notified");
        return volumeSpikes.union(sentimentShifts);
    }

    private static IndexDocument metricsDocument(IndexNames indices, MinuteMetrics metrics) throws Exception {
        return new IndexDocument(indices.metrics(), metrics.id(),
                Json.MAPPER.writeValueAsBytes(SearchDocuments.metrics(metrics, Instant.now())));
    }
}
