package io.spikewatch.alerts;

import java.util.HashMap;
import java.util.Map;

/**
 * Where {@link RuleBook} keeps its {@link RuleSeriesState}s for the series being evaluated, by
 * rule name. In the job: a thin wrapper over Flink {@code MapState<String, RuleSeriesState>} of
 * the series key; elsewhere {@link #inMemory()}.
 */
public interface AlertStates {

    /** The state of {@code ruleName}, or null when it never alerted on this series. */
    RuleSeriesState get(String ruleName);

    void put(String ruleName, RuleSeriesState state);

    /** States in a map; one instance per series. */
    static AlertStates inMemory() {
        Map<String, RuleSeriesState> map = new HashMap<>();
        return new AlertStates() {
            @Override
            public RuleSeriesState get(String ruleName) {
                return map.get(ruleName);
            }

            @Override
            public void put(String ruleName, RuleSeriesState state) {
                map.put(ruleName, state);
            }
        };
    }
}
