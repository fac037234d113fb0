package io.spikewatch.alerts;

import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.Spike;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which rules fire for a spike report, and when to say it again.
 *
 * <p>For each rule whose scope covers the spike's series and whose type matches its kind:
 * <ul>
 *   <li>A new episode (another {@code Spike.id()} than the one last alerted) fires a STARTED alert
 *       when its severity reaches {@code min_severity} and the type's params accept it, unless an
 *       alert of the same rule on the same series was raised less than {@code cooldown} ago (it
 *       is then reconsidered at its next report).</li>
 *   <li>The alerted episode fires again when its severity rose by {@value #ESCALATION_STEP}
 *       points or more since the last alert or it had a new wave (ESCALATED, always; a
 *       {@code new_entity_or_term} rule counts each qualifying entity as a wave and ignores the
 *       severity: another name is news, more posts of the same one are not), else every
 *       {@code renotify_every} (ONGOING, when set), and once at its end with {@code notify_end}.</li>
 * </ul>
 *
 * <p>Deterministic: the outcome depends only on the rules, the spike, the event time passed in
 * and the {@link RuleSeriesState}s, which the caller keeps (in Flink keyed state, so a restart
 * from a checkpoint replays the same decisions and alert ids).
 */
public final class RuleBook {

    /** Severity points an alerted episode must gain to be reported again at once. */
    public static final int ESCALATION_STEP = 10;

    private final Map<String, ChannelConfig> enabledChannels;
    private final List<AlertRule> rules;

    public RuleBook(AlertConfig config) {
        this.enabledChannels = config.channels();
        this.rules = config.rules();
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /**
     * Evaluates a report of {@code spike} at event time {@code at}, updating {@code states} (the
     * states of the spike's series) for every alert raised.
     *
     * @return the alerts, in the rules' file order
     */
    public List<Alert> evaluate(Spike spike, Instant at, AlertStates states) {
        List<Alert> alerts = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule.type().spikeKind() != spike.kind() || !rule.scope().covers(spike.seriesKey(), rule.name())) {
                continue;
            }
            Alert alert = decide(rule, spike, at, states);
            if (alert != null) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    private Alert decide(AlertRule rule, Spike spike, Instant at, AlertStates states) {
        RuleSeriesState state = states.get(rule.name());
        long now = at.toEpochMilli();
        boolean ended = spike.phase() == EpisodePhase.ENDED;
        if (state != null && spike.id().equals(state.episodeId)) {
            if (state.endReported) {
                return null;
            }
            if (ended) {
                return rule.notifyEnd() ? raise(rule, spike, EpisodePhase.ENDED, now, state, states) : null;
            }
            boolean stronger = rule.params().escalatesWithSeverity() && spike.severity() >= state.lastSeverity + ESCALATION_STEP;
            if (stronger || rule.params().waves(spike) > state.lastWaves) {
                return raise(rule, spike, EpisodePhase.ESCALATED, now, state, states);
            }
            if (rule.renotifyEvery() != null && now >= plus(state.lastAlertAtMillis, rule.renotifyEvery().toMillis())) {
                return raise(rule, spike, EpisodePhase.ONGOING, now, state, states);
            }
            return null;
        }
        if (ended || spike.severity() < rule.minSeverity() || !rule.params().accepts(spike)) {
            return null;
        }
        if (state != null && now < plus(state.lastAlertAtMillis, rule.cooldown().toMillis())) {
            return null;
        }
        RuleSeriesState fresh = new RuleSeriesState();
        fresh.episodeId = spike.id();
        return raise(rule, spike, EpisodePhase.STARTED, now, fresh, states);
    }

    private Alert raise(AlertRule rule, Spike spike, EpisodePhase phase, long now, RuleSeriesState state, AlertStates states) {
        Alert alert = new Alert(
                Alert.idOf(rule.name(), spike, phase, state.sequence),
                rule.name(),
                spike.seriesKey(),
                spike,
                phase,
                spike.severity(),
                AlertMessages.title(rule, spike, phase),
                AlertMessages.text(rule, spike, phase),
                rule.channels().stream().filter(enabledChannels::containsKey).toList(),
                Instant.ofEpochMilli(now));
        state.sequence++;
        state.lastAlertAtMillis = now;
        state.lastSeverity = spike.severity();
        state.lastWaves = rule.params().waves(spike);
        state.endReported = phase == EpisodePhase.ENDED;
        states.put(rule.name(), state);
        return alert;
    }

    private static long plus(long millis, long add) {
        return millis == Long.MIN_VALUE ? Long.MIN_VALUE : millis + add;
    }

    /** The {@code query:RULE_NAME} series the job must count, one per rule with its own series. */
    public List<QuerySeries> querySeries() {
        return rules.stream()
                .filter(rule -> rule.scope().ownSeries())
                .map(rule -> new QuerySeries(SeriesKeys.query(rule.name()), rule.scope().query(),
                        rule.scope().entities(), rule.scope().platforms(), rule.scope().kinds()))
                .toList();
    }

    /**
     * Platforms whose {@code platform:NAME} series some rule watches; holds {@link RuleScope#EVERY}
     * when a rule watches every platform.
     */
    public Set<String> platforms() {
        Set<String> platforms = new LinkedHashSet<>();
        for (AlertRule rule : rules) {
            if (!rule.scope().ownSeries() && rule.scope().entities().isEmpty()) {
                platforms.addAll(rule.scope().platforms());
            }
        }
        return platforms;
    }

    /** The threshold rules, which the job evaluates with a {@link ThresholdWatch} per series they cover. */
    public List<AlertRule> thresholdRules() {
        return rules.stream().filter(rule -> rule.type() == RuleType.THRESHOLD).toList();
    }
}
