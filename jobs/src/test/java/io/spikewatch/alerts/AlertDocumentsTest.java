package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.index.IndexKind;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.spikes.EpisodePhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertDocumentsTest {

    static final Instant NOW = Instant.parse("2024-08-13T00:19:00Z");

    static Alert sampleAlert() {
        var spike = TestSpikes.volume("entity:X (platform)", EpisodePhase.ENDED, 78);
        return new Alert("r|" + spike.id() + "|started|0", "r", spike.seriesKey(), spike, EpisodePhase.STARTED, 78,
                "title", "text", List.of("console"), NOW);
    }

    static List<Delivery> sampleDeliveries(Alert alert) {
        return List.of(new Delivery(alert.id(), "console", 1, DeliveryStatus.DELIVERED, null, NOW, NOW),
                new Delivery(alert.id(), "ops", 5, DeliveryStatus.FAILED, "HTTP 503 from hooks.example.org", NOW, NOW));
    }

    @Test
    void theSpikeDocumentHoldsTheEpisodeAndItsExplanation() {
        Alert alert = sampleAlert();
        ObjectNode doc = AlertDocuments.spike(alert.spike(), NOW);
        assertThat(doc.get("id").asText()).isEqualTo("entity:X (platform)|volume|2024-08-13T00:18:00Z");
        assertThat(doc.get("kind").asText()).isEqualTo("volume");
        assertThat(doc.get("phase").asText()).isEqualTo("ended");
        assertThat(doc.get("end").asText()).isEqualTo("2024-08-13T01:18:00Z");
        assertThat(doc.at("/explanation/sentiment/mean").asDouble()).isEqualTo(-0.42);
        assertThat(doc.at("/explanation/hashtags/0/term").asText()).isEqualTo("#TwitterBlackout");
        assertThat(doc.at("/explanation/top_posts/0/created_at").asText()).isEqualTo("2024-08-13T00:19:00Z");
        assertThat(unmappedFields(doc, IndexKind.SPIKES)).isEmpty();
    }

    @Test
    void theAlertDocumentHoldsItsDeliveries() {
        Alert alert = sampleAlert();
        ObjectNode doc = AlertDocuments.alert(alert, sampleDeliveries(alert));
        assertThat(doc.get("spike_id").asText()).isEqualTo(alert.spike().id());
        assertThat(doc.get("phase").asText()).isEqualTo("started");
        assertThat(doc.at("/deliveries/1/status").asText()).isEqualTo("failed");
        assertThat(doc.at("/deliveries/1/error").asText()).isEqualTo("HTTP 503 from hooks.example.org");
        assertThat(doc.at("/deliveries/0/error").isMissingNode()).isTrue();
        assertThat(unmappedFields(doc, IndexKind.ALERTS)).isEmpty();
        assertThat(unmappedFields(WebhookPayloads.generic(alert).with("spike"), IndexKind.SPIKES)).isEmpty();
    }

    /** Paths of the document that the strict mapping of {@code kind} does not declare. */
    static List<String> unmappedFields(JsonNode doc, IndexKind kind) {
        List<String> missing = new ArrayList<>();
        walk(doc, IndexTemplates.mappings(kind).get("properties"), "", missing);
        return missing;
    }

    private static void walk(JsonNode doc, JsonNode properties, String path, List<String> missing) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode mapping = properties.get(field.getKey());
            String fieldPath = path + field.getKey();
            if (mapping == null) {
                missing.add(fieldPath);
                continue;
            }
            JsonNode value = field.getValue();
            JsonNode children = mapping.get("properties");
            if (children != null) {
                if (value.isArray()) {
                    value.forEach(item -> walk(item, children, fieldPath + ".", missing));
                } else {
                    walk(value, children, fieldPath + ".", missing);
                }
            }
        }
    }
}
