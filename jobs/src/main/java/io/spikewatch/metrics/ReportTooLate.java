package io.spikewatch.metrics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for observations that arrive after their minute's allowed lateness: the post itself
 * is indexed as usual, but its minute's metrics can no longer be corrected. Counted in the
 * {@code observationsTooLate} metric and logged ({@link TooLateCount}).
 */
public class ReportTooLate extends ProcessFunction<Observation, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportTooLate.class);

    private transient TooLateCount tooLate;

    @Override
    public void open(OpenContext openContext) {
        tooLate = new TooLateCount(getRuntimeContext().getMetricGroup(), "observationsTooLate", LOG, "their minute's metrics");
    }

    @Override
    public void processElement(Observation observation, Context ctx, Collector<Void> out) {
        tooLate.count(observation.seriesKey(), observation.eventTimeMillis(), ctx.timerService().currentWatermark());
    }
}
