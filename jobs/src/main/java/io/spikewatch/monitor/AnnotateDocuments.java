package io.spikewatch.monitor;

import io.spikewatch.annotate.CachingAnnotator;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.Statement;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Annotates posts or statements and turns each into the document to index; for posts, also
 * emits the metric observations (side output {@link #OBSERVATIONS}). A document whose annotation
 * fails is indexed anyway, marked as failed.
 */
public class AnnotateDocuments<T extends InputDocument> extends ProcessFunction<T, IndexDocument> {

    public static final OutputTag<Observation> OBSERVATIONS = new OutputTag<>("observations") {};

    private final AnnotatorFactory annotators;
    private final IndexNames indices;

    private transient TextAnnotator annotator;
    private transient Counter failures;

    public AnnotateDocuments(AnnotatorFactory annotators, IndexNames indices) {
        this.annotators = annotators;
        this.indices = indices;
    }

    @Override
    public void open(OpenContext openContext) {
        // from a job jar, this job's class loader holds its own copy of the JVM-wide models and caches
        JobClassLoaderRelease.register(getRuntimeContext());
        annotator = annotators.create();
        failures = getRuntimeContext().getMetricGroup().counter("annotationFailures");
        if (annotator instanceof CachingAnnotator cache) {
            // the cache is shared by the JVM's tasks: every task reports the same JVM-wide numbers
            MetricGroup group = getRuntimeContext().getMetricGroup();
            group.gauge("annotationCacheHits", (Gauge<Long>) () -> cache.stats().hits());
            group.gauge("annotationCacheMisses", (Gauge<Long>) () -> cache.stats().misses());
            group.gauge("annotationCacheEntries", (Gauge<Integer>) () -> cache.stats().entries());
        }
    }

    @Override
    public void processElement(T document, Context ctx, Collector<IndexDocument> out) throws Exception {
        AnnotationOutcome outcome = AnnotationOutcome.of(annotator, document);
        if (!outcome.succeeded()) {
            failures.inc();
        }
        Instant now = Instant.now();
        if (document instanceof Post post) {
            out.collect(indexDocument(indices.posts(), post.id(),
                    SearchDocuments.post(post, outcome, annotators.name(), now)));
            // the watermark this task had reached with the post: it reads the parse step's output
            // in order, so that is the watermark of the records before it, the same in every run
            // of the same input; a later step behind parallel tasks of this one may be anywhere
            for (Observation observation : Observations.of(post, outcome, ctx.timerService().currentWatermark())) {
                ctx.output(OBSERVATIONS, observation);
            }
        } else if (document instanceof Statement statement) {
            out.collect(indexDocument(indices.statements(), statement.id(),
                    SearchDocuments.statement(statement, outcome, annotators.name(), now)));
        }
    }

    private static IndexDocument indexDocument(String index, String id, Object json) throws Exception {
        return new IndexDocument(index, id, Json.MAPPER.writeValueAsBytes(json));
    }
}
