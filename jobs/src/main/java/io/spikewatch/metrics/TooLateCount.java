package io.spikewatch.metrics;

import java.time.Instant;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;

/**
 * Accounts for posts that reached a step after the minute they belong to had closed there (a
 * post counts once in each series it belongs to): a counter in the task's metrics, and a warning
 * for the first one, then every thousandth, naming the series, the post's event time and the
 * watermark it missed. The post itself is indexed as usual; only that step's verdict on its
 * minute goes without it.
 */
public final class TooLateCount {

    private static final long LOG_EVERY = 1000;

    private final Counter counter;
    private final String metric;
    private final Logger log;
    private final String missed;

    /**
     * @param metric the counter's name in {@code group}
     * @param missed what a late post misses, for the log ("their minute's metrics")
     */
    public TooLateCount(MetricGroup group, String metric, Logger log, String missed) {
        this.counter = group.counter(metric);
        this.metric = metric;
        this.log = log;
        this.missed = missed;
    }

    public void count(String seriesKey, long eventTimeMillis, long watermarkMillis) {
        counter.inc();
        long seen = counter.getCount();
        if (seen == 1 || seen % LOG_EVERY == 0) {
            log.warn("{} post(s) of a series too late for {} so far (metric {}, logged again every {}); latest: series {} at {}, watermark {}",
                    seen, missed, metric, LOG_EVERY, seriesKey, Instant.ofEpochMilli(eventTimeMillis),
                    watermarkMillis == Long.MIN_VALUE ? "none" : Instant.ofEpochMilli(watermarkMillis));
        }
    }
}
