package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.EntityMention;
import io.spikewatch.annotate.EntitySentiment;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.metrics.Observation;
import io.spikewatch.schema.Author;
import io.spikewatch.schema.Engagement;
import io.spikewatch.schema.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchDocumentsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Post POST = new Post("x-1", "x", new Author("u1", "elonmusk", "Elon Musk", 10L),
            "Massive DDOS attack on 𝕏", Instant.parse("2024-08-13T00:18:42Z"), "en", null, null, null, null,
            new Engagement(1, 2, 3, 4, 5));
    private static final Annotation ANNOTATION = new Annotation(
            List.of(new EntityMention("𝕏", "ORGANIZATION", 22, 24, "X (platform)"), new EntityMention("DDOS", "MISC", 8, 12, null)),
            new Sentiment("negative", -0.6),
            List.of(new EntitySentiment("X (platform)", "negative", -0.6, 1)));

    @Test
    void aPostDocumentCarriesThePostItsAnnotationAndItsMinute() {
        ObjectNode doc = SearchDocuments.post(POST, new AnnotationOutcome(ANNOTATION, null), "corenlp", NOW);

        assertThat(doc.get("id").asText()).isEqualTo("x-1");
        assertThat(doc.get("kind").asText()).isEqualTo("post");
        assertThat(doc.get("created_at").asText()).isEqualTo("2024-08-13T00:18:42Z");
        assertThat(doc.get("minute").asText()).isEqualTo("2024-08-13T00:18:00Z");
        assertThat(doc.at("/author/handle").asText()).isEqualTo("elonmusk");
        assertThat(doc.at("/engagement/views").asLong()).isEqualTo(5);
        assertThat(doc.at("/entities/0/canonical").asText()).isEqualTo("X (platform)");
        assertThat(doc.at("/entities/0/start").asInt()).isEqualTo(22);
        assertThat(doc.get("canonical_entities")).hasSize(1);
        assertThat(doc.get("entity_names").toString()).isEqualTo("[\"X (platform)\",\"DDOS\"]");
        assertThat(doc.at("/sentiment/label").asText()).isEqualTo("negative");
        assertThat(doc.at("/entity_sentiment/0/entity").asText()).isEqualTo("X (platform)");
        assertThat(doc.at("/annotation/status").asText()).isEqualTo("ok");
        assertThat(doc.has("reply_to")).isFalse();
    }

    @Test
    void aPendingPostHasTheSameInputFieldsAsItsAnnotatedDocumentAndNoAnnotation() {
        ObjectNode pending = SearchDocuments.pendingPost(POST, List.of("X (platform)"), NOW);
        ObjectNode annotated = SearchDocuments.post(POST, new AnnotationOutcome(ANNOTATION, null), "corenlp", NOW);

        for (String field : List.of("id", "kind", "platform", "author", "text", "created_at", "minute", "engagement", "lang")) {
            assertThat(pending.get(field)).as(field).isEqualTo(annotated.get(field));
        }
        assertThat(pending.at("/annotation/status").asText()).isEqualTo("pending");
        assertThat(pending.at("/annotation").size()).isEqualTo(1);
        assertThat(pending.get("canonical_entities").toString()).isEqualTo("[\"X (platform)\"]");
        assertThat(pending.has("sentiment")).isFalse();
    }

    @Test
    void aFailedAnnotationIsIndexedWithItsErrorAndNoSentiment() {
        ObjectNode doc = SearchDocuments.post(POST, new AnnotationOutcome(Annotation.EMPTY, "IllegalStateException: boom"), "corenlp", NOW);

        assertThat(doc.at("/annotation/status").asText()).isEqualTo("failed");
        assertThat(doc.at("/annotation/error").asText()).contains("boom");
        assertThat(doc.has("sentiment")).isFalse();
        assertThat(doc.get("text").asText()).isEqualTo(POST.text());
    }

    @Test
    void aPostObservesTheOverallSeriesAndEachTrackedEntity() {
        List<Observation> observations = Observations.of(POST, new AnnotationOutcome(ANNOTATION, null), Long.MIN_VALUE);

        assertThat(observations).extracting(Observation::seriesKey).containsExactly("all", "entity:X (platform)");
        assertThat(observations).allSatisfy(o -> {
            assertThat(o.authorKey()).isEqualTo("u1");
            assertThat(o.sentimentLabel()).isEqualTo("negative");
            assertThat(o.eventTimeMillis()).isEqualTo(POST.createdAt().toEpochMilli());
        });
    }

    @Test
    void anEntitysSeriesObservesTheSentimentAboutThatEntity() {
        Annotation aimed = new Annotation(
                List.of(new EntityMention("Twitter", "ORGANIZATION", 0, 7, "X (platform)"),
                        new EntityMention("#DeSantis2024", "PERSON", 30, 43, "Ron DeSantis")),
                new Sentiment("negative", -0.5),
                List.of(new EntitySentiment("X (platform)", "negative", -0.7, 1), new EntitySentiment("Ron DeSantis", "neutral", 0.1, 1)));

        List<Observation> observations = Observations.of(POST, new AnnotationOutcome(aimed, null), Long.MIN_VALUE);

        assertThat(observations).extracting(Observation::seriesKey, Observation::sentimentLabel).containsExactly(
                tuple("all", "negative"), tuple("entity:X (platform)", "negative"), tuple("entity:Ron DeSantis", "neutral"));
        assertThat(observations.get(2).sentimentScore()).isEqualTo(0.1);
        assertThat(observations.get(0).negativeAbout()).as("the whole stream's observation: whom it is negative about")
                .containsExactly("X (platform)");
        assertThat(observations.get(1).negativeAbout()).isEmpty();
    }

    @Test
    void anAnnotatorThatThrowsGivesAFailedOutcomeNotAnException() {
        AnnotationOutcome outcome = AnnotationOutcome.of(text -> {
            throw new IllegalStateException("model missing");
        }, POST);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("IllegalStateException: model missing");
    }

    @Test
    void aPostInALanguageTheSentimentModelsDoNotReadKeepsItsEntitiesAndCountsNoSentiment() {
        Post spanish = new Post("x-2", "x", POST.author(), "no me carga el Space de 𝕏", POST.createdAt(), "es", null, null,
                null, null, POST.engagement());
        TextAnnotator entitiesOnly = new TextAnnotator() {
            @Override
            public Annotation annotate(String text) {
                throw new AssertionError("parsed for sentiment that will not be read: " + text);
            }

            @Override
            public Annotation annotateEntities(String text) {
                return ANNOTATION.withoutSentiment();
            }
        };
        AnnotationOutcome outcome = AnnotationOutcome.of(entitiesOnly, spanish);

        ObjectNode doc = SearchDocuments.post(spanish, outcome, "corenlp", NOW);
        assertThat(doc.get("canonical_entities")).extracting(JsonNode::asText).containsExactly("X (platform)");
        assertThat(doc.has("sentiment")).isFalse();
        assertThat(doc.has("entity_sentiment")).isFalse();
        assertThat(doc.get("annotation").get("status").asText()).isEqualTo("ok");
        assertThat(doc.get("annotation").get("sentiment_skipped").asText()).isEqualTo("language");
        assertThat(Observations.of(spanish, outcome, Long.MIN_VALUE)).as("counted in volume, not in sentiment")
                .extracting(Observation::seriesKey, Observation::sentimentLabel)
                .containsExactly(tuple("all", null), tuple("entity:X (platform)", null));
        assertThat(AnnotationOutcome.of(text -> ANNOTATION, POST).hasSentiment()).isTrue();
    }
}
