package io.spikewatch.metrics;

import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Flink adapter: names a minute's totals with their series and window. Fires when the minute
 * closes and again for each late record within the allowed lateness; the deterministic id makes
 * each firing overwrite the last.
 */
public class EmitMinuteMetrics extends ProcessWindowFunction<MinuteMetricsAccumulator, MinuteMetrics, String, TimeWindow> {

    @Override
    public void process(String seriesKey, Context context, Iterable<MinuteMetricsAccumulator> totals, Collector<MinuteMetrics> out) {
        MinuteMetricsAccumulator total = totals.iterator().next();
        out.collect(total.toMetrics(
                Instant.ofEpochMilli(context.window().getStart()), Instant.ofEpochMilli(context.window().getEnd())));
    }
}
