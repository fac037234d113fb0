package io.spikewatch.alerts;

import java.util.List;
import java.util.Map;

/**
 * A parsed rules file.
 *
 * @param channels the enabled channels by name, in file order
 * @param disabledChannels channels left out, by name, with why (switched off with
 *     {@code enabled: false}, or optional with an environment variable unset); the reason never
 *     holds a secret
 * @param rules in file order
 * @param digests the digest of each enabled channel that has one ({@code digest:}); the others send
 *     every alert at once
 */
public record AlertConfig(Map<String, ChannelConfig> channels, Map<String, String> disabledChannels, List<AlertRule> rules,
        Map<String, DigestSettings> digests) {

    public AlertConfig {
        channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
        disabledChannels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(disabledChannels));
        rules = List.copyOf(rules);
        digests = Map.copyOf(digests);
    }

    /** Without digests: every channel sends each alert at once. */
    public AlertConfig(Map<String, ChannelConfig> channels, Map<String, String> disabledChannels, List<AlertRule> rules) {
        this(channels, disabledChannels, rules, Map.of());
    }
}
