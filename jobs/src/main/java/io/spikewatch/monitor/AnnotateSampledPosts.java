package io.spikewatch.monitor;

import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.schema.Post;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Annotates posts as {@link AnnotateDocuments} does, but only those the {@link OverloadSample}
 * chooses while annotation trails the input: the second input is the fast path's progress
 * ({@link ReadMark}s, broadcast to every task), which tells how far behind a post is. A post left
 * out skips CoreNLP ({@link AnnotationStep#leaveOut}); {@code postsOutOfSample} counts them, and the
 * gauge {@code overloadSampleRate} shows the share the last post was sampled at. The
 * progress is not checkpointed: after a restore every post is annotated until the next mark.
 */
public class AnnotateSampledPosts extends CoProcessFunction<Post, ReadMark, IndexDocument> {

    private final AnnotatorFactory annotators;
    private final IndexNames indices;
    private final OverloadSample sample;

    private transient AnnotationStep step;
    private transient long readUpToMillis;
    private transient Counter outOfSample;
    private transient volatile double currentRate;

    public AnnotateSampledPosts(AnnotatorFactory annotators, IndexNames indices, OverloadSample sample) {
        this.annotators = annotators;
        this.indices = indices;
        this.sample = sample;
    }

    @Override
    public void open(OpenContext openContext) {
        step = new AnnotationStep(annotators, indices, getRuntimeContext());
        readUpToMillis = Long.MIN_VALUE;
        outOfSample = getRuntimeContext().getMetricGroup().counter("postsOutOfSample");
        currentRate = 1;
        getRuntimeContext().getMetricGroup().gauge("overloadSampleRate", (Gauge<Double>) () -> currentRate);
    }

    @Override
    public void processElement1(Post post, Context ctx, Collector<IndexDocument> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        double rate = sample.rateFor(post.createdAt().toEpochMilli(), readUpToMillis);
        currentRate = rate;
        if (OverloadSample.inSample(post.id(), rate)) {
            step.annotate(post, watermark, out, observation -> ctx.output(AnnotateDocuments.OBSERVATIONS, observation));
        } else {
            outOfSample.inc();
            step.leaveOut(post, rate, watermark, out, observation -> ctx.output(AnnotateDocuments.OBSERVATIONS, observation));
        }
    }

    @Override
    public void processElement2(ReadMark mark, Context ctx, Collector<IndexDocument> out) {
        readUpToMillis = Math.max(readUpToMillis, mark.eventTimeMillis());
    }
}
