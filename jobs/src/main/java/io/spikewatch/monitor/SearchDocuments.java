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

    private SearchDocuments() {}

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
        ObjectNode doc = Json.MAPPER.valueToTree(input);
        doc.put("kind", kind);
        doc.put("minute", input.eventTime().truncatedTo(ChronoUnit.MINUTES).toString());
        Annotation annotation = outcome.annotation();
        doc.set("entities", Json.MAPPER.valueToTree(annotation.entities()));
        doc.set("canonical_entities", strings(doc, annotation.canonicalEntities()));
        doc.set("entity_names", strings(doc, annotation.entityNames()));
        if (outcome.succeeded()) {
            doc.set("sentiment", Json.MAPPER.valueToTree(annotation.sentiment()));
            doc.set("entity_sentiment", Json.MAPPER.valueToTree(annotation.entitySentiments()));
        }
        ObjectNode status = doc.putObject("annotation");
        status.put("status", outcome.succeeded() ? "ok" : "failed");
        status.put("annotator", annotator);
        if (!outcome.succeeded()) {
            status.put("error", outcome.error());
        }
        doc.put("indexed_at", indexedAt.toString());
        return doc;
    }

    private static ArrayNode strings(ObjectNode doc, Iterable<String> values) {
        ArrayNode array = doc.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
