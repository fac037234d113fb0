package io.spikewatch.cli;

import io.spikewatch.analyst.AnalystReports;
import io.spikewatch.analyst.OutputFormat;
import io.spikewatch.analyst.Report;
import io.spikewatch.analyst.SpikeExplanationQuery;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikewatch explain SPIKE_ID}: what drove a spike. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {
            "What drove a spike: its stored explanation (terms, hashtags and entities with their lift against",
            "the baseline, sentiment, top posts by reposts and reach) and, when that is thin or with --live,",
            "Elasticsearch's significant terms of the spike's posts against the posts before it.",
            "CSV holds one table: choose it with --section."})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    AnalystOptions options;

    @Parameters(index = "0", paramLabel = "SPIKE_ID", description = "The id 'spikes' lists, e.g. 'entity:Elon Musk|volume|2024-08-13T00:18:00Z'.")
    String id;

    @Option(names = "--live", description = "Run the live significant-terms query even when the stored explanation is rich.")
    boolean live;

    @Option(names = "--baseline", paramLabel = "DURATION", defaultValue = "PT2H",
            description = "How far before the spike the live query's baseline reaches, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration baseline;

    @Option(names = "--section", paramLabel = "NAME",
            description = "Print only this section: spike, sentiment, terms, hashtags, entities, top_posts, live_query, live_terms,"
                    + " live_entities (required with --format csv).")
    String section;

    @Override
    public Integer call() {
        AnalystSession session = new AnalystSession(spec, elasticsearch, options);
        if (session.format() == OutputFormat.CSV && section == null) {
            throw new IllegalArgumentException("--format csv: CSV holds one table; choose it with --section (spike, sentiment, terms,"
                    + " hashtags, entities, top_posts, live_query, live_terms, live_entities)");
        }
        return session.run((client, indices) -> {
            Report report = AnalystReports.explanation(
                    new SpikeExplanationQuery(client, indices).explain(id, live, baseline), session.zone());
            return section == null ? report : report.only("--section", section);
        }, () -> "");
    }
}
