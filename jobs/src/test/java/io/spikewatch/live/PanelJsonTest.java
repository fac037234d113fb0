package io.spikewatch.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelJsonTest {

    private static final TimeRange RANGE = TimeRange.parse("2024-08-13T00:00:00Z", "2024-08-13T00:03:00Z");
    private static final Instant FIRST = Instant.parse("2024-08-13T00:00:00Z");
    private static final Instant THIRD = Instant.parse("2024-08-13T00:02:00Z");

    @Test
    void volumeFillsEmptyBucketsWithZeroAndTotalsEveryLabel() {
        ObjectNode json = PanelJson.volume(RANGE, Map.of(FIRST, Map.of("negative", 3L, "unscored", 2L), THIRD, Map.of("positive", 1L)));
        assertThat(json.path("times")).hasSize(3);
        assertThat(json.path("interval_seconds").asLong()).isEqualTo(60);
        assertThat(json.path("negative").toString()).isEqualTo("[3,0,0]");
        assertThat(json.path("positive").toString()).isEqualTo("[0,0,1]");
        assertThat(json.path("unscored").toString()).isEqualTo("[2,0,0]");
        assertThat(json.path("neutral").toString()).isEqualTo("[0,0,0]");
        assertThat(json.path("total").asLong()).isEqualTo(6);
    }

    @Test
    void seriesKeepTheirOrderAndLeaveMissingBucketsNull() {
        Map<String, Map<Instant, ? extends Number>> series = new LinkedHashMap<>();
        series.put("X (platform)", Map.of(THIRD, -0.5));
        series.put("Elon Musk", Map.of(FIRST, 4L));
        JsonNode json = PanelJson.series(RANGE, series).path("series");
        assertThat(json.get(0).path("name").asText()).isEqualTo("X (platform)");
        assertThat(json.get(0).path("values").toString()).isEqualTo("[null,null,-0.5]");
        assertThat(json.get(1).path("values").toString()).isEqualTo("[4,null,null]");
    }

    @Test
    void netSentimentIsNullWithoutScoredPosts() {
        assertThat(PanelJson.netSentiment(3, 1, 8)).isEqualTo(0.25);
        assertThat(PanelJson.netSentiment(0, 0, 0)).isNull();
    }

    @Test
    void aPostKeepsOnlyTheFieldsThePageShowsAndItsTextVerbatim() throws Exception {
        String hostile = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>";
        JsonNode source = Json.MAPPER.readTree("""
                {"id": "p1", "platform": "x", "text": %s, "url": "javascript:alert(1)", "created_at": "2024-08-13T00:00:10Z",
                 "author": {"id": "u1", "handle": "troll", "name": "T", "followers": 12},
                 "engagement": {"views": 900, "reposts": 4},
                 "sentiment": {"label": "negative", "score": -0.9}, "canonical_entities": ["Elon Musk"],
                 "entities": [{"text": "Musk", "type": "PERSON"}], "annotation": {"status": "ok", "annotator": "a"}}
                """.formatted(Json.MAPPER.writeValueAsString(hostile)));
        ObjectNode post = PanelJson.post(source);
        assertThat(post.path("text").asText()).isEqualTo(hostile);
        assertThat(post.has("url")).isFalse();
        assertThat(post.has("entities")).isFalse();
        assertThat(post.path("author").has("id")).isFalse();
        assertThat(post.path("author").path("followers").asLong()).isEqualTo(12);
        assertThat(post.path("engagement").path("views").asLong()).isEqualTo(900);
        assertThat(post.path("sentiment").path("score").asDouble()).isEqualTo(-0.9);
        assertThat(post.path("canonical_entities").toString()).isEqualTo("[\"Elon Musk\"]");
        assertThat(post.path("annotation_status").asText()).isEqualTo("ok");
    }

    @Test
    void aPendingPostHasNoSentiment() throws Exception {
        ObjectNode post = PanelJson.post(Json.MAPPER.readTree("{\"id\": \"p2\", \"text\": \"t\", \"annotation\": {\"status\": \"pending\"}}"));
        assertThat(post.has("sentiment")).isFalse();
        assertThat(post.path("annotation_status").asText()).isEqualTo("pending");
    }

    @Test
    void aSpikeDetailCarriesItsExplanationAndPosts() throws Exception {
        JsonNode source = Json.MAPPER.readTree("""
                {"id": "all|volume|2024-08-13T00:00:00Z", "series": "all", "kind": "volume", "phase": "started",
                 "start": "2024-08-13T00:00:00Z", "severity": 55, "peak_value": 30.0, "peak_expected": 4.0,
                 "explanation": {"observed": 30, "expected": 4.0, "unique_authors": 20,
                   "sentiment": {"negative": 10, "neutral": 5, "positive": 1, "mean": -0.4},
                   "terms": [{"term": "ddos", "count": 12, "baseline_rate": 0.1, "lift": 40.0}], "hashtags": [], "entities": [],
                   "top_posts": [{"id": "p1", "text": "<b>x</b>", "reposts": 3, "reach": 10}]}}
                """);
        ObjectNode detail = PanelJson.spikeDetail(source, List.of(Json.MAPPER.readTree("{\"id\": \"p9\", \"text\": \"hi\"}")));
        assertThat(detail.path("severity").asInt()).isEqualTo(55);
        assertThat(detail.has("end")).isFalse();
        assertThat(detail.path("explanation").path("terms").get(0).path("term").asText()).isEqualTo("ddos");
        assertThat(detail.path("explanation").path("terms").get(0).has("baseline_rate")).isFalse();
        assertThat(detail.path("explanation").path("sentiment").path("mean").asDouble()).isEqualTo(-0.4);
        assertThat(detail.path("explanation").path("top_posts").get(0).path("text").asText()).isEqualTo("<b>x</b>");
        assertThat(detail.path("posts").get(0).path("id").asText()).isEqualTo("p9");
    }
}
