package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

    /** Analyzers that exist on every Elasticsearch, including the minimal test distribution. */
    private static final Set<String> BUILT_IN_ANALYZERS = Set.of("standard", "simple", "whitespace", "keyword");

    @Test
    void theBodyTargetsTheIndexOfThePrefix() throws Exception {
        IndexNames names = new IndexNames("test1");
        for (IndexKind kind : IndexKind.values()) {
            JsonNode body = new ObjectMapper().readTree(IndexTemplates.templateBody(kind, names));
            assertThat(body.get("index_patterns")).hasSize(1);
            assertThat(body.get("index_patterns").get(0).asText()).isEqualTo(names.nameOf(kind));
            assertThat(body.has("data_stream")).isFalse();
        }
    }

    @Test
    void dynamicIsStrictExceptForDeadLetters() {
        assertThat(IndexTemplates.mappings(IndexKind.POSTS).get("dynamic").asText()).isEqualTo("strict");
        assertThat(IndexTemplates.mappings(IndexKind.STATEMENTS).get("dynamic").asText()).isEqualTo("strict");
        assertThat(IndexTemplates.mappings(IndexKind.METRICS).get("dynamic").asText()).isEqualTo("strict");
        assertThat(IndexTemplates.mappings(IndexKind.SPIKES).get("dynamic").asText()).isEqualTo("strict");
        assertThat(IndexTemplates.mappings(IndexKind.ALERTS).get("dynamic").asText()).isEqualTo("strict");
        assertThat(IndexTemplates.mappings(IndexKind.DEAD_LETTERS).get("dynamic").asBoolean(true)).isFalse();
    }

    @Test
    void onlyBuiltInAnalyzersAreUsed() {
        for (IndexKind kind : IndexKind.values()) {
            List<String> analyzers = new ArrayList<>();
            IndexTemplates.mappings(kind).findValues("analyzer").forEach(a -> analyzers.add(a.asText()));
            assertThat(analyzers).as(kind.name()).allMatch(BUILT_IN_ANALYZERS::contains);
        }
    }

    @Test
    void spikesAndAlertsNestTheirListsAndIndexTimesAsDates() {
        JsonNode spikes = IndexTemplates.mappings(IndexKind.SPIKES).get("properties");
        assertThat(spikes.at("/start/type").asText()).isEqualTo("date");
        assertThat(spikes.at("/end/type").asText()).isEqualTo("date");
        JsonNode explanation = spikes.at("/explanation/properties");
        for (String list : List.of("terms", "hashtags", "entities", "top_posts")) {
            assertThat(explanation.at("/" + list + "/type").asText()).as(list).isEqualTo("nested");
        }
        assertThat(explanation.at("/terms/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("term", "count", "baseline_rate", "lift");
        assertThat(explanation.at("/sentiment/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("negative", "neutral", "positive", "mean");
        JsonNode alerts = IndexTemplates.mappings(IndexKind.ALERTS).get("properties");
        assertThat(alerts.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "rule", "series", "phase", "severity",
                "title", "text", "spike_id", "created_at", "deliveries");
        assertThat(alerts.at("/deliveries/type").asText()).isEqualTo("nested");
        assertThat(alerts.at("/deliveries/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("channel", "status", "attempts", "error", "digest");
    }
}
