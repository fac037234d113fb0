package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.schema.Json;
import io.spikewatch.testing.LocalElasticsearch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The spike and alert documents are accepted by the strict templates of a real Elasticsearch, and searchable. */
class AlertDocumentsITCase {

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();

    @Test
    void spikeAndAlertDocumentsFitTheirTemplates() throws Exception {
        ElasticsearchClient client = elasticsearch.client();
        IndexNames names = elasticsearch.uniqueNames();
        IndexTemplates.install(client, names);
        Alert alert = AlertDocumentsTest.sampleAlert();

        index(client, names.spikes(), alert.spike().id(), AlertDocuments.spike(alert.spike(), AlertDocumentsTest.NOW));
        index(client, names.spikes(), alert.spike().id(), AlertDocuments.spike(alert.spike(), AlertDocumentsTest.NOW));
        index(client, names.alerts(), alert.id(), AlertDocuments.alert(alert, AlertDocumentsTest.sampleDeliveries(alert)));
        client.indices().refresh(r -> r.index(names.spikes(), names.alerts()));

        assertThat(client.count(c -> c.index(names.spikes())).count()).isEqualTo(1);
        var failed = client.search(s -> s.index(names.alerts()).query(q -> q.nested(n -> n.path("deliveries")
                .query(i -> i.term(t -> t.field("deliveries.status").value("failed"))))), JsonNode.class);
        assertThat(failed.hits().hits()).singleElement().satisfies(hit -> assertThat(hit.id()).isEqualTo(alert.id()));
        var byTerm = client.search(s -> s.index(names.spikes()).query(q -> q.nested(n -> n.path("explanation.terms")
                .query(i -> i.term(t -> t.field("explanation.terms.term").value("unable to join"))))), JsonNode.class);
        assertThat(byTerm.hits().hits()).hasSize(1);
    }

    private static void index(ElasticsearchClient client, String index, String id, ObjectNode doc) throws Exception {
        byte[] json = Json.MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        client.index(i -> i.index(index).id(id).document(BinaryData.of(json, ContentType.APPLICATION_JSON)));
    }
}
