package io.spikewatch.monitor;

import io.spikewatch.alerts.RuleBook;
import io.spikewatch.alerts.RuleSeriesState;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.explain.BucketStats;
import io.spikewatch.explain.PostFeatures;
import io.spikewatch.explain.SpikeExplainer;
import io.spikewatch.explain.TermBaseline;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.NegativePost;
import io.spikewatch.metrics.Observation;
import io.spikewatch.metrics.TooLateCount;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects jumps in the negative share of a series from annotated posts, minute by minute in event
 * time (this path waits for NLP, as it must); episodes, reports and rules as in {@link DetectSpikes}.
 * The explanation of a verdict covers the minutes it pooled: their sentiment breakdown, for the
 * whole stream whom the negative posts are about, and what the negative posts say: the terms and
 * hashtags over-represented in them against what this series' negative posts usually say (a
 * baseline learned, like the volume operator's, from the minutes outside a shift), their unique
 * authors and the negative posts most reposted and seen.
 *
 * <p>Its input is on the alert path's out-of-orderness bound ({@link AdvanceSentimentWatermark}), so
 * a minute is judged once annotation has read that far past it, not the indexing path's 2 minutes.
 * A post whose minute had closed, on that bound, when annotation took it is left out of every
 * verdict and counted in {@code observationsTooLateForSentiment} ({@link #isLate}): decided there, and not by
 * this operator's own watermark, which trails parallel annotation tasks by however far they are
 * apart, so the same input gives the same verdicts run after run.
 */
public class DetectSentimentShifts extends KeyedProcessFunction<String, Observation, IndexDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(DetectSentimentShifts.class);

    /** How many targets of the negative posts an explanation names. */
    static final int MAX_TARGETS = 5;

    private final AlertingSettings settings;
    private final IndexNames indices;

    private transient long width;
    private transient SentimentShiftDetector detector;
    private transient EpisodeTracker tracker;
    private transient SpikeReports reports;
    private transient TrackedEntities tracked;
    private transient SpikeExplainer explainer;
    private transient TooLateCount tooLate;

    /** The sentiment of each open minute's annotated posts. */
    private transient MapState<Long, BucketStats> openBuckets;
    /** The last closed minutes' sentiment, so a verdict on pooled minutes is explained by all of them. */
    private transient MapState<Long, BucketStats> recentBuckets;
    private transient ValueState<SentimentShiftState> baseline;
    private transient ValueState<EpisodeTrackerState> episodes;
    private transient MapState<String, RuleSeriesState> ruleStates;
    /** The negative posts of each open minute, and of the last closed ones (pooled like {@link #recentBuckets}). */
    private transient MapState<Long, BucketStats> openNegatives;
    private transient MapState<Long, BucketStats> recentNegatives;
    /** What this series' negative posts usually say, from the minutes outside a shift. */
    private transient ValueState<TermBaseline> negativeBaseline;

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
        tracked = settings.trackedEntities();
        explainer = new SpikeExplainer(SpikeExplainer.DEFAULT_LIMIT);
        tooLate = new TooLateCount(getRuntimeContext().getMetricGroup(), "observationsTooLateForSentiment", LOG, "their minute's sentiment shift detection");
        openBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-sentiment", Types.LONG, Types.POJO(BucketStats.class)));
        recentBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("recent-sentiment", Types.LONG,
                Types.POJO(BucketStats.class)));
        baseline = getRuntimeContext().getState(new ValueStateDescriptor<>("sentiment-baseline", Types.POJO(SentimentShiftState.class)));
        episodes = getRuntimeContext().getState(new ValueStateDescriptor<>("sentiment-episodes", Types.POJO(EpisodeTrackerState.class)));
        ruleStates = getRuntimeContext().getMapState(new MapStateDescriptor<>("sentiment-rule-states", Types.STRING,
                Types.POJO(RuleSeriesState.class)));
        openNegatives = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-negative-posts", Types.LONG,
                Types.POJO(BucketStats.class)));
        recentNegatives = getRuntimeContext().getMapState(new MapStateDescriptor<>("recent-negative-posts", Types.LONG,
                Types.POJO(BucketStats.class)));
        negativeBaseline = getRuntimeContext().getState(new ValueStateDescriptor<>("negative-term-baseline", Types.POJO(TermBaseline.class)));
    }

    @Override
    public void processElement(Observation observation, Context ctx, Collector<IndexDocument> out) throws Exception {
        if (observation.sentimentLabel() == null) {
            return;
        }
        long bucket = Math.floorDiv(observation.eventTimeMillis(), width) * width;
        if (isLate(observation, bucket, ctx.timerService().currentWatermark())) {
            tooLate.count(ctx.getCurrentKey(), observation.eventTimeMillis(),
                    Math.max(observation.watermarkMillis(), ctx.timerService().currentWatermark()));
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
        NegativePost negative = observation.negativePost();
        if (negative != null) {
            BucketStats negatives = openNegatives.get(bucket);
            if (negatives == null) {
                negatives = new BucketStats();
            }
            negatives.add(negative.shown(), negative.repost(), observation.authorKey(), PostFeatures.of(negative.shown().text(), negative.shown().lang(), tracked));
            openNegatives.put(bucket, negatives);
        }
        ctx.timerService().registerEventTimeTimer(bucket + width);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndexDocument> out) throws Exception {
        long bucket = timestamp - width;
        BucketStats stats = openBuckets.get(bucket);
        openBuckets.remove(bucket);
        BucketStats negatives = DetectSpikes.valueOr(openNegatives.get(bucket), new BucketStats());
        openNegatives.remove(bucket);
        if (stats == null) {
            return;
        }
        SentimentBreakdown breakdown = stats.sentiment();
        SentimentShiftState state = baseline.value() == null ? new SentimentShiftState() : baseline.value();
        SentimentShiftDetector.Score score = detector.observe(state, bucket, (int) breakdown.annotated(), (int) breakdown.negative());
        baseline.update(state);
        BucketStats judgedStats = pooled(recentBuckets, bucket, stats, score.buckets());
        BucketStats judgedNegatives = pooled(recentNegatives, bucket, negatives, score.buckets());
        SentimentBreakdown judged = judgedStats.sentiment();
        rememberRecent(recentBuckets, bucket, stats);
        rememberRecent(recentNegatives, bucket, negatives);
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
        TermBaseline usual = DetectSpikes.valueOr(negativeBaseline.value(), new TermBaseline());
        KeyedAlertStates alertStates = new KeyedAlertStates(ruleStates);
        for (Spike change : changes) {
            // observed and the breakdown: the annotated posts the verdict pooled, so a rule's
            // min_posts and min_negative_share judge what the detector judged; for the whole
            // stream, whom its negative posts are about; and what those negative posts say
            SpikeExplanation said = explainer.explain(judgedNegatives, usual, judgedNegatives.posts * score.baselineShare());
            Spike explained = change.withExplanation(new SpikeExplanation(score.annotated(),
                    score.annotated() * score.baselineShare(), said.uniqueAuthors(), judged, said.terms(), said.hashtags(),
                    targets(judgedStats), said.topPosts()));
            reports.report(explained, Instant.ofEpochMilli(timestamp), alertStates, out::collect, alert -> ctx.output(DetectSpikes.ALERTS, alert));
        }
        if (EpisodeTracker.ongoing(trackerState, ctx.getCurrentKey()) == null) {
            usual.add(negatives, bucket, width, settings.termDecayPerBucket());
            negativeBaseline.update(usual);
        }
    }

    /**
     * Whether the minute {@code bucket} is over for this observation: it had closed when annotation
     * took the post (the same posts in every run of the same input) or by this operator's own
     * watermark (which passes a post annotation let through only when the source's watermark ran
     * ahead of its records, a partition marked idle while its posts were still to come), or this
     * series has judged it or a later minute already (after a restart, the watermarks start again
     * from nothing).
     */
    private boolean isLate(Observation observation, long bucket, long watermark) throws Exception {
        if (bucket + width <= Math.max(observation.watermarkMillis(), watermark)) {
            return true;
        }
        SentimentShiftState state = baseline.value();
        return state != null && bucket <= state.lastBucketMillis;
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

    /** The stats of this bucket and the {@code buckets - 1} closed before it, from {@code recent}. */
    private BucketStats pooled(MapState<Long, BucketStats> recent, long bucket, BucketStats current, int buckets) throws Exception {
        if (buckets <= 1) {
            return current;
        }
        BucketStats pooled = new BucketStats();
        pooled.merge(current);
        for (int earlier = 1; earlier < buckets; earlier++) {
            BucketStats before = recent.get(bucket - earlier * width);
            if (before != null) {
                pooled.merge(before);
            }
        }
        return pooled;
    }

    private void rememberRecent(MapState<Long, BucketStats> recent, long bucket, BucketStats stats) throws Exception {
        recent.put(bucket, stats);
        List<Long> expired = new ArrayList<>();
        for (Long key : recent.keys()) {
            if (key <= bucket - SentimentShiftDetector.MAX_RUN_BUCKETS * width) {
                expired.add(key);
            }
        }
        for (Long old : expired) {
            recent.remove(old);
        }
    }
}
