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
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.VolumeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** How many targets of the negative posts an explanation names. */
    static final int MAX_TARGETS = 5;

    private final AlertingSettings settings;
    private final IndexNames indices;

    private transient long width;
    private transient SentimentShiftDetector detector;
    private transient EpisodeTracker tracker;
    private transient SpikeReports reports;

    /** The sentiment of each open minute's annotated posts. */
    private transient MapState<Long, BucketStats> openBuckets;
    /** The last closed minutes' sentiment, so a verdict on pooled minutes is explained by all of them. */
    private transient MapState<Long, BucketStats> recentBuckets;
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
        recentBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("recent-sentiment", Types.LONG,
                Types.POJO(BucketStats.class)));
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
        for (String target : observation.negativeAbout()) {
            stats.entities.merge(target, 1, Integer::sum);
        }
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
        BucketStats judgedStats = pooled(bucket, stats, score.buckets());
        SentimentBreakdown judged = judgedStats.sentiment();
        rememberRecent(bucket, stats);
        EpisodeTrackerState trackerState = episodes.value() == null ? new EpisodeTrackerState() : episodes.value();
        VolumeScore asScore = new VolumeScore(Instant.ofEpochMilli(bucket), score.share(), score.baselineShare(),
                score.share() - score.baselineShare(), SpikeKind.SENTIMENT_SHIFT, score.anomalyScore(), false);
        // a new wave of negative posts in a running shift (a crash after the complaints) escalates it
        List<Spike> changes = tracker.observe(trackerState, ctx.getCurrentKey(), asScore, breakdown.negative());
        if (changes.isEmpty() && score.isShift()) {
            // the shift goes on: the rules see it again with this minute's pooled posts
            Spike ongoing = EpisodeTracker.ongoing(trackerState, ctx.getCurrentKey());
            if (ongoing != null && ongoing.kind() == SpikeKind.SENTIMENT_SHIFT) {
                changes = List.of(ongoing);
            }
        }
        episodes.update(trackerState);
        KeyedAlertStates alertStates = new KeyedAlertStates(ruleStates);
        for (Spike change : changes) {
            // observed and the breakdown: the annotated posts the verdict pooled, so a rule's
            // min_posts and min_negative_share judge what the detector judged
            // and, for the whole stream, whom its negative posts are about
            Spike explained = change.withExplanation(new SpikeExplanation(score.annotated(),
                    score.annotated() * score.baselineShare(), 0, judged, List.of(), List.of(), targets(judgedStats), List.of()));
            reports.report(explained, Instant.ofEpochMilli(timestamp), alertStates, out::collect, alert -> ctx.output(DetectSpikes.ALERTS, alert));
        }
    }

    /**
     * The entities the negative posts judged are about, most named first: each with its number of
     * negative posts ({@code count}); no baseline is kept for them ({@code baselineRate} and
     * {@code lift} are 0).
     */
    static List<TermWeight> targets(BucketStats judged) {
        return judged.entities.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TARGETS)
                .map(e -> new TermWeight(e.getKey(), e.getValue(), 0, 0))
                .toList();
    }

    /** The stats of this bucket and the {@code buckets - 1} closed before it. */
    private BucketStats pooled(long bucket, BucketStats current, int buckets) throws Exception {
        if (buckets <= 1) {
            return current;
        }
        BucketStats pooled = new BucketStats();
        pooled.merge(current);
        for (int earlier = 1; earlier < buckets; earlier++) {
            BucketStats before = recentBuckets.get(bucket - earlier * width);
            if (before != null) {
                pooled.merge(before);
            }
        }
        return pooled;
    }

    private void rememberRecent(long bucket, BucketStats stats) throws Exception {
        recentBuckets.put(bucket, stats);
        List<Long> expired = new ArrayList<>();
        for (Long key : recentBuckets.keys()) {
            if (key <= bucket - SentimentShiftDetector.MAX_RUN_BUCKETS * width) {
                expired.add(key);
            }
        }
        for (Long old : expired) {
            recentBuckets.remove(old);
        }
    }
}
