package io.spikewatch.monitor;

import io.spikewatch.alerts.Alert;
import io.spikewatch.alerts.AlertRule;
import io.spikewatch.alerts.RuleBook;
import io.spikewatch.alerts.RuleSeriesState;
import io.spikewatch.alerts.SeriesKeys;
import io.spikewatch.alerts.ThresholdParams;
import io.spikewatch.alerts.ThresholdState;
import io.spikewatch.alerts.ThresholdWatch;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.explain.BucketStats;
import io.spikewatch.explain.EmergingState;
import io.spikewatch.explain.EmergingTerms;
import io.spikewatch.explain.PostFeatures;
import io.spikewatch.explain.SpikeExplainer;
import io.spikewatch.explain.TermBaseline;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.metrics.TooLateCount;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.EpisodeTracker;
import io.spikewatch.spikes.EpisodeTrackerState;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.VolumeDetector;
import io.spikewatch.spikes.VolumeDetectorState;
import io.spikewatch.spikes.VolumeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects volume spikes, flatlines, thresholds crossed and emerging terms in one series, minute by
 * minute in event time, ahead of NLP; the explanation's sentiment fills in as annotated posts of
 * the series arrive on the second input (whose watermark must not hold this operator back).
 *
 * <p>Keyed by series. Each minute closes when the watermark passes its end: its count goes through
 * the {@link VolumeDetector} and the {@link EpisodeTracker}; a spike report is explained
 * ({@link SpikeExplainer}, against a term baseline that learns only from ordinary minutes),
 * indexed, and judged by the rules, whose alerts leave on {@link #ALERTS}. An idle series keeps
 * ticking for a while so a collapse of volume is seen as it happens; a series silent for longer
 * than the new-stream gap starts afresh. All of it lives in keyed state, so a restart from a
 * checkpoint resumes without missing or repeating a report.
 */
public class DetectSpikes extends KeyedCoProcessFunction<String, SeriesPost, Observation, IndexDocument> {

    private static final Logger LOG = LoggerFactory.getLogger(DetectSpikes.class);

    public static final OutputTag<Alert> ALERTS = new OutputTag<>("alerts", io.spikewatch.flink.JsonTypeInfo.of(Alert.class));

    private final AlertingSettings settings;
    private final IndexNames indices;

    private transient long width;
    private transient VolumeDetector detector;
    private transient EpisodeTracker tracker;
    private transient TrackedEntities tracked;
    private transient SpikeExplainer explainer;
    private transient EmergingTerms emerging;
    private transient SpikeReports reports;
    private transient List<AlertRule> thresholdRules;
    private transient TooLateCount tooLate;

    private transient MapState<Long, BucketStats> openBuckets;
    private transient ValueState<Long> nextBucket;
    /** The last closed minute that had posts (or the stream-start mark). */
    private transient ValueState<Long> lastPostBucket;
    private transient ValueState<VolumeDetectorState> volume;
    private transient ValueState<EpisodeTrackerState> episodes;
    private transient ValueState<BucketStats> episodeStats;
    private transient ValueState<Double> episodeExpected;
    private transient ValueState<TermBaseline> baseline;
    private transient ValueState<EmergingState> emergingState;
    private transient MapState<String, RuleSeriesState> ruleStates;
    private transient MapState<String, ThresholdState> thresholdStates;
    /**
     * The last minutes of a series: those a detector run may sum (so an episode found over several
     * minutes is explained from its first), or as many as a threshold rule's window, to explain a crossing.
     */
    private transient MapState<Long, BucketStats> recentBuckets;

    public DetectSpikes(AlertingSettings settings, IndexNames indices) {
        this.settings = settings;
        this.indices = indices;
    }

    @Override
    public void open(OpenContext openContext) {
        width = AlertingSettings.BUCKET_WIDTH.toMillis();
        detector = new VolumeDetector(settings.volume());
        tracker = new EpisodeTracker(settings.episodes());
        tracked = settings.trackedEntities();
        RuleBook book = new RuleBook(settings.rules());
        reports = new SpikeReports(book, indices.spikes());
        thresholdRules = book.thresholdRules();
        explainer = new SpikeExplainer(SpikeExplainer.DEFAULT_LIMIT);
        emerging = new EmergingTerms();
        tooLate = new TooLateCount(getRuntimeContext().getMetricGroup(), "postsTooLateForDetection", LOG, "their minute's spike detection");

        openBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("open-buckets", Types.LONG, Types.POJO(BucketStats.class)));
        nextBucket = getRuntimeContext().getState(new ValueStateDescriptor<>("next-bucket", Types.LONG));
        lastPostBucket = getRuntimeContext().getState(new ValueStateDescriptor<>("last-post-bucket", Types.LONG));
        volume = getRuntimeContext().getState(new ValueStateDescriptor<>("volume", Types.POJO(VolumeDetectorState.class)));
        episodes = getRuntimeContext().getState(new ValueStateDescriptor<>("episodes", Types.POJO(EpisodeTrackerState.class)));
        episodeStats = getRuntimeContext().getState(new ValueStateDescriptor<>("episode-stats", Types.POJO(BucketStats.class)));
        episodeExpected = getRuntimeContext().getState(new ValueStateDescriptor<>("episode-expected", Types.DOUBLE));
        baseline = getRuntimeContext().getState(new ValueStateDescriptor<>("term-baseline", Types.POJO(TermBaseline.class)));
        emergingState = getRuntimeContext().getState(new ValueStateDescriptor<>("emerging", Types.POJO(EmergingState.class)));
        ruleStates = getRuntimeContext().getMapState(new MapStateDescriptor<>("rule-states", Types.STRING, Types.POJO(RuleSeriesState.class)));
        thresholdStates = getRuntimeContext().getMapState(new MapStateDescriptor<>("threshold-states", Types.STRING, Types.POJO(ThresholdState.class)));
        recentBuckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("recent-buckets", Types.LONG, Types.POJO(BucketStats.class)));
    }

    @Override
    public void processElement1(SeriesPost post, Context ctx, Collector<IndexDocument> out) throws Exception {
        long bucket = bucketOf(ctx.timestamp());
        Long next = nextBucket.value();
        if (next == null) {
            nextBucket.update(bucket);
        } else if (bucket < next) {
            if (!post.isStreamStart()) {
                tooLate.count(ctx.getCurrentKey(), ctx.timestamp(), ctx.timerService().currentWatermark());
            }
            return;
        }
        BucketStats stats = openBuckets.get(bucket);
        if (stats == null) {
            stats = new BucketStats();
        }
        if (!post.isStreamStart()) {
            stats.add(post.post(), PostFeatures.of(post.post().text(), post.post().lang(), tracked));
        }
        openBuckets.put(bucket, stats);
        ctx.timerService().registerEventTimeTimer(bucket + width);
    }

    @Override
    public void processElement2(Observation observation, Context ctx, Collector<IndexDocument> out) throws Exception {
        if (observation.sentimentLabel() == null) {
            return;
        }
        long bucket = bucketOf(observation.eventTimeMillis());
        BucketStats stats = openBuckets.get(bucket);
        if (stats != null) {
            stats.addSentiment(observation.sentimentLabel(), observation.sentimentScore());
            openBuckets.put(bucket, stats);
            return;
        }
        BucketStats episode = episodeStats.value();
        EpisodeTrackerState state = episodes.value();
        if (episode != null && state != null && state.active && bucket >= state.startMillis) {
            episode.addSentiment(observation.sentimentLabel(), observation.sentimentScore());
            episodeStats.update(episode);
        }
    }

    /**
     * Closes every minute that ended by {@code timestamp}, in order, empty ones included, so the
     * detector sees the zeros of a quiet series. A series idle for longer than the idle period
     * sleeps: its next open minute is closed directly (the detector learns the gap as zeros), and
     * after a gap longer than the new-stream gap the detector starts afresh.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndexDocument> out) throws Exception {
        Long next = nextBucket.value();
        if (next == null) {
            return;
        }
        Long last = lastPostBucket.value();
        while (next + width <= timestamp) {
            BucketStats stats = openBuckets.get(next);
            if (stats == null && last != null && next - last >= settings.idleAfter().toMillis()) {
                Long upcoming = earliestOpenBucket(next);
                if (upcoming == null) {
                    break;
                }
                if (upcoming - last > settings.newStreamGap().toMillis()) {
                    resetDetectors();
                }
                next = upcoming;
                continue;
            }
            openBuckets.remove(next);
            close(ctx.getCurrentKey(), next, stats == null ? new BucketStats() : stats, ctx, out);
            if (stats != null) {
                last = next;
            }
            next += width;
        }
        nextBucket.update(next);
        lastPostBucket.update(last);
        if (last != null && next - last < settings.idleAfter().toMillis()) {
            ctx.timerService().registerEventTimeTimer(next + width);
        }
    }

    private Long earliestOpenBucket(long from) throws Exception {
        Long earliest = null;
        for (Long bucket : openBuckets.keys()) {
            if (bucket >= from && (earliest == null || bucket < earliest)) {
                earliest = bucket;
            }
        }
        return earliest;
    }

    private void close(String series, long bucket, BucketStats stats, OnTimerContext ctx, Collector<IndexDocument> out) throws Exception {
        Instant start = Instant.ofEpochMilli(bucket);
        Instant end = Instant.ofEpochMilli(bucket + width);
        TermBaseline terms = valueOr(baseline.value(), new TermBaseline());
        KeyedAlertStates alertStates = new KeyedAlertStates(ruleStates);
        List<Spike> reported = new ArrayList<>();

        List<AlertRule> thresholds = thresholdRules.stream().filter(rule -> rule.scope().covers(series, rule.name())).toList();
        rememberRecent(bucket, stats, thresholds);

        VolumeDetectorState detectorState = valueOr(volume.value(), new VolumeDetectorState());
        EpisodeTrackerState trackerState = valueOr(episodes.value(), new EpisodeTrackerState());
        VolumeScore score = detector.observe(detectorState, start, stats.posts);
        volume.update(detectorState);
        List<Spike> changes = tracker.observe(trackerState, series, score);
        episodes.update(trackerState);

        BucketStats episode = episodeStats.value();
        double expected = valueOr(episodeExpected.value(), 0.0);
        boolean started = changes.stream().anyMatch(s -> s.phase() == EpisodePhase.STARTED);
        if (started) {
            // a burst the detector found over several buckets: the episode holds all of them
            episode = new BucketStats();
            for (int earlier = score.buckets() - 1; earlier >= 1; earlier--) {
                BucketStats before = recentBuckets.get(bucket - earlier * width);
                if (before != null) {
                    episode.merge(before);
                }
            }
            expected = (score.buckets() - 1) * score.expected();
        }
        if (episode != null) {
            episode.merge(stats);
            expected += score.expected();
            for (Spike change : changes) {
                reported.add(change.withExplanation(explainer.explain(episode, terms, expected)));
            }
        }
        boolean ended = changes.stream().anyMatch(s -> s.phase() == EpisodePhase.ENDED);
        if (ended || episode == null) {
            episodeStats.clear();
            episodeExpected.clear();
        } else {
            episodeStats.update(episode);
            episodeExpected.update(expected);
        }

        for (AlertRule rule : thresholds) {
            ThresholdParams params = (ThresholdParams) rule.params();
            ThresholdState state = valueOr(thresholdStates.get(rule.name()), new ThresholdState());
            Spike crossed = new ThresholdWatch(series, params).observe(start, stats.posts, state);
            thresholdStates.put(rule.name(), state);
            if (crossed != null) {
                BucketStats window = new BucketStats();
                for (java.util.Map.Entry<Long, BucketStats> recent : recentBuckets.entries()) {
                    if (recent.getKey() > bucket - params.window().toMillis()) {
                        window.merge(recent.getValue());
                    }
                }
                double expectedOverWindow = score.expected() * params.window().toMillis() / width;
                reported.add(crossed.withExplanation(explainer.explain(window, terms, expectedOverWindow)));
            }
        }
        if (SeriesKeys.ALL.equals(series)) {
            EmergingState state = valueOr(emergingState.value(), new EmergingState());
            Spike emerged = emerging.observe(state, series, stats, terms, start);
            emergingState.update(state);
            if (emerged != null) {
                reported.add(emerged);
            }
        }
        if (episodeStats.value() == null) {
            terms.add(stats, bucket, width, settings.termDecayPerBucket());
            baseline.update(terms);
        }
        for (Spike spike : reported) {
            reports.report(spike, end, alertStates, out::collect, alert -> ctx.output(ALERTS, alert));
        }
    }

    /**
     * Keeps this bucket among the recent ones: as many as a detector run may sum ({@link
     * VolumeDetector#MAX_RUN_BUCKETS}), or the longest window of a threshold rule on this series.
     */
    private void rememberRecent(long bucket, BucketStats stats, List<AlertRule> thresholds) throws Exception {
        long kept = VolumeDetector.MAX_RUN_BUCKETS * width;
        for (AlertRule rule : thresholds) {
            kept = Math.max(kept, ((ThresholdParams) rule.params()).window().toMillis());
        }
        recentBuckets.put(bucket, stats);
        List<Long> expired = new ArrayList<>();
        for (Long key : recentBuckets.keys()) {
            if (key <= bucket - kept) {
                expired.add(key);
            }
        }
        for (Long old : expired) {
            recentBuckets.remove(old);
        }
    }

    /** A new stream after a long silence: the detectors start afresh; the term baseline just decays. */
    private void resetDetectors() {
        volume.clear();
        episodes.clear();
        episodeStats.clear();
        episodeExpected.clear();
    }

    private long bucketOf(long timestampMillis) {
        return Math.floorDiv(timestampMillis, width) * width;
    }

    static <T> T valueOr(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
