package io.spikewatch.monitor;

import io.spikewatch.annotate.CachingAnnotator;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.Statement;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;

/**
 * What the annotation operators ({@link AnnotateDocuments}, {@link AnnotateSampledPosts}) do with
 * one document: annotate it, or take it as left out of the overload sample, and turn it into the
 * document to index and, for a post, its metric observations. Opened once per task: it creates the
 * task's annotator and registers the task's metrics.
 */
final class AnnotationStep {

    private final AnnotatorFactory annotators;
    private final IndexNames indices;
    private final TextAnnotator annotator;
    private final TrackedEntities tracked;
    private final Counter failures;

    AnnotationStep(AnnotatorFactory annotators, IndexNames indices, RuntimeContext context) {
        this.annotators = annotators;
        this.indices = indices;
        // from a job jar, this job's class loader holds its own copy of the JVM-wide models and caches
        JobClassLoaderRelease.register(context);
        this.annotator = annotators.create();
        this.tracked = annotators.trackedEntities();
        MetricGroup group = context.getMetricGroup();
        this.failures = group.counter("annotationFailures");
        if (annotator instanceof CachingAnnotator cache) {
            // the cache is shared by the JVM's tasks: every task reports the same JVM-wide numbers
            group.gauge("annotationCacheHits", (Gauge<Long>) () -> cache.stats().hits());
            group.gauge("annotationCacheMisses", (Gauge<Long>) () -> cache.stats().misses());
            group.gauge("annotationCacheEntries", (Gauge<Integer>) () -> cache.stats().entries());
        }
    }

    /**
     * Annotates the document and emits what it becomes.
     *
     * @param watermarkMillis the event-time watermark the task had reached with the document: it
     *     reads the parse step's output in order, so that is the watermark of the records before it,
     *     the same in every run of the same input; a later step behind parallel tasks may be anywhere
     */
    void annotate(InputDocument document, long watermarkMillis, Collector<IndexDocument> out, Consumer<Observation> observations)
            throws Exception {
        AnnotationOutcome outcome = AnnotationOutcome.of(annotator, document);
        if (!outcome.succeeded()) {
            failures.inc();
        }
        emit(document, outcome, watermarkMillis, out, observations);
    }

    /** Emits what a post left out of an overload sample of {@code rate} becomes, without CoreNLP. */
    void leaveOut(Post post, double rate, long watermarkMillis, Collector<IndexDocument> out, Consumer<Observation> observations)
            throws Exception {
        emit(post, AnnotationOutcome.outOfSample(tracked, post.text(), rate), watermarkMillis, out, observations);
    }

    private void emit(InputDocument document, AnnotationOutcome outcome, long watermarkMillis, Collector<IndexDocument> out,
            Consumer<Observation> observations) throws Exception {
        Instant now = Instant.now();
        if (document instanceof Post post) {
            out.collect(indexDocument(indices.posts(), post.id(), SearchDocuments.post(post, outcome, annotators.name(), now)));
            for (Observation observation : Observations.of(post, outcome, watermarkMillis)) {
                observations.accept(observation);
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
