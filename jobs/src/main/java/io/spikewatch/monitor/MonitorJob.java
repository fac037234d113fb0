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
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.clock.SystemClock;

/**
 * The monitor job: records in, parsed, annotated, indexed; per-minute metrics per tracked entity
 * and overall. It takes its source and sink as arguments, so tests run the real pipeline on
 * their own inputs and the command line wires the production ones.
 *
 * <pre>
 *  indexing path (backpressured by NLP):
 *  source ─▶ parse ─┬─ posts ──────▶ annotate posts ──┬─ post documents (annotation ok/failed) ─┐
 *                   │                                  └─ observations ─▶ minute               │
 *                   │                                       metrics (event time) ──────────────┤
 *                   ├─ statements ─▶ annotate statements ─▶ statement documents ───────────────┼─▶ Elasticsearch
 *                   └─ dead letters ──────────────────────▶ dead-letter documents ─────────────┘
 *
 *  fast path (the same input read a second time, never waiting for NLP; on with pending indexing, alerting or an overload sample):
 *  fast source ─▶ parse ─┬─▶ pending post documents (create-if-absent) ─────────────────────────▶ Elasticsearch (pending)
 *                        ├─▶ read marks ─┬─▶ annotation lag ◀─ observations (annotated event times)
 *                        │               └─▶ annotate posts (with an overload sample: how far behind it is)
 *                        └─▶ route to series ─▶ detect spikes (per series, per minute) ─┬─ spike documents ─▶ Elasticsearch
 *  observations ─▶ detect sentiment shifts (per series, per minute) ────────────────────┤
 *                                                            alerts (rules decide) ◀────┘─▶ notify (once, recorded; digests per channel)
 * </pre>
 *
 * <p><b>Overload.</b> When the input outpaces CoreNLP, backpressure slows the indexing path's
 * source (posts wait in the input: nothing is dropped); the fast path still reads at the input's
 * pace, so every post is searchable at once as {@code annotation.status: pending} and alerts are
 * counted on time. The annotated document replaces the pending one when annotation gets to it; a
 * pending document never replaces an annotated one ({@link PendingPosts}). The metrics count the
 * annotated posts only, each once. How far annotation trails is the {@code annotationLagMs} gauge
 * ({@link MeasureAnnotationLag}). With an {@link OverloadSample} (off by default), a post more than
 * a set event time behind the fast path gets CoreNLP only when its id is in the sample; the others
 * are indexed with their tracked entities and counted without sentiment, so annotation catches up.
 */
public final class MonitorJob {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /**
     * The uids of the fast path's source and parse step: named when only the alert path read the
     * input a second time, and kept so savepoints taken then still restore.
     */
    static final String FAST_SOURCE_UID = "alert-source";
    static final String FAST_PARSE_UID = "alert-parse";
    private static final OutputTag<Observation> TOO_LATE = new OutputTag<>("too-late-for-metrics") {};

    private final Source<RawRecord, ?, ?> source;
    private final Source<RawRecord, ?, ?> fastPathSource;
    private final Sink<IndexDocument> sink;
    private final AnnotatorFactory annotators;
    private final MonitorSettings settings;
    private final Alerting alerting;

    /**
     * Spike detection and alerting: the rules and detectors, the tracked entities counted ahead of
     * NLP, and the Elasticsearch that records deliveries (so an alert is sent once).
     */
    public record Alerting(AlertingSettings settings, ElasticsearchConnection deliveryRecords) {}

    public MonitorJob(Source<RawRecord, ?, ?> source, Sink<IndexDocument> sink, AnnotatorFactory annotators, MonitorSettings settings) {
        this(source, sink, annotators, settings, null);
    }

    /** A job that also detects spikes and sends alerts, unless {@code alerting} is null; the fast path reads {@code source} again. */
    public MonitorJob(Source<RawRecord, ?, ?> source, Sink<IndexDocument> sink, AnnotatorFactory annotators, MonitorSettings settings,
            Alerting alerting) {
        this(source, null, sink, annotators, settings, alerting);
    }

    /**
     * @param fastPathSource what the fast path reads: the same input as {@code source}, read a
     *     second time (for a message queue, a second consumer); null to read {@code source} again.
     *     Unused when neither pending indexing ({@link MonitorSettings#indexPending()}) nor
     *     alerting is on.
     * @param alerting spike detection and alerts, or null for none
     */
    public MonitorJob(Source<RawRecord, ?, ?> source, Source<RawRecord, ?, ?> fastPathSource, Sink<IndexDocument> sink,
            AnnotatorFactory annotators, MonitorSettings settings, Alerting alerting) {
        this.source = source;
        this.fastPathSource = fastPathSource;
        this.sink = sink;
        this.annotators = annotators;
        this.settings = settings;
        this.alerting = alerting;
    }

    /** Adds the job's operators to {@code env}; every operator has a name and a stable uid. */
    public void buildInto(StreamExecutionEnvironment env) {
        IndexNames indices = settings.indices();
        WatermarkStrategy<RawRecord> watermarks = watermarks(settings.outOfOrderness());
        DataStream<RawRecord> raw = env.fromSource(source, watermarks, "source").uid("source").setParallelism(1);

        SingleOutputStreamOperator<Post> posts = raw.process(new ParseRecords())
                .name("parse").uid("parse").setParallelism(1);
        DataStream<Statement> statements = posts.getSideOutput(ParseRecords.STATEMENTS);
        DataStream<DeadLetter> deadLetters = posts.getSideOutput(ParseRecords.DEAD_LETTERS);

        boolean fastPathNeeded = settings.indexPending() || alerting != null || settings.overloadSample().isOn();
        DataStream<Post> fastPosts = fastPathNeeded ? fastPath(env) : null;
        DataStream<ReadMark> marks = fastPathNeeded ? readMarks(fastPosts) : null;
        SingleOutputStreamOperator<IndexDocument> postDocuments = annotatePosts(posts, marks);
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

        DataStream<Observation> observations = postDocuments.getSideOutput(AnnotateDocuments.OBSERVATIONS);
        DataStream<IndexDocument> documents = postDocuments.union(statementDocuments, metricDocuments, deadLetterDocuments);
        if (fastPathNeeded) {
            measureAnnotationLag(marks, observations);
            if (settings.indexPending()) {
                fastPosts.map(new IndexPendingPosts(annotators, indices))
                        .name("pending-post-documents").uid("pending-post-documents").setParallelism(1)
                        .sinkTo(sink).name("elasticsearch-pending").uid("elasticsearch-pending");
            }
            if (alerting != null) {
                documents = documents.union(detectAndAlert(fastPosts, observations, indices));
            }
        }
        documents.sinkTo(sink).name("elasticsearch").uid("elasticsearch");
    }

    /**
     * The fast path's posts: the input read through a source of its own (the same files or topic,
     * read a second time), so annotation falling behind never backpressures it, with the alert
     * path's short out-of-orderness, so a minute's alert does not wait minutes for stragglers. Its
     * parse step keeps posts only: dead letters and statements are the indexing path's.
     *
     * <p>The pending documents go to a sink operator of their own: with one shared sink, an aligned
     * checkpoint would hold them at the sink until the barrier on the annotated documents had come
     * through NLP's backlog.
     */
    private DataStream<Post> fastPath(StreamExecutionEnvironment env) {
        Source<RawRecord, ?, ?> fastSource = fastPathSource != null ? fastPathSource : source;
        WatermarkStrategy<RawRecord> fastWatermarks = watermarks(settings.alertOutOfOrderness());
        return env.fromSource(fastSource, fastWatermarks, "fast-path-source").uid(FAST_SOURCE_UID).setParallelism(1)
                .process(new ParseRecords()).name("fast-path-parse").uid(FAST_PARSE_UID).setParallelism(1);
    }

    /**
     * The annotation step, on as many tasks as {@link MonitorSettings#annotationParallelism()}. With
     * an {@link OverloadSample}, it also reads the fast path's progress, broadcast to every task and
     * without a watermark of its own (the step's event time stays its posts'), to know how far
     * behind it is.
     */
    private SingleOutputStreamOperator<IndexDocument> annotatePosts(DataStream<Post> posts, DataStream<ReadMark> marks) {
        SingleOutputStreamOperator<IndexDocument> annotated;
        if (settings.overloadSample().isOn()) {
            DataStream<ReadMark> progress = marks.assignTimestampsAndWatermarks(LateDataOnly.strategy())
                    .name("read-marks-without-watermark").uid("read-marks-without-watermark").setParallelism(1);
            annotated = posts.rebalance().connect(progress.broadcast())
                    .process(new AnnotateSampledPosts(annotators, settings.indices(), settings.overloadSample()));
        } else {
            annotated = posts.rebalance().process(new AnnotateDocuments<Post>(annotators, settings.indices()));
        }
        return annotated.name("annotate-posts").uid("annotate-posts").setParallelism(settings.annotationParallelism());
    }

    /**
     * The fast path's progress, a few {@link ReadMark}s a second: the annotation lag is measured
     * against it, and with an {@link OverloadSample} the annotation step learns from it how far
     * behind it is. A few marks a second take many minutes to fill the network buffers in front of
     * an input that an aligned checkpoint holds, so they do not hold the fast path back the way a
     * full stream of posts would.
     */
    private static DataStream<ReadMark> readMarks(DataStream<Post> fastPosts) {
        return fastPosts.transform("read-marks", TypeInformation.of(ReadMark.class), new MarkReadProgress())
                .uid("read-marks").setParallelism(1);
    }

    /**
     * The {@code annotationLagMs} gauge: the fast path's progress against the event time of each
     * post annotated. The marks are a few a second: with aligned checkpoints this input is held
     * until the barrier on the annotated input has come through NLP's backlog, and marks at that
     * rate take many minutes to fill the network buffers in front of it, so they do not hold the
     * fast path back the way a full stream of posts would.
     */
    private void measureAnnotationLag(DataStream<ReadMark> marks, DataStream<Observation> observations) {
        DataStream<Long> annotated = observations
                .filter(observation -> Observation.SCOPE_ALL.equals(observation.scope()))
                .name("annotated-posts").uid("annotated-posts")
                .map(Observation::eventTimeMillis).name("annotated-event-times").uid("annotated-event-times");
        marks.connect(annotated)
                .process(new MeasureAnnotationLag(settings.outOfOrderness()))
                .name("annotation-lag").uid("annotation-lag").setParallelism(1)
                .sinkTo(new DiscardingSink<>()).name("annotation-lag-measured").uid("annotation-lag-measured");
    }

    /**
     * The alert path, on the fast path's posts: they are routed to their series and counted ahead
     * of NLP; annotated posts add sentiment as they arrive (without holding the count back) and
     * feed the sentiment shift detector, on the alert path's out-of-orderness bound
     * ({@link AdvanceSentimentWatermark}). Returns the spike documents.
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
        DataStream<Observation> onAlertBound = observations
                .transform("sentiment-watermark", AnnotateDocuments.OBSERVATIONS.getTypeInfo(),
                        new AdvanceSentimentWatermark(settings.outOfOrderness(), settings.alertOutOfOrderness()))
                .uid("sentiment-watermark").setParallelism(settings.annotationParallelism());
        SingleOutputStreamOperator<IndexDocument> sentimentShifts = onAlertBound.keyBy(Observation::seriesKey)
                .process(new DetectSentimentShifts(rules, indices)).name("detect-sentiment-shifts").uid("detect-sentiment-shifts");
        volumeSpikes.getSideOutput(DetectSpikes.ALERTS)
                .union(sentimentShifts.getSideOutput(DetectSpikes.ALERTS))
                .keyBy(alert -> NotifyAlerts.ALL, Types.STRING)
                .process(new NotifyAlerts(rules, alerting.deliveryRecords(), indices))
                .name("notify").uid("notify").setParallelism(1)
                .sinkTo(new DiscardingSink<>()).name("notified").uid("notified");
        return volumeSpikes.union(sentimentShifts);
    }

    /**
     * Event time is the record's own time ({@link EventTimeOfRecord}), not the source's (a Kafka
     * timestamp is when the record was produced); the watermark moves with the records
     * ({@link RecordDrivenWatermarks}), so whether a post is late depends on the input, not on
     * timing. A split silent for {@link MonitorSettings#sourceIdleness()} (unless it is zero) stops
     * holding the watermark, or, when it was reading live posts, moves it on with the wall clock
     * ({@link QuietSplitWatermarks}).
     */
    private WatermarkStrategy<RawRecord> watermarks(Duration outOfOrderness) {
        Duration idleness = settings.sourceIdleness();
        return WatermarkStrategy.<RawRecord>forGenerator(context -> idleness.isZero()
                        ? new RecordDrivenWatermarks<>(outOfOrderness)
                        : new QuietSplitWatermarks<>(outOfOrderness, idleness, context.getInputActivityClock(), SystemClock.getInstance()))
                .withTimestampAssigner(new EventTimeOfRecord());
    }

    private static IndexDocument metricsDocument(IndexNames indices, MinuteMetrics metrics) throws Exception {
        return new IndexDocument(indices.metrics(), metrics.id(),
                Json.MAPPER.writeValueAsBytes(SearchDocuments.metrics(metrics, Instant.now())));
    }
}
