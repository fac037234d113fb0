package io.spikewatch.metrics;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Flink adapter: folds observations into a {@link MinuteMetricsAccumulator}. */
public class MinuteAggregate implements AggregateFunction<Observation, MinuteMetricsAccumulator, MinuteMetricsAccumulator> {

    @Override
    public MinuteMetricsAccumulator createAccumulator() {
        return new MinuteMetricsAccumulator();
    }

    @Override
    public MinuteMetricsAccumulator add(Observation observation, MinuteMetricsAccumulator accumulator) {
        return accumulator.add(observation);
    }

    @Override
    public MinuteMetricsAccumulator getResult(MinuteMetricsAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public MinuteMetricsAccumulator merge(MinuteMetricsAccumulator a, MinuteMetricsAccumulator b) {
        return a.merge(b);
    }
}
