package io.spikewatch.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code {prefix}-spikes} document (as {@code AlertDocuments.spike} writes it) back into
 * the shared {@link Spike} model. A document that lacks a required field or holds an unknown kind
 * or phase is refused with its id and the field.
 */
public final class SpikeDocumentReader {

    private SpikeDocumentReader() {}

    public static Spike read(String id, JsonNode doc) {
        SpikeKind kind = constant(SpikeKind.class, id, doc, "kind");
        EpisodePhase phase = constant(EpisodePhase.class, id, doc, "phase");
        JsonNode e = doc.path("explanation");
        SpikeExplanation explanation = e.isObject() ? explanation(e) : null;
        return new Spike(required(id, doc, "series"), kind, phase, time(id, doc, "start", true), time(id, doc, "peak", false),
                time(id, doc, "end", false), doc.path("severity").asInt(), doc.path("peak_value").asDouble(),
                doc.path("peak_expected").asDouble(), explanation);
    }

    private static SpikeExplanation explanation(JsonNode e) {
        JsonNode s = e.path("sentiment");
        SentimentBreakdown sentiment = new SentimentBreakdown(s.path("negative").asLong(), s.path("neutral").asLong(),
                s.path("positive").asLong(), s.hasNonNull("mean") ? s.get("mean").asDouble() : null);
        List<TopPost> posts = new ArrayList<>();
        for (JsonNode p : e.path("top_posts")) {
            posts.add(new TopPost(p.path("id").asText(), text(p, "platform"), text(p, "author_handle"), text(p, "text"), text(p, "lang"),
                    p.hasNonNull("created_at") ? Instant.parse(p.get("created_at").asText()) : null,
                    p.path("reposts").asLong(), p.path("reach").asLong()));
        }
        return new SpikeExplanation(e.path("observed").asLong(), e.path("expected").asDouble(), e.path("unique_authors").asLong(),
                sentiment, weights(e.path("terms")), weights(e.path("hashtags")), weights(e.path("entities")), posts);
    }

    private static List<TermWeight> weights(JsonNode array) {
        List<TermWeight> weights = new ArrayList<>();
        for (JsonNode w : array) {
            weights.add(new TermWeight(w.path("term").asText(), w.path("count").asLong(), w.path("baseline_rate").asDouble(),
                    w.path("lift").asDouble()));
        }
        return weights;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String required(String id, JsonNode doc, String field) {
        if (!doc.hasNonNull(field) || doc.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("spike '" + id + "': the stored document has no '" + field + "'");
        }
        return doc.get(field).asText();
    }

    private static Instant time(String id, JsonNode doc, String field, boolean required) {
        if (!doc.hasNonNull(field)) {
            if (required) {
                required(id, doc, field);
            }
            return null;
        }
        try {
            return Instant.parse(doc.get(field).asText());
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("spike '" + id + "': '" + field + "' is not an instant: " + doc.get(field).asText(), ex);
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String id, JsonNode doc, String field) {
        String value = required(id, doc, field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("spike '" + id + "': unknown " + field + " '" + value + "'", ex);
        }
    }
}
