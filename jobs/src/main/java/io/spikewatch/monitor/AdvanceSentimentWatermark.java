package io.spikewatch.monitor;

import io.spikewatch.metrics.Observation;
import java.time.Duration;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Puts the annotated posts on the alert path's out-of-orderness bound before the sentiment shift
 * detector. Annotation runs on the indexing path, whose watermark trails the input by
 * {@code job.out_of_orderness} (2 minutes by default); judged on that, a minute's sentiment waited
 * those 2 minutes after the minute closed even when annotation kept up. Both paths' watermarks are
 * the same point less their own bound (the highest event time read, or the wall clock on a quiet
 * live input: {@link RecordDrivenWatermarks}, {@link QuietSplitWatermarks}), so moving the
 * indexing watermark on by the difference of the bounds gives the alert path's, as deterministic
 * as the one it comes from.
 *
 * <p>Each observation's {@link Observation#watermarkMillis()} moves by the same amount: a post
 * whose minute had closed by the alert path's bound when annotation took it (posts more than
 * {@code job.alert_out_of_orderness} out of order, as for the volume count) is left out of the
 * sentiment verdicts, and no post this operator lets through is behind the watermark it emits. A
 * bound for the alerts longer than the indexing path's changes nothing.
 */
public class AdvanceSentimentWatermark extends AbstractStreamOperator<Observation> implements OneInputStreamOperator<Observation, Observation> {

    private final long advanceMillis;

    public AdvanceSentimentWatermark(Duration outOfOrderness, Duration alertOutOfOrderness) {
        this.advanceMillis = Math.max(0, outOfOrderness.minus(alertOutOfOrderness).toMillis());
    }

    @Override
    public void processElement(StreamRecord<Observation> element) {
        Observation observation = element.getValue();
        output.collect(element.replace(observation.withWatermarkMillis(advance(observation.watermarkMillis()))));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        super.processWatermark(new Watermark(advance(mark.getTimestamp())));
    }

    /** {@code watermark} on the alert path's bound; no watermark yet, and the end of input, stay as they are. */
    long advance(long watermark) {
        if (watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE) {
            return watermark;
        }
        return watermark > Long.MAX_VALUE - 1 - advanceMillis ? Long.MAX_VALUE - 1 : watermark + advanceMillis;
    }
}
