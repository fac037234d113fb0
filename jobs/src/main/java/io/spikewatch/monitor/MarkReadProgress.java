package io.spikewatch.monitor;

import io.spikewatch.schema.Post;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Flink adapter of {@link ReadProgress} on the fast path: a few {@link ReadMark}s a second. */
public class MarkReadProgress extends ProcessFunction<Post, ReadMark> {

    private transient ReadProgress progress;

    @Override
    public void open(OpenContext openContext) {
        progress = new ReadProgress(ReadProgress.DEFAULT_INTERVAL);
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<ReadMark> out) {
        progress.onRead(post.createdAt().toEpochMilli(), System.currentTimeMillis()).ifPresent(out::collect);
    }
}
