package io.spikewatch.alerts;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.Spike;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A rule's view of a spike at one moment: what to tell people and where.
 *
 * @param id deterministic (see {@link #idOf}), so a replay overwrites the same alert document
 * @param phase STARTED for the first alert of an episode under this rule, then ESCALATED, ONGOING or ENDED
 * @param title one line, used as the e-mail subject
 * @param text a few lines a person reads on a phone: the numbers, sentiment, what drove it, the top post
 * @param channels the rule's channel names that are enabled
 * @param createdAt the event time of the evaluation that raised it
 */
public record Alert(
        String id,
        String ruleName,
        String seriesKey,
        Spike spike,
        EpisodePhase phase,
        int severity,
        String title,
        String text,
        List<String> channels,
        Instant createdAt) {

    public Alert {
        channels = List.copyOf(channels);
    }

    /** The same alert, for {@code only} of its channels. */
    public Alert withChannels(List<String> only) {
        return new Alert(id, ruleName, seriesKey, spike, phase, severity, title, text, only, createdAt);
    }

    /** {@code RULE|SPIKE_ID|PHASE|SEQUENCE}: the sequence counts the alerts of one episode under one rule. */
    public static String idOf(String ruleName, Spike spike, EpisodePhase phase, int sequence) {
        return ruleName + "|" + spike.id() + "|" + phase.name().toLowerCase(Locale.ROOT) + "|" + sequence;
    }
}
