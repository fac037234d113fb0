package io.spikewatch.spikes;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the per-bucket scores of one series into episodes, so a spike is reported once, not once
 * a minute. Stateless; the episode lives in an {@link EpisodeTrackerState} the caller keeps.
 *
 * <ul>
 *   <li>{@link EpisodePhase#STARTED} at the first alert-worthy bucket ({@link VolumeScore#alertWorthy()};
 *       while its baseline warms up the detector scores with its cold-start rule, see {@link ColdStartRegime}).
 *   <li>The episode goes on while its buckets score at least {@code holdScore} in the same
 *       direction (hysteresis: a bucket that dips just under the alert score does not end it).
 *       The peak is the bucket furthest from its expectation, in noise deviations.
 *   <li>{@link EpisodePhase#ESCALATED} on a minute that is itself alert-worthy when the severity
 *       ({@link Severity}) has risen by {@code escalationStep} since the last report (a minute the
 *       episode merely holds on escalates nothing), and at once when an episode has a new wave
 *       ({@link WaveWatch}: a jump above the plateau the episode had settled on, in its posts for a
 *       volume episode, in its negative posts for a sentiment shift), which also adds to its severity.
 *   <li>{@link EpisodePhase#ENDED} after {@code quietPeriod} of normal buckets, reported at the
 *       bucket that completes it; the end is the end of the last abnormal bucket.
 *   <li>An alert-worthy bucket of the other direction ends the episode at once and starts a new one.
 *   <li>Within {@code repeatPeriod} of the end of an episode, an alert-worthy bucket of the same
 *       kind starts a new one only when it is {@code repeatFactor} times further from its
 *       expectation than the ended episode's peak: one event that comes back in waves is reported
 *       once, a clearly bigger one again. Episodes scored during the detector's warm-up are left
 *       out of this comparison both ways: their deviations are against the cold-start rule's
 *       short-memory level, not comparable with the steady-state baseline's.
 * </ul>
 */
public final class EpisodeTracker implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The wave count of a series whose episodes have no waves (flatlines, emerging terms). */
    public static final double NO_WAVES = Double.NaN;

    private final EpisodeTrackerConfig config;
    private final int quietBuckets;

    public EpisodeTracker(EpisodeTrackerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.quietBuckets = config.quietBuckets();
    }

    /**
     * Takes the score of the next bucket of {@code seriesKey} and returns the reports it causes, in
     * order: usually none, one at a transition, two when one episode ends and another starts.
     * The spikes have no explanation.
     */
    public List<Spike> observe(EpisodeTrackerState state, String seriesKey, VolumeScore score) {
        return observe(state, seriesKey, score, score.kind() == SpikeKind.VOLUME ? score.value() : NO_WAVES);
    }

    /**
     * As {@link #observe(EpisodeTrackerState, String, VolumeScore)}, judging new waves of a
     * running episode on {@code waveCount}: a volume episode's own count, or a sentiment shift's
     * negative posts of the bucket (the share can hardly rise once most posts are negative, but a
     * new crowd of angry posts doubles their number); {@link #NO_WAVES} for none.
     */
    public List<Spike> observe(EpisodeTrackerState state, String seriesKey, VolumeScore score, double waveCount) {
        List<Spike> reports = new ArrayList<>(2);
        long millis = score.bucketStart().toEpochMilli();
        if (state.active) {
            boolean sameKind = score.kind().ordinal() == state.kind;
            if (!sameKind && score.alertWorthy()) {
                reports.add(end(state, seriesKey));
            } else {
                boolean wave = sameKind && !Double.isNaN(waveCount) && WaveWatch.observe(state, waveCount);
                if (sameKind && (wave || score.score() >= config.holdScore())) {
                    state.quietBuckets = 0;
                    state.lastAbnormalMillis = millis;
                    if (Math.abs(score.deviation()) > Math.abs(state.peakDeviation)) {
                        state.peakMillis = millis;
                        state.peakValue = score.value();
                        state.peakExpected = score.expected();
                        state.peakDeviation = score.deviation();
                    }
                    int severity = severity(state);
                    // only a minute that is itself a spike (or a new wave) escalates: one the episode
                    // merely holds on could otherwise lift an old, faint episode over a rule's bar
                    if (wave || (score.alertWorthy() && severity >= state.severity + config.escalationStep())) {
                        state.severity = severity;
                        reports.add(spike(state, seriesKey, EpisodePhase.ESCALATED, null));
                    }
                } else {
                    state.quietBuckets++;
                    if (state.quietBuckets >= quietBuckets) {
                        reports.add(end(state, seriesKey));
                    }
                }
                return reports;
            }
        }
        if (score.alertWorthy() && !repeat(state, score, millis)) {
            state.startedWarmingUp = score.warmingUp();
            state.active = true;
            state.kind = score.kind().ordinal();
            // a burst found over several buckets began with the first of them
            state.startMillis = millis - (score.buckets() - 1) * config.bucketWidth().toMillis();
            state.peakMillis = millis;
            state.peakValue = score.value();
            state.peakExpected = score.expected();
            state.peakDeviation = score.deviation();
            state.lastAbnormalMillis = millis;
            state.quietBuckets = 0;
            state.waves = 0;
            WaveWatch.restart(state, Double.isNaN(waveCount) ? score.value() : waveCount);
            state.severity = severity(state);
            reports.add(spike(state, seriesKey, EpisodePhase.STARTED, null));
        }
        return reports;
    }

    /**
     * The running episode as it stands, in phase {@link EpisodePhase#ONGOING}, or null when none
     * runs: reported again while it lasts, so a rule whose conditions its start did not meet yet
     * (fewer posts than the rule asks) can still raise it once they are.
     */
    public static Spike ongoing(EpisodeTrackerState state, String seriesKey) {
        return state.active ? spike(state, seriesKey, EpisodePhase.ONGOING, null) : null;
    }

    /**
     * Whether this bucket only repeats the episode that ended shortly before: same kind, within
     * {@code repeatPeriod} of its end and no further from the expectation than its peak was.
     */
    private boolean repeat(EpisodeTrackerState state, VolumeScore score, long millis) {
        return state.ended && !state.endedWarmingUp && !score.warmingUp() && score.kind().ordinal() == state.endedKind
                && millis - state.endedMillis < config.repeatPeriod().toMillis()
                && Math.abs(score.deviation()) <= config.repeatFactor() * Math.abs(state.endedPeakDeviation);
    }

    private Spike end(EpisodeTrackerState state, String seriesKey) {
        Instant end = Instant.ofEpochMilli(state.lastAbnormalMillis).plus(config.bucketWidth());
        state.severity = Math.max(state.severity, severity(state));
        Spike spike = spike(state, seriesKey, EpisodePhase.ENDED, end);
        state.active = false;
        state.quietBuckets = 0;
        state.ended = true;
        state.endedKind = state.kind;
        state.endedMillis = end.toEpochMilli();
        state.endedPeakDeviation = state.peakDeviation;
        state.endedWarmingUp = state.startedWarmingUp;
        return spike;
    }

    private int severity(EpisodeTrackerState state) {
        Duration lasted = Duration.ofMillis(state.lastAbnormalMillis - state.startMillis).plus(config.bucketWidth());
        return Severity.of(SpikeKind.values()[state.kind], state.peakValue, state.peakExpected, lasted, state.waves);
    }

    private static Spike spike(EpisodeTrackerState state, String seriesKey, EpisodePhase phase, Instant end) {
        return new Spike(seriesKey, SpikeKind.values()[state.kind], phase, Instant.ofEpochMilli(state.startMillis),
                Instant.ofEpochMilli(state.peakMillis), end, state.severity, state.peakValue, state.peakExpected, null, state.waves);
    }
}
