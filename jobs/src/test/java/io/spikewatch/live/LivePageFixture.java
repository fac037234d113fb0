package io.spikewatch.live;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.schema.Json;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A small moment written into real indices: 8 posts over three minutes (one still pending, one
 * hostile), per-minute entity metrics, a campaign statement, a spike episode with its explanation
 * and an alert about it.
 */
final class LivePageFixture {

    static final String HOSTILE_TEXT = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>";
    static final Instant MINUTE = Instant.parse("2024-08-13T00:10:00Z");
    static final int POSTS = 8;
    static final String TOP_ENTITY = "Elon Musk";
    static final String SPIKE_TERM = "massive ddos";
    static final Spike SPIKE = new Spike("entity:" + TOP_ENTITY, SpikeKind.VOLUME, EpisodePhase.STARTED, MINUTE, MINUTE.plusSeconds(60),
            null, 72, 6, 0.5, new SpikeExplanation(6, 0.5, 5, new SentimentBreakdown(4, 1, 0, -0.55),
                    List.of(new TermWeight(SPIKE_TERM, 5, 0.01, 48.0), new TermWeight("unable to join", 3, 0.0, 30.0)),
                    List.of(new TermWeight("#TrumpOnX", 2, 0.0, 20.0)), List.of(new TermWeight(TOP_ENTITY, 6, 0.2, 9.5)),
                    List.of(new TopPost("p-hostile", "x", "troll", HOSTILE_TEXT, "en", MINUTE.plusSeconds(20), 40, 900_000))));

    private LivePageFixture() {}

    static void write(ElasticsearchClient client, IndexNames names) throws IOException {
        IndexTemplates.install(client, names);
        post(client, names, "p1", 0, "negative", -0.8, "There appears to be a massive DDOS attack", 1000, TOP_ENTITY, "X (platform)");
        post(client, names, "p2", 10, "negative", -0.6, "massive ddos, sure, unable to join", 2000, TOP_ENTITY);
        post(client, names, "p3", 40, "neutral", 0.0, "Space starting late", 300, TOP_ENTITY);
        post(client, names, "p4", 70, "negative", -0.7, "Still unable to join the Space", 5000, TOP_ENTITY, "X (platform)");
        post(client, names, "p5", 90, "positive", 0.7, "Great talk tonight", 100, "Donald Trump");
        post(client, names, "p6", 130, "neutral", 0.1, "Listening now", 50);
        post(client, names, "p-hostile", 20, "negative", -0.9, HOSTILE_TEXT, 900_000, TOP_ENTITY);
        post(client, names, "p-pending", 150, null, 0, "just read, not annotated yet", 10);
        metric(client, names, TOP_ENTITY, 0, 4, 0, 4);
        metric(client, names, TOP_ENTITY, 1, 1, 0, 1);
        ObjectNode statement = Json.MAPPER.createObjectNode().put("id", "harris-walz").put("kind", "statement")
                .put("organization", "Harris-Walz campaign").put("speaker", "Joseph Costello").put("title", "On the Space")
                .put("text", "Tonight's Space shows the problem <b>bold</b>").put("published_at", MINUTE.plusSeconds(100).toString())
                .put("minute", MINUTE.plusSeconds(60).toString());
        statement.putArray("canonical_entities").add(TOP_ENTITY);
        statement.putObject("annotation").put("status", "ok");
        index(client, names.statements(), "harris-walz", statement);
        index(client, names.spikes(), SPIKE.id(), AlertDocuments.spike(SPIKE, MINUTE.plusSeconds(120)));
        ObjectNode alert = Json.MAPPER.createObjectNode().put("id", "musk-volume|" + SPIKE.id() + "|started|0")
                .put("rule", "musk-volume").put("series", SPIKE.seriesKey()).put("phase", "started").put("severity", 72)
                .put("title", "Spike about Elon Musk").put("text", "6 posts against 0.5 expected").put("spike_id", SPIKE.id())
                .put("created_at", MINUTE.plusSeconds(60).toString());
        alert.putArray("deliveries").addObject().put("channel", "console").put("status", "delivered").put("attempts", 1);
        index(client, names.alerts(), alert.get("id").asText(), alert);
        client.indices().refresh(r -> r.index(names.all()).ignoreUnavailable(true).allowNoIndices(true));
    }

    private static void post(ElasticsearchClient client, IndexNames names, String id, int second, String label, double score,
            String text, long views, String... entities) throws IOException {
        Instant at = MINUTE.plusSeconds(second);
        ObjectNode doc = Json.MAPPER.createObjectNode().put("id", id).put("kind", "post").put("platform", "x")
                .put("text", text).put("created_at", at.toString()).put("minute", at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString())
                .put("url", "javascript:alert(2)");
        doc.putObject("author").put("id", "u-" + id).put("handle", "user_" + id).put("name", "User " + id).put("followers", 100);
        doc.putObject("engagement").put("views", views).put("reposts", views / 100).put("likes", 0).put("replies", 0).put("quotes", 0);
        ArrayNode canonical = doc.putArray("canonical_entities");
        ArrayNode names2 = doc.putArray("entity_names");
        for (String entity : entities) {
            canonical.add(entity);
            names2.add(entity);
        }
        if (label != null) {
            doc.putObject("sentiment").put("label", label).put("score", score);
            doc.putObject("annotation").put("status", "ok");
        } else {
            doc.putObject("annotation").put("status", "pending");
        }
        index(client, names.posts(), id, doc);
    }

    private static void metric(ElasticsearchClient client, IndexNames names, String entity, int minute, long negative, long positive,
            long count) throws IOException {
        Instant at = MINUTE.plusSeconds(60L * minute);
        ObjectNode doc = Json.MAPPER.createObjectNode().put("id", "entity:" + entity + "@" + at).put("scope", "entity")
                .put("entity", entity).put("minute", at.toString()).put("window_end", at.plusSeconds(60).toString())
                .put("count", count).put("sentiment_scored", count).put("negative", negative).put("neutral", count - negative - positive)
                .put("positive", positive).put("unique_authors", count);
        index(client, names.metrics(), doc.get("id").asText(), doc);
    }

    private static void index(ElasticsearchClient client, String index, String id, ObjectNode doc) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        client.index(i -> i.index(index).id(id).document(BinaryData.of(json, ContentType.APPLICATION_JSON)));
    }
}
