package io.spikewatch.metrics;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for observations that arrive after their minute's allowed lateness: the post itself
 * is indexed as usual, but its minute's metrics can no longer be corrected. Counted in the
 * {@code observationsTooLate} metric and logged (the first ones, then every thousandth).
 */
public class ReportTooLate extends ProcessFunction<Observation, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportTooLate.class);
    private static final long LOG_EVERY = 1000;
    private static final long LOG_FIRST = 10;

    private transient Counter tooLate;

    @Override
    public void open(OpenContext openContext) {
        tooLate = getRuntimeContext().getMetricGroup().counter("observationsTooLate");
    }

    @Override
    public void processElement(Observation observation, Context ctx, Collector<Void> out) {
        tooLate.inc();
        long seen = tooLate.getCount();
        if (seen <= LOG_FIRST || seen % LOG_EVERY == 0) {
            LOG.warn("{} observation(s) too late for their minute's metrics so far; latest: series {} at {} (watermark {})",
                    seen, observation.seriesKey(), Instant.ofEpochMilli(observation.eventTimeMillis()),
                    Instant.ofEpochMilli(ctx.timerService().currentWatermark()));
        }
    }
}
