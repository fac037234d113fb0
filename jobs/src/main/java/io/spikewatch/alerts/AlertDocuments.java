package io.spikewatch.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The JSON documents of the {@code {prefix}-spikes} and {@code {prefix}-alerts} indices, shaped
 * as their templates in {@code connectors/src/main/resources/elasticsearch/templates/} declare
 * them; the generic webhook payload embeds the same spike document.
 */
public final class AlertDocuments {

    private AlertDocuments() {}

    /** The spike episode document; index it under {@code Spike.id()} so later reports overwrite it. */
    public static ObjectNode spike(Spike spike, Instant updatedAt) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", spike.id());
        doc.put("series", spike.seriesKey());
        doc.put("kind", lower(spike.kind()));
        doc.put("phase", lower(spike.phase()));
        doc.put("start", spike.start().toString());
        doc.put("peak", spike.peak().toString());
        if (spike.end() != null) {
            doc.put("end", spike.end().toString());
        }
        doc.put("severity", spike.severity());
        doc.put("peak_value", spike.peakValue());
        doc.put("peak_expected", spike.peakExpected());
        if (spike.explanation() != null) {
            doc.set("explanation", explanation(spike.explanation()));
        }
        doc.put("updated_at", updatedAt.toString());
        return doc;
    }

    /** The alert document with the outcome of each delivery; index it under {@code Alert.id()}. */
    public static ObjectNode alert(Alert alert, List<Delivery> deliveries) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", alert.id());
        doc.put("rule", alert.ruleName());
        doc.put("series", alert.seriesKey());
        doc.put("phase", lower(alert.phase()));
        doc.put("severity", alert.severity());
        doc.put("title", alert.title());
        doc.put("text", alert.text());
        doc.put("spike_id", alert.spike().id());
        doc.put("created_at", alert.createdAt().toString());
        ArrayNode array = doc.putArray("deliveries");
        for (Delivery delivery : deliveries) {
            array.add(delivery(delivery, null));
        }
        return doc;
    }

    /**
     * One entry of an alert's {@code deliveries}.
     *
     * @param digestId the digest the alert waits for ({@code held}) or went out in; null when it went out alone
     */
    public static ObjectNode delivery(Delivery delivery, String digestId) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("channel", delivery.channel());
        d.put("status", lower(delivery.status()));
        d.put("attempts", delivery.attempts());
        if (delivery.lastError() != null) {
            d.put("error", delivery.lastError());
        }
        if (digestId != null) {
            d.put("digest", digestId);
        }
        return d;
    }

    private static ObjectNode explanation(SpikeExplanation e) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("observed", e.observed());
        doc.put("expected", e.expected());
        doc.put("unique_authors", e.uniqueAuthors());
        SentimentBreakdown s = e.sentiment() == null ? SentimentBreakdown.NONE : e.sentiment();
        ObjectNode sentiment = doc.putObject("sentiment");
        sentiment.put("negative", s.negative());
        sentiment.put("neutral", s.neutral());
        sentiment.put("positive", s.positive());
        if (s.mean() != null) {
            sentiment.put("mean", s.mean());
        }
        doc.set("terms", weights(e.terms()));
        doc.set("hashtags", weights(e.hashtags()));
        doc.set("entities", weights(e.entities()));
        ArrayNode posts = doc.putArray("top_posts");
        for (TopPost post : e.topPosts()) {
            ObjectNode p = posts.addObject();
            p.put("id", post.id());
            putIfPresent(p, "platform", post.platform());
            putIfPresent(p, "author_handle", post.authorHandle());
            putIfPresent(p, "text", post.text());
            putIfPresent(p, "lang", post.lang());
            if (post.createdAt() != null) {
                p.put("created_at", post.createdAt().toString());
            }
            p.put("reposts", post.reposts());
            p.put("reach", post.reach());
        }
        return doc;
    }

    private static ArrayNode weights(List<TermWeight> weights) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (TermWeight w : weights) {
            array.addObject().put("term", w.term()).put("count", w.count()).put("baseline_rate", w.baselineRate())
                    .put("lift", w.lift());
        }
        return array;
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
