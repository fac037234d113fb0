package io.spikewatch.monitor;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * A watermark strategy for a side input that must never hold an operator's event time back: its
 * watermark is always "as far as can be", so the operator's time is its main input's. Used for
 * annotated posts feeding the volume detector, which must not wait for NLP, and for the fast path's
 * progress feeding the annotation step under an overload sample.
 */
final class LateDataOnly {

    private LateDataOnly() {}

    static <T> WatermarkStrategy<T> strategy() {
        return WatermarkStrategy.<T>forGenerator(context -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE - 1));
            }
        }).withTimestampAssigner((event, previous) -> previous);
    }
}
