package io.spikewatch.spikes;

/**
 * What {@link EpisodeTracker} remembers about the episode of one series: public primitive fields
 * and a public no-argument constructor, for Flink's POJO serializer. A fresh instance is "no
 * episode going on".
 */
public class EpisodeTrackerState {

    public boolean active;
    /** {@link SpikeKind#ordinal()} of the episode going on. */
    public int kind;
    public long startMillis;
    public long peakMillis;
    public double peakValue;
    public double peakExpected;
    /** The deviation of the peak bucket (its distance from the expectation in noise deviations). */
    public double peakDeviation;
    /** Start of the last bucket that was still abnormal. */
    public long lastAbnormalMillis;
    /** Normal buckets in a row since then. */
    public int quietBuckets;
    /** The highest severity reported for the episode. */
    public int severity;
    /** Whether the episode going on started while the detector was warming up. */
    public boolean startedWarmingUp;
    /** Whether the last episode that ended had started while the detector was warming up. */
    public boolean endedWarmingUp;
    /** Whether an episode has ended in this series (the fields below mean something). */
    public boolean ended;
    /** {@link SpikeKind#ordinal()} of the last episode that ended. */
    public int endedKind;
    /** End of the last abnormal bucket of the last episode that ended, epoch milliseconds. */
    public long endedMillis;
    /** The peak deviation of the last episode that ended. */
    public double endedPeakDeviation;

    /** {@link WaveWatch}: the episode's plateau, its last bucket, how many buckets it has seen. */
    public double waveLevel;
    public double waveLastValue;
    public int wavePlateauBuckets;
    /** New waves seen in the episode so far; each adds to its severity. */
    public int waves;

    public EpisodeTrackerState() {}

    public EpisodeTrackerState copy() {
        EpisodeTrackerState copy = new EpisodeTrackerState();
        copy.active = active;
        copy.kind = kind;
        copy.startMillis = startMillis;
        copy.peakMillis = peakMillis;
        copy.peakValue = peakValue;
        copy.peakExpected = peakExpected;
        copy.peakDeviation = peakDeviation;
        copy.lastAbnormalMillis = lastAbnormalMillis;
        copy.quietBuckets = quietBuckets;
        copy.severity = severity;
        copy.ended = ended;
        copy.startedWarmingUp = startedWarmingUp;
        copy.endedWarmingUp = endedWarmingUp;
        copy.endedKind = endedKind;
        copy.endedMillis = endedMillis;
        copy.endedPeakDeviation = endedPeakDeviation;
        copy.waveLevel = waveLevel;
        copy.waveLastValue = waveLastValue;
        copy.wavePlateauBuckets = wavePlateauBuckets;
        copy.waves = waves;
        return copy;
    }
}
