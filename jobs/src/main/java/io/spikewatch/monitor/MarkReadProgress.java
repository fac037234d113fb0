package io.spikewatch.monitor;

import io.spikewatch.schema.Post;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Flink adapter of {@link ReadProgress} on the fast path: a few {@link ReadMark}s a second. An
 * operator rather than a function for two things a function on an unkeyed stream lacks: a
 * processing-time timer that marks the end of a burst, and the end of a bounded input, which
 * marks what is left (a pending timer would be dropped then). Its progress is not checkpointed:
 * after a restore the next post read is marked at once.
 */
public class MarkReadProgress extends AbstractStreamOperator<ReadMark> implements OneInputStreamOperator<Post, ReadMark>, BoundedOneInput {

    private transient ReadProgress progress;
    private transient long timerAt;

    @Override
    public void open() throws Exception {
        super.open();
        progress = new ReadProgress(ReadProgress.DEFAULT_INTERVAL);
        timerAt = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<Post> element) {
        progress.onRead(element.getValue().createdAt().toEpochMilli(), now()).ifPresent(this::emit);
        scheduleFlush();
    }

    @Override
    public void endInput() {
        progress.finish(now()).ifPresent(this::emit);
    }

    private void scheduleFlush() {
        progress.flushAt().filter(at -> at != timerAt).ifPresent(at -> {
            timerAt = at;
            getProcessingTimeService().registerTimer(at, time -> {
                progress.flush(now()).ifPresent(this::emit);
                scheduleFlush();
            });
        });
    }

    private long now() {
        return getProcessingTimeService().getCurrentProcessingTime();
    }

    private void emit(ReadMark mark) {
        output.collect(new StreamRecord<>(mark));
    }
}
