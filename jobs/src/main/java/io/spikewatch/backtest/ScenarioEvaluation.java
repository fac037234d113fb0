package io.spikewatch.backtest;

import io.spikewatch.fixtures.SpikeLabel;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.EpisodeTracker;
import io.spikewatch.spikes.EpisodeTrackerConfig;
import io.spikewatch.spikes.EpisodeTrackerState;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.VolumeDetector;
import io.spikewatch.spikes.VolumeDetectorConfig;
import io.spikewatch.spikes.VolumeDetectorState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the production detector and episode tracker against the labelled windows of a scenario:
 * each stream from a cold start (fresh state for every series), every bucket fed, zeros included.
 * A {@code volume} window is hit when a VOLUME alert of its series (an episode that starts, or one
 * that escalates: what a rule notifies) is raised at most {@code maxDelay} after its start, or up to
 * as much before it (a label starts where the scripted rate crosses a threshold; the first posts of
 * the burst come a minute earlier). An alert is raised when its bucket closes, so a burst in the
 * window's first minute is raised one minute after the start, the same clock as the demo's label check. An episode start outside every
 * window of its series (with the same early allowance) is a <em>co-spike</em> when it falls in a
 * labelled {@code volume} window of {@code all} (the whole stream surged and the entity took part:
 * the labels do not list every entity of an event) and a <em>false start</em> otherwise.
 */
public final class ScenarioEvaluation {

    private final VolumeDetectorConfig detectorConfig;
    private final EpisodeTrackerConfig trackerConfig;
    private final Duration maxDelay;

    public ScenarioEvaluation(VolumeDetectorConfig detectorConfig, EpisodeTrackerConfig trackerConfig, Duration maxDelay) {
        this.detectorConfig = Objects.requireNonNull(detectorConfig, "detectorConfig");
        this.trackerConfig = Objects.requireNonNull(trackerConfig, "trackerConfig");
        if (!detectorConfig.bucketWidth().equals(trackerConfig.bucketWidth())) {
            throw new IllegalArgumentException("the detector's bucket width (" + detectorConfig.bucketWidth()
                    + ") differs from the episode tracker's (" + trackerConfig.bucketWidth() + ")");
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, got " + maxDelay);
        }
        this.maxDelay = maxDelay;
    }

    /** The production defaults at this bucket width. */
    public static ScenarioEvaluation withDefaults(Duration bucketWidth, Duration maxDelay) {
        return new ScenarioEvaluation(VolumeDetectorConfig.builder().bucketWidth(bucketWidth).build(),
                EpisodeTrackerConfig.builder().bucketWidth(bucketWidth).build(), maxDelay);
    }

    public ScenarioReport evaluate(List<CountStream> streams, List<SpikeLabel> labels) {
        VolumeDetector detector = new VolumeDetector(detectorConfig);
        EpisodeTracker tracker = new EpisodeTracker(trackerConfig);
        List<ScenarioReport.Start> alerts = new ArrayList<>();
        for (CountStream stream : streams) {
            for (var series : stream.counts().entrySet()) {
                VolumeDetectorState detectorState = new VolumeDetectorState();
                EpisodeTrackerState trackerState = new EpisodeTrackerState();
                double[] counts = series.getValue();
                for (int i = 0; i < counts.length; i++) {
                    var score = detector.observe(detectorState, stream.bucketStart(i), counts[i]);
                    Instant raisedAt = stream.bucketStart(i).plus(detectorConfig.bucketWidth());
                    for (Spike spike : tracker.observe(trackerState, series.getKey(), score)) {
                        boolean raises = spike.phase() == EpisodePhase.STARTED || spike.phase() == EpisodePhase.ESCALATED;
                        if (raises && (spike.kind() == SpikeKind.VOLUME || spike.kind() == SpikeKind.FLATLINE)) {
                            alerts.add(new ScenarioReport.Start(series.getKey(), spike.kind(), spike.phase(), raisedAt,
                                    score.value(), score.expected()));
                        }
                    }
                }
            }
        }
        List<SpikeLabel> volume = labels.stream().filter(l -> l.kind() == io.spikewatch.fixtures.SpikeKind.VOLUME).toList();
        List<ScenarioReport.Window> windows = new ArrayList<>();
        for (SpikeLabel label : volume) {
            String key = ScenarioCounts.seriesKey(label.scope());
            Instant first = alerts.stream()
                    .filter(s -> s.seriesKey().equals(key) && s.kind() == SpikeKind.VOLUME && covers(label, s.raisedAt()))
                    .map(ScenarioReport.Start::raisedAt).min(Instant::compareTo).orElse(null);
            windows.add(new ScenarioReport.Window(key, label.start(), label.end(), label.peakMultiplier(), first, maxDelay));
        }
        List<ScenarioReport.Start> starts = alerts.stream().filter(s -> s.phase() == EpisodePhase.STARTED).toList();
        List<ScenarioReport.Start> outside = starts.stream()
                .filter(s -> volume.stream().noneMatch(l -> ScenarioCounts.seriesKey(l.scope()).equals(s.seriesKey()) && covers(l, s.raisedAt())))
                .toList();
        List<ScenarioReport.Start> coSpikes = outside.stream()
                .filter(s -> s.kind() == SpikeKind.VOLUME && volume.stream().anyMatch(l -> ScenarioCounts.ALL.equals(l.scope()) && covers(l, s.raisedAt())))
                .toList();
        List<ScenarioReport.Start> falseStarts = outside.stream().filter(s -> !coSpikes.contains(s)).toList();
        return new ScenarioReport(windows, coSpikes, falseStarts, starts);
    }

    /** The window, opened {@code maxDelay} early, closed at its end. */
    private boolean covers(SpikeLabel label, Instant raisedAt) {
        return !raisedAt.isBefore(label.start().minus(maxDelay)) && !raisedAt.isAfter(label.end());
    }
}
