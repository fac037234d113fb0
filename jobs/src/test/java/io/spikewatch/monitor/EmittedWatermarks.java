package io.spikewatch.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/** Records what a watermark generator emits. */
final class EmittedWatermarks implements WatermarkOutput {

    final List<Long> watermarks = new ArrayList<>();
    int idleMarks;

    @Override
    public void emitWatermark(Watermark watermark) {
        watermarks.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {
        idleMarks++;
    }

    @Override
    public void markActive() {}

    List<Instant> instants() {
        return watermarks.stream().map(Instant::ofEpochMilli).toList();
    }
}
