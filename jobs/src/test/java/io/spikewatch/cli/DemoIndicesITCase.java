package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo clears what an earlier demo left, and refuses to touch anything else. */
class DemoIndicesITCase {

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final ElasticsearchClient client = elasticsearch.client();

    @Test
    void deletesTheIndicesOfAnEarlierDemo() throws IOException {
        IndexNames indices = elasticsearch.uniqueNames();
        IndexTemplates.install(client, indices);
        index(indices.posts(), "gen-x-0000001");
        index(indices.statements(), "seed-statement-desantis-launch");
        index(indices.alerts(), "volume-everything|all|volume|2024-08-13T00:01:00Z|started|0");

        assertThat(DemoIndices.clearPreviousRun(client, indices)).contains(indices.posts(), indices.statements(), indices.alerts());
        for (String index : indices.all()) {
            assertThat(client.indices().exists(e -> e.index(index)).value()).as(index).isFalse();
        }
        assertThat(DemoIndices.clearPreviousRun(client, indices)).isEmpty();
    }

    @Test
    void refusesIndicesHoldingAnythingButTheScenario() throws IOException {
        IndexNames indices = elasticsearch.uniqueNames();
        IndexTemplates.install(client, indices);
        index(indices.posts(), "gen-x-0000001");
        index(indices.posts(), "x:1823000000000000001");

        assertThatThrownBy(() -> DemoIndices.clearPreviousRun(client, indices))
                .hasMessageContaining(indices.posts() + " holds 1 documents that are not the demo's")
                .hasMessageContaining("--index-prefix");
        assertThat(client.count(c -> c.index(indices.posts())).count()).isEqualTo(2);
    }

    private void index(String index, String id) throws IOException {
        client.index(i -> i.index(index).id(id).document(Map.of("id", id)).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    }
}
