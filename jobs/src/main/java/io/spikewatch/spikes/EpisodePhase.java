package io.spikewatch.spikes;

/** Where a spike episode stands when it is reported. */
public enum EpisodePhase {
    STARTED,
    /** Still going, with a higher severity than last reported. */
    ESCALATED,
    /** Still going; reported again on the rule's re-notify cadence. */
    ONGOING,
    ENDED
}
