package io.spikewatch.monitor;

import io.spikewatch.alerts.AlertStates;
import io.spikewatch.alerts.RuleSeriesState;
import org.apache.flink.api.common.state.MapState;

/** {@link AlertStates} of the current key (a series), in Flink keyed state. */
final class KeyedAlertStates implements AlertStates {

    private final MapState<String, RuleSeriesState> states;

    KeyedAlertStates(MapState<String, RuleSeriesState> states) {
        this.states = states;
    }

    @Override
    public RuleSeriesState get(String ruleName) {
        try {
            return states.get(ruleName);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the alert state of rule " + ruleName, e);
        }
    }

    @Override
    public void put(String ruleName, RuleSeriesState state) {
        try {
            states.put(ruleName, state);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the alert state of rule " + ruleName, e);
        }
    }
}
