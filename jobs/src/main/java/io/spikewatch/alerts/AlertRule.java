package io.spikewatch.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One rule of the rules file.
 *
 * @param minSeverity 0 to 100: spikes below it never fire the rule
 * @param cooldown after an alert of this rule on a series, a new episode on the same series stays
 *     quiet for this long (escalations and re-notifications of the alerted episode are not held back)
 * @param renotifyEvery while an episode lasts, remind this often; null never reminds (escalations
 *     are always reported)
 * @param notifyEnd whether to report the end of an episode that was alerted
 * @param channels names from the file's {@code channels:}
 */
public record AlertRule(
        String name,
        RuleScope scope,
        RuleType type,
        RuleParams params,
        int minSeverity,
        Duration cooldown,
        Duration renotifyEvery,
        boolean notifyEnd,
        List<String> channels) {

    public static final int DEFAULT_MIN_SEVERITY = 40;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(30);
    public static final int MAX_SEVERITY = 100;

    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(cooldown, "cooldown");
        if (minSeverity < 0 || minSeverity > MAX_SEVERITY) {
            throw new IllegalArgumentException("min_severity must be from 0 to 100 but was " + minSeverity);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
        if (renotifyEvery != null && (renotifyEvery.isNegative() || renotifyEvery.isZero())) {
            throw new IllegalArgumentException("renotify_every must be positive");
        }
        channels = List.copyOf(channels);
    }
}
