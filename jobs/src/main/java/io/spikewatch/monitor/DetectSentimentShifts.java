package io.spikewatch.monitor;

import io.spikewatch.alerts.RuleBook;
import io.spikewatch.alerts.RuleSeriesState;
import io.spikewatch.explain.BucketStats;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.spikes.EpisodeTracker;
import io.spikewatch.spikes.EpisodeTrackerState;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.SentimentShiftDetector;
import io.spikewatch.spikes.SentimentShiftState;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.VolumeScore;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Detects jumps in the negative share of a series from annotated posts, minute by minute in event
 * time (this path waits for NLP, as it must); episodes, reports and rules as in {@link DetectSpikes}.
 * The explanation carries the minute's sentiment breakdown; the volume operator explains the terms.
 */
public class DetectSentimentShifts extends KeyedProcessFunction<String, Observation, IndexDocument> {

    private final AlertingSettings settings;
    private final IndexNames indices;

    private transient long width;
    private transient SentimentShiftDetector detector;
    private transient EpisodeTracker tracker;
    private transient SpikeReports reports;

    /** The sentiment of each open minute's annotated posts. */
    private transient MapState<Long, BucketStats> openBuckets;
    private transient ValueState<SentimentShiftState> baseline;
    private transient ValueState<EpisodeTrackerState> episodes;
    private transient MapState<String, RuleSeriesState> ruleStates;

    public DetectSentimentShifts(AlertingSettings settings, IndexNames indices) {
        this.settings = settings;
        this.indices = indices;
    }

    @Override
    public void open(OpenContext openContext) {
        width = AlertingSettings.BUCKET_WIDTH.toMillis();
        detector = SentimentShiftDetector.withDefaults(AlertingSettings.BUCKET_WIDTH);
        tracker = new EpisodeTracker(settings.sentimentEpisodes());
        reports = new SpikeReports(new RuleBook(settings.rules()), indices.spikes());
        openBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-sentiment", Types.LONG, Types.POJO(BucketStats.class)));
        baseline = getRuntimeContext().getState(new ValueStateDescriptor<>("sentiment-baseline", Types.POJO(SentimentShiftState.class)));
        episodes = getRuntimeContext().getState(new ValueStateDescriptor<>("sentiment-episodes", Types.POJO(EpisodeTrackerState.class)));
        ruleStates = getRuntimeContext().getMapState(new MapStateDescriptor<>("sentiment-rule-states", Types.STRING,
                Types.POJO(RuleSeriesState.class)));
    }

    @Override
    public void processElement(Observation observation, Context ctx, Collector<IndexDocument> out) throws Exception {
        if (observation.sentimentLabel() == null) {
            return;
        }
        long bucket = Math.floorDiv(observation.eventTimeMillis(), width) * width;
        if (bucket + width <= ctx.timerService().currentWatermark()) {
            return;
        }
        BucketStats stats = openBuckets.get(bucket);
        if (stats == null) {
            stats = new BucketStats();
        }
        stats.addSentiment(observation.sentimentLabel(), observation.sentimentScore());
        openBuckets.put(bucket, stats);
        ctx.timerService().registerEventTimeTimer(bucket + width);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndexDocument> out) throws Exception {
        long bucket = timestamp - width;
        BucketStats stats = openBuckets.get(bucket);
        openBuckets.remove(bucket);
        if (stats == null) {
            return;
        }
        SentimentBreakdown breakdown = stats.sentiment();
        SentimentShiftState state = baseline.value() == null ? new SentimentShiftState() : baseline.value();
        SentimentShiftDetector.Score score = detector.observe(state, bucket, (int) breakdown.annotated(), (int) breakdown.negative());
        baseline.update(state);
        EpisodeTrackerState trackerState = episodes.value() == null ? new EpisodeTrackerState() : episodes.value();
        VolumeScore asScore = new VolumeScore(Instant.ofEpochMilli(bucket), score.share(), score.baselineShare(),
                score.share() - score.baselineShare(), SpikeKind.SENTIMENT_SHIFT, score.anomalyScore(), false);
        List<Spike> changes = tracker.observe(trackerState, ctx.getCurrentKey(), asScore);
        episodes.update(trackerState);
        KeyedAlertStates alertStates = new KeyedAlertStates(ruleStates);
        for (Spike change : changes) {
            // observed: the annotated posts the verdict pooled; the breakdown: this minute's
            Spike explained = change.withExplanation(new SpikeExplanation(score.annotated(),
                    score.annotated() * score.baselineShare(), 0, breakdown, List.of(), List.of(), List.of(), List.of()));
            reports.report(explained, Instant.ofEpochMilli(timestamp), alertStates, out::collect, alert -> ctx.output(DetectSpikes.ALERTS, alert));
        }
    }
}
