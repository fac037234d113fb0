package io.spikewatch.monitor;

import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.InputDocument;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Annotates posts or statements and turns each into the document to index; for posts, also
 * emits the metric observations (side output {@link #OBSERVATIONS}). A document whose annotation
 * fails is indexed anyway, marked as failed. Flink adapter of {@link AnnotationStep}; with an
 * overload sample, posts go through {@link AnnotateSampledPosts} instead.
 */
public class AnnotateDocuments<T extends InputDocument> extends ProcessFunction<T, IndexDocument> {

    public static final OutputTag<Observation> OBSERVATIONS = new OutputTag<>("observations") {};

    private final AnnotatorFactory annotators;
    private final IndexNames indices;

    private transient AnnotationStep step;

    public AnnotateDocuments(AnnotatorFactory annotators, IndexNames indices) {
        this.annotators = annotators;
        this.indices = indices;
    }

    @Override
    public void open(OpenContext openContext) {
        step = new AnnotationStep(annotators, indices, getRuntimeContext());
    }

    @Override
    public void processElement(T document, Context ctx, Collector<IndexDocument> out) throws Exception {
        step.annotate(document, ctx.timerService().currentWatermark(), out, observation -> ctx.output(OBSERVATIONS, observation));
    }
}
