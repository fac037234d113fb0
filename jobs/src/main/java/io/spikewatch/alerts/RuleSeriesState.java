package io.spikewatch.alerts;

/**
 * What one rule remembers about one series between spike reports: a plain POJO (public fields,
 * no-arg constructor) so the job can keep it in Flink keyed state, keyed by series with the rule
 * name as map key. Times are event-time epoch milliseconds.
 */
public class RuleSeriesState {

    /** {@code Spike.id()} of the episode alerted last, or null before any alert. */
    public String episodeId;

    /** Event time of the last alert of this rule on this series; {@link Long#MIN_VALUE} before any. */
    public long lastAlertAtMillis = Long.MIN_VALUE;

    /** Severity reported by the last alert of the episode. */
    public int lastSeverity;

    /** Waves of the episode already notified, as the rule counts them ({@code RuleParams.waves}). */
    public int lastWaves;

    /** Alerts sent for the episode so far; the next alert's sequence number. */
    public int sequence;

    /** Whether the episode's end was reported. */
    public boolean endReported;

    public RuleSeriesState() {}

    @Override
    public String toString() {
        return "RuleSeriesState{episodeId=" + episodeId + ", lastAlertAtMillis=" + lastAlertAtMillis
                + ", lastSeverity=" + lastSeverity + ", lastWaves=" + lastWaves + ", sequence=" + sequence + ", endReported=" + endReported + "}";
    }
}
