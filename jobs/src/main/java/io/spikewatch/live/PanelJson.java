package io.spikewatch.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON the live page receives, shaped from what the queries read: time series aligned to one
 * list of bucket starts (a missing bucket is 0 or null, never left out), and documents cut down to
 * the fields a panel shows. Only whitelisted fields of a post or statement are copied, so a field
 * added to the index later never reaches the browser unnoticed.
 */
public final class PanelJson {

    /** The sentiment labels of the volume chart, in stacking order; posts without one count as {@link #UNSCORED}. */
    public static final List<String> SENTIMENT_LABELS = List.of("negative", "neutral", "positive");

    /** Posts without a sentiment: pending annotation, or annotation failed. */
    public static final String UNSCORED = "unscored";

    private PanelJson() {}

    /**
     * Volume per bucket split by sentiment: {@code {interval_seconds, total, times: [...], negative:
     * [...], neutral: [...], positive: [...], unscored: [...]}}.
     *
     * @param counts per bucket start, the posts per sentiment label ({@link #UNSCORED} for none)
     */
    public static ObjectNode volume(TimeRange range, Map<Instant, Map<String, Long>> counts) {
        List<Instant> times = range.bucketStarts();
        ObjectNode json = withTimes(range, times);
        long total = 0;
        for (String label : allLabels()) {
            ArrayNode values = json.putArray(label);
            for (Instant t : times) {
                long n = counts.getOrDefault(t, Map.of()).getOrDefault(label, 0L);
                values.add(n);
                total += n;
            }
        }
        json.put("total", total);
        return json;
    }

    private static List<String> allLabels() {
        return List.of(SENTIMENT_LABELS.get(0), SENTIMENT_LABELS.get(1), SENTIMENT_LABELS.get(2), UNSCORED);
    }

    /**
     * Named series over the range's buckets: {@code {interval_seconds, times, series: [{name,
     * values}]}}, in the order of {@code series}; a bucket without a value is null.
     */
    public static ObjectNode series(TimeRange range, Map<String, Map<Instant, ? extends Number>> series) {
        List<Instant> times = range.bucketStarts();
        ObjectNode json = withTimes(range, times);
        ArrayNode array = json.putArray("series");
        series.forEach((name, values) -> {
            ObjectNode entry = array.addObject();
            entry.put("name", name);
            ArrayNode points = entry.putArray("values");
            for (Instant t : times) {
                Number v = values.get(t);
                if (v == null) {
                    points.addNull();
                } else if (v instanceof Double || v instanceof Float) {
                    points.add(v.doubleValue());
                } else {
                    points.add(v.longValue());
                }
            }
        });
        return json;
    }

    private static ObjectNode withTimes(TimeRange range, List<Instant> times) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("from", range.from().toString());
        json.put("to", range.to().toString());
        json.put("interval_seconds", range.interval().toSeconds());
        ArrayNode array = json.putArray("times");
        times.forEach(t -> array.add(t.toString()));
        return json;
    }

    /**
     * Net sentiment of a bucket as the Kibana panel computes it: (positive − negative) / scored, in
     * [-1, 1]; null when nothing was scored (no sentiment is not neutral sentiment).
     */
    public static Double netSentiment(double positive, double negative, double scored) {
        if (!(scored > 0)) {
            return null;
        }
        return (positive - negative) / scored;
    }

    /** {@code [{name, count}]} in the given order. */
    public static ArrayNode counts(Map<String, Long> counts) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        counts.forEach((name, n) -> array.addObject().put("name", name).put("count", n));
        return array;
    }

    /**
     * A post as the page shows it: id, platform, author (handle, name, followers), text, created
     * at, engagement (views, reposts, likes), sentiment (label, score), tracked entities and
     * annotation status. Never the URL: a link built from hostile input is a script vector.
     */
    public static ObjectNode post(JsonNode source) {
        ObjectNode post = Json.MAPPER.createObjectNode();
        copyText(source, post, "id");
        copyText(source, post, "platform");
        JsonNode author = source.path("author");
        ObjectNode a = post.putObject("author");
        copyText(author, a, "handle");
        copyText(author, a, "name");
        copyLong(author, a, "followers");
        copyText(source, post, "text");
        copyText(source, post, "created_at");
        JsonNode engagement = source.path("engagement");
        ObjectNode e = post.putObject("engagement");
        for (String key : List.of("views", "reposts", "likes", "replies")) {
            copyLong(engagement, e, key);
        }
        sentimentAndEntities(source, post);
        return post;
    }

    /** A campaign statement as the page shows it: id, organization, speaker, title, text, published at, sentiment, tracked entities. */
    public static ObjectNode statement(JsonNode source) {
        ObjectNode statement = Json.MAPPER.createObjectNode();
        for (String key : List.of("id", "organization", "speaker", "title", "text", "published_at")) {
            copyText(source, statement, key);
        }
        sentimentAndEntities(source, statement);
        return statement;
    }

    private static void sentimentAndEntities(JsonNode source, ObjectNode target) {
        JsonNode sentiment = source.path("sentiment");
        if (sentiment.isObject()) {
            ObjectNode s = target.putObject("sentiment");
            copyText(sentiment, s, "label");
            if (sentiment.path("score").isNumber()) {
                s.put("score", sentiment.path("score").asDouble());
            }
        }
        ArrayNode entities = target.putArray("canonical_entities");
        source.path("canonical_entities").forEach(n -> {
            if (n.isTextual()) {
                entities.add(n.asText());
            }
        });
        target.put("annotation_status", source.path("annotation").path("status").asText(""));
    }

    /** An alert as the page lists it: id, rule, series, phase, severity, title, text, spike id, created at, deliveries (channel and status). */
    public static ObjectNode alert(JsonNode source) {
        ObjectNode alert = Json.MAPPER.createObjectNode();
        for (String key : List.of("id", "rule", "series", "phase", "title", "text", "spike_id", "created_at")) {
            copyText(source, alert, key);
        }
        copyLong(source, alert, "severity");
        ArrayNode deliveries = alert.putArray("deliveries");
        source.path("deliveries").forEach(d -> {
            ObjectNode out = deliveries.addObject();
            copyText(d, out, "channel");
            copyText(d, out, "status");
        });
        return alert;
    }

    /** A spike episode as the list shows it: id, series, kind, phase, start, peak, end, severity, peak value and expectation, posts observed. */
    public static ObjectNode spike(JsonNode source) {
        ObjectNode spike = Json.MAPPER.createObjectNode();
        for (String key : List.of("id", "series", "kind", "phase", "start", "peak", "end")) {
            copyText(source, spike, key);
        }
        copyLong(source, spike, "severity");
        copyDouble(source, spike, "peak_value");
        copyDouble(source, spike, "peak_expected");
        return spike;
    }

    /**
     * One spike with its explanation (observed and expected posts, unique authors, sentiment
     * breakdown, terms, hashtags and entities with count and lift, the top posts the detector
     * kept) and {@code posts}: the series' posts of the episode from the posts index.
     */
    public static ObjectNode spikeDetail(JsonNode source, List<JsonNode> posts) {
        ObjectNode detail = spike(source);
        JsonNode e = source.path("explanation");
        ObjectNode explanation = detail.putObject("explanation");
        copyLong(e, explanation, "observed");
        copyDouble(e, explanation, "expected");
        copyLong(e, explanation, "unique_authors");
        ObjectNode sentiment = explanation.putObject("sentiment");
        for (String key : List.of("negative", "neutral", "positive")) {
            copyLong(e.path("sentiment"), sentiment, key);
        }
        copyDouble(e.path("sentiment"), sentiment, "mean");
        for (String list : List.of("terms", "hashtags", "entities")) {
            ArrayNode weights = explanation.putArray(list);
            e.path(list).forEach(w -> {
                ObjectNode out = weights.addObject();
                copyText(w, out, "term");
                copyLong(w, out, "count");
                copyDouble(w, out, "lift");
            });
        }
        ArrayNode top = explanation.putArray("top_posts");
        e.path("top_posts").forEach(p -> {
            ObjectNode out = top.addObject();
            for (String key : List.of("id", "platform", "author_handle", "text", "created_at")) {
                copyText(p, out, key);
            }
            copyLong(p, out, "reposts");
            copyLong(p, out, "reach");
        });
        ArrayNode array = detail.putArray("posts");
        posts.forEach(p -> array.add(post(p)));
        return detail;
    }

    private static void copyText(JsonNode from, ObjectNode to, String key) {
        JsonNode value = from.path(key);
        if (value.isValueNode() && !value.isNull()) {
            to.put(key, value.asText());
        }
    }

    private static void copyLong(JsonNode from, ObjectNode to, String key) {
        JsonNode value = from.path(key);
        if (value.isNumber()) {
            to.put(key, value.asLong());
        }
    }

    private static void copyDouble(JsonNode from, ObjectNode to, String key) {
        JsonNode value = from.path(key);
        if (value.isNumber()) {
            to.put(key, value.asDouble());
        }
    }
}
