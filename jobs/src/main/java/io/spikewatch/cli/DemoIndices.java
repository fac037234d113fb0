package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.spikewatch.fixtures.ScenarioFiles;
import io.spikewatch.index.IndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts each demo from empty indices, so its summary and its score against the labels count this
 * run's spikes and alerts only (an earlier run with other rules or models leaves episodes with other
 * start minutes, and their alerts would be counted too). It deletes the indices of its prefix only
 * when every post and statement in them is a scenario's ({@link ScenarioFiles#ID_PREFIXES}): data
 * of anything else is refused with the way out, never deleted.
 */
final class DemoIndices {

    private DemoIndices() {}

    /** Deletes the indices of {@code indices} left by an earlier demo; the list of what it deleted. */
    static List<String> clearPreviousRun(ElasticsearchClient client, IndexNames indices) throws IOException {
        for (String index : List.of(indices.posts(), indices.statements())) {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                continue;
            }
            long foreign = client.count(c -> c.index(index).query(notAScenarioId())).count();
            if (foreign > 0) {
                throw new IllegalStateException(index + " holds " + foreign + " documents that are not the demo's: the demo "
                        + "will not delete them. Run it with --index-prefix NAME to keep its indices apart.");
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String index : indices.all()) {
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().delete(d -> d.index(index));
                deleted.add(index);
            }
        }
        return deleted;
    }

    private static Query notAScenarioId() {
        List<Query> scenario = new ArrayList<>();
        for (String prefix : ScenarioFiles.ID_PREFIXES) {
            scenario.add(Query.of(q -> q.prefix(p -> p.field("id").value(prefix))));
        }
        return Query.of(q -> q.bool(b -> b.mustNot(scenario)));
    }
}
