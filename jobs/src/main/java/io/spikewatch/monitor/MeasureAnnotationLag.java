package io.spikewatch.monitor;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Flink adapter of {@link AnnotationLag}: the fast path's {@link ReadMark}s on the first input, the
 * event time of each annotated post on the second; emits nothing. Gauges:
 *
 * <ul>
 *   <li>{@code annotationLagMs}: wall-clock time the post annotated last waited since the fast path read it;
 *   <li>{@code annotationEventTimeLagMs}: event time between the newest post read and the post annotated last.
 * </ul>
 *
 * <p>The marks are not checkpointed: after a restore the gauges read 0 until the fast path has
 * read past the posts being annotated again.
 */
public class MeasureAnnotationLag extends CoProcessFunction<ReadMark, Long, Void> {

    private final Duration outOfOrderness;

    private transient AnnotationLag lag;

    /** @param outOfOrderness how far out of event-time order annotated posts may come (the indexing path's bound) */
    public MeasureAnnotationLag(Duration outOfOrderness) {
        this.outOfOrderness = outOfOrderness;
    }

    @Override
    public void open(OpenContext openContext) {
        lag = new AnnotationLag(outOfOrderness, AnnotationLag.DEFAULT_MAX_MARKS);
        MetricGroup group = getRuntimeContext().getMetricGroup();
        group.gauge("annotationLagMs", (Gauge<Long>) lag::lagMillis);
        group.gauge("annotationEventTimeLagMs", (Gauge<Long>) lag::eventTimeLagMillis);
    }

    @Override
    public void processElement1(ReadMark mark, Context ctx, Collector<Void> out) {
        lag.onRead(mark);
    }

    @Override
    public void processElement2(Long annotatedEventTime, Context ctx, Collector<Void> out) {
        lag.onAnnotated(annotatedEventTime, System.currentTimeMillis());
    }
}
