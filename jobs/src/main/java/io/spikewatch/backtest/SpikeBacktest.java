package io.spikewatch.backtest;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.EpisodeTracker;
import io.spikewatch.spikes.EpisodeTrackerConfig;
import io.spikewatch.spikes.EpisodeTrackerState;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.VolumeDetector;
import io.spikewatch.spikes.VolumeDetectorConfig;
import io.spikewatch.spikes.VolumeDetectorState;
import io.spikewatch.spikes.VolumeScore;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the production detector ({@link VolumeDetector} and {@link EpisodeTracker}, the same code
 * and defaults as the monitor job, only the bucket width differs) over a recorded series, row by
 * row and causally, and writes what an alerting system would have done: the score of a row is the
 * detector's score where an episode STARTS (so 0.5 or more), and below 0.5 everywhere else,
 * including the later buckets of an episode, which alert nobody again.
 */
public final class SpikeBacktest {

    private static final String SERIES_KEY = "backtest";
    private static final double BELOW_ALERT = Math.nextDown(VolumeScore.ALERT_SCORE);

    private final VolumeDetector detector;
    private final EpisodeTracker tracker;
    private final Set<SpikeKind> alerting;

    /**
     * @param alerting the kinds of episode whose start counts as an alert (VOLUME, FLATLINE or both)
     */
    public SpikeBacktest(VolumeDetectorConfig detectorConfig, EpisodeTrackerConfig trackerConfig, Set<SpikeKind> alerting) {
        if (!detectorConfig.bucketWidth().equals(trackerConfig.bucketWidth())) {
            throw new IllegalArgumentException("the detector's bucket width (" + detectorConfig.bucketWidth()
                    + ") differs from the episode tracker's (" + trackerConfig.bucketWidth() + ")");
        }
        if (alerting.isEmpty()) {
            throw new IllegalArgumentException("at least one kind of spike must alert");
        }
        this.detector = new VolumeDetector(detectorConfig);
        this.tracker = new EpisodeTracker(trackerConfig);
        this.alerting = EnumSet.copyOf(alerting);
    }

    /** The defaults of production with the bucket width of the series. */
    public static SpikeBacktest withDefaults(Duration bucketWidth, Set<SpikeKind> alerting) {
        return new SpikeBacktest(VolumeDetectorConfig.builder().bucketWidth(bucketWidth).build(),
                EpisodeTrackerConfig.builder().bucketWidth(bucketWidth).build(), alerting);
    }

    /**
     * The bucket width of a series: the smallest step between consecutive rows.
     *
     * @throws IllegalArgumentException when the series has fewer than two rows or is not in time order
     */
    public static Duration bucketWidth(List<SeriesRow> rows) {
        Duration smallest = null;
        for (int i = 1; i < rows.size(); i++) {
            Duration step = Duration.between(rows.get(i - 1).timestamp(), rows.get(i).timestamp());
            if (step.isZero() || step.isNegative()) {
                throw new IllegalArgumentException("row " + (i + 2) + " (" + NabTimestamps.format(rows.get(i).timestamp())
                        + ") is not after the row before it");
            }
            if (smallest == null || step.compareTo(smallest) < 0) {
                smallest = step;
            }
        }
        if (smallest == null) {
            throw new IllegalArgumentException("a series needs at least two rows to have a bucket width");
        }
        return smallest;
    }

    public List<ScoredRow> run(List<SeriesRow> rows) {
        VolumeDetectorState detectorState = new VolumeDetectorState();
        EpisodeTrackerState trackerState = new EpisodeTrackerState();
        List<ScoredRow> scored = new ArrayList<>(rows.size());
        for (SeriesRow row : rows) {
            VolumeScore score = detector.observe(detectorState, row.timestamp().toInstant(ZoneOffset.UTC), row.value());
            boolean alert = false;
            for (Spike spike : tracker.observe(trackerState, SERIES_KEY, score)) {
                alert |= spike.phase() == EpisodePhase.STARTED && alerting.contains(spike.kind());
            }
            scored.add(new ScoredRow(row.timestamp(), row.value(), alert ? score.score() : Math.min(score.score(), BELOW_ALERT)));
        }
        return scored;
    }
}
