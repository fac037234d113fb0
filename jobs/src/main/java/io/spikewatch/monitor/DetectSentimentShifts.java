package io.spikewatch.monitor;

import io.spikewatch.alerts.Alert;
import io.spikewatch.alerts.RuleBook;
import io.spikewatch.alerts.RuleSeriesState;
import io.spikewatch.annotate.Sentiment;
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

    /** Per open minute: {annotated, negative, neutral, positive}; and the score sum in a second map. */
    private transient MapState<Long, long[]> openBuckets;
    private transient MapState<Long, Double> openScores;
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
        tracker = new EpisodeTracker(settings.episodes());
        reports = new SpikeReports(new RuleBook(settings.rules()), indices.spikes());
        openBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-sentiment", Long.class, long[].class));
        openScores = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-sentiment-scores", Types.LONG, Types.DOUBLE));
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
        long[] counts = openBuckets.get(bucket);
        if (counts == null) {
            counts = new long[4];
        }
        counts[0]++;
        switch (observation.sentimentLabel()) {
            case Sentiment.NEGATIVE -> counts[1]++;
            case Sentiment.POSITIVE -> counts[3]++;
            default -> counts[2]++;
        }
        openBuckets.put(bucket, counts);
        Double sum = openScores.get(bucket);
        openScores.put(bucket, (sum == null ? 0 : sum) + observation.sentimentScore());
        ctx.timerService().registerEventTimeTimer(bucket + width);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndexDocument> out) throws Exception {
        long bucket = timestamp - width;
        long[] counts = openBuckets.get(bucket);
        Double sum = openScores.get(bucket);
        openBuckets.remove(bucket);
        openScores.remove(bucket);
        if (counts == null) {
            return;
        }
        SentimentShiftState state = baseline.value() == null ? new SentimentShiftState() : baseline.value();
        SentimentShiftDetector.Score score = detector.observe(state, bucket, (int) counts[0], (int) counts[1]);
        baseline.update(state);
        EpisodeTrackerState trackerState = episodes.value() == null ? new EpisodeTrackerState() : episodes.value();
        VolumeScore asScore = new VolumeScore(Instant.ofEpochMilli(bucket), score.share(), score.baselineShare(),
                score.share() - score.baselineShare(), SpikeKind.SENTIMENT_SHIFT, score.anomalyScore(), false);
        List<Spike> changes = tracker.observe(trackerState, ctx.getCurrentKey(), asScore);
        episodes.update(trackerState);
        SentimentBreakdown breakdown = new SentimentBreakdown(counts[1], counts[2], counts[3], counts[0] == 0 ? null : sum / counts[0]);
        KeyedAlertStates alertStates = new KeyedAlertStates(ruleStates);
        for (Spike change : changes) {
            Spike explained = new Spike(change.seriesKey(), change.kind(), change.phase(), change.start(), change.peak(), change.end(),
                    change.severity(), change.peakValue(), change.peakExpected(),
                    new SpikeExplanation(counts[0], counts[0] * score.baselineShare(), 0, breakdown, List.of(), List.of(), List.of(), List.of()));
            reports.report(explained, Instant.ofEpochMilli(timestamp), alertStates, out::collect, alert -> ctx.output(DetectSpikes.ALERTS, alert));
        }
    }
}
