package io.spikewatch.alerts;

import io.spikewatch.spikes.Spike;

/**
 * Params of a {@code flatline} rule.
 *
 * @param minExpected the baseline must have expected at least this many posts a minute at the
 *     trough ({@code min_expected}); silence on a series that is quiet anyway says nothing
 */
public record FlatlineParams(double minExpected) implements RuleParams {

    public static final String KEY_MIN_EXPECTED = "min_expected";
    public static final double DEFAULT_MIN_EXPECTED = 5;
    public static final FlatlineParams DEFAULTS = new FlatlineParams(DEFAULT_MIN_EXPECTED);

    @Override
    public boolean accepts(Spike spike) {
        return spike.peakExpected() >= minExpected;
    }
}
