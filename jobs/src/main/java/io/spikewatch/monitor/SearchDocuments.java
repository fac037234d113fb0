package io.spikewatch.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.Annotation;
import io.spikewatch.metrics.MinuteMetrics;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Json;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The JSON documents the job indexes, shaped as the index templates in
 * {@code connectors/src/main/resources/elasticsearch/templates/} declare them.
 */
public final class SearchDocuments {

    /** {@code annotation.status} of a post indexed ahead of its annotation. */
    public static final String STATUS_PENDING = "pending";
    /** {@code annotation.status} of a document annotated without error. */
    public static final String STATUS_OK = "ok";
    /** {@code annotation.status} of a document whose annotation failed ({@code annotation.error} says why). */
    public static final String STATUS_FAILED = "failed";
    /**
     * {@code annotation.status} of a post left out of the overload sample: no CoreNLP, its tracked
     * entities by alias, no sentiment ({@code annotation.sample_rate} is the share sampled at when it was left out).
     */
    public static final String STATUS_OUT_OF_SAMPLE = "out_of_sample";

    private SearchDocuments() {}

    /**
     * A post as the fast path indexes it before annotation: every input field, {@code minute},
     * {@code annotation.status: pending}, and as {@code canonical_entities} the tracked entities
     * its text names by alias, handle or hashtag (the annotated document, which replaces it, adds
     * those CoreNLP links and everything else). No {@code entities}, {@code sentiment} or
     * {@code entity_sentiment} yet.
     */
    public static ObjectNode pendingPost(Post post, Iterable<String> trackedEntities, Instant indexedAt) {
        ObjectNode doc = input(post, "post");
        doc.set("canonical_entities", strings(doc, trackedEntities));
        doc.putObject("annotation").put("status", STATUS_PENDING);
        doc.put("indexed_at", indexedAt.toString());
        return doc;
    }

    public static ObjectNode post(Post post, AnnotationOutcome outcome, String annotator, Instant indexedAt) {
        return annotated(post, "post", outcome, annotator, indexedAt);
    }

    public static ObjectNode statement(Statement statement, AnnotationOutcome outcome, String annotator, Instant indexedAt) {
        return annotated(statement, "statement", outcome, annotator, indexedAt);
    }

    public static ObjectNode metrics(MinuteMetrics metrics, Instant updatedAt) {
        ObjectNode doc = Json.MAPPER.valueToTree(metrics);
        doc.put("id", metrics.id());
        doc.put("updated_at", updatedAt.toString());
        return doc;
    }

    private static ObjectNode annotated(
            InputDocument input, String kind, AnnotationOutcome outcome, String annotator, Instant indexedAt) {
        ObjectNode doc = input(input, kind);
        Annotation annotation = outcome.annotation();
        doc.set("entities", Json.MAPPER.valueToTree(annotation.entities()));
        doc.set("canonical_entities", strings(doc, annotation.canonicalEntities()));
        doc.set("entity_names", strings(doc, annotation.entityNames()));
        if (outcome.hasSentiment()) {
            doc.set("sentiment", Json.MAPPER.valueToTree(annotation.sentiment()));
            doc.set("entity_sentiment", Json.MAPPER.valueToTree(annotation.entitySentiments()));
        }
        ObjectNode status = doc.putObject("annotation");
        status.put("status", !outcome.succeeded() ? STATUS_FAILED : outcome.outOfSample() ? STATUS_OUT_OF_SAMPLE : STATUS_OK);
        status.put("annotator", annotator);
        if (!outcome.succeeded()) {
            status.put("error", outcome.error());
        } else if (outcome.sentimentSkipped() != null) {
            status.put("sentiment_skipped", outcome.sentimentSkipped());
        }
        if (outcome.outOfSample()) {
            status.put("sample_rate", outcome.sampleRate());
        }
        doc.put("indexed_at", indexedAt.toString());
        return doc;
    }

    private static ObjectNode input(InputDocument input, String kind) {
        ObjectNode doc = Json.MAPPER.valueToTree(input);
        doc.put("kind", kind);
        doc.put("minute", input.eventTime().truncatedTo(ChronoUnit.MINUTES).toString());
        return doc;
    }

    private static ArrayNode strings(ObjectNode doc, Iterable<String> values) {
        ArrayNode array = doc.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
