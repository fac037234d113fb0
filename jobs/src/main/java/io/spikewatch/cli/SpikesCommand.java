package io.spikewatch.cli;

import io.spikewatch.analyst.AnalystReports;
import io.spikewatch.analyst.SpikeFilter;
import io.spikewatch.analyst.SpikesQuery;
import io.spikewatch.analyst.StoredSpike;
import io.spikewatch.analyst.TimeArguments;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spikewatch spikes}: the spike episodes recorded, with severity and a one-line explanation. */
@Command(name = "spikes", mixinStandardHelpOptions = true,
        description = {
            "The spike episodes the monitor job recorded (PREFIX-spikes), oldest first: start, series, kind,",
            "severity, peak against the expectation, and what drove it in one line. 'explain ID' tells more."})
public final class SpikesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    AnalystOptions options;

    @Option(names = "--from", paramLabel = "TIME", description = "Only episodes starting at or after this time.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only episodes starting before this time.")
    String to;

    @Option(names = "--entity", paramLabel = "NAME",
            description = "Only this tracked entity's series ('Elon Musk'), or a series key (all, platform:x, query:outage-talk).")
    String entity;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Only this kind: volume, flatline, sentiment-shift, emerging or threshold.")
    String kind;

    @Option(names = "--min-severity", paramLabel = "N", description = "Only episodes of at least this severity (0 to 100).")
    Integer minSeverity;

    @Override
    public Integer call() {
        AnalystSession session = new AnalystSession(spec, elasticsearch, options);
        SpikeFilter filter = new SpikeFilter(from == null ? null : TimeArguments.parse("--from", from, session.zone()),
                to == null ? null : TimeArguments.parse("--to", to, session.zone()), SpikeFilter.seriesOfEntity(entity),
                kind == null ? null : SpikeFilter.kind("--kind", kind), minSeverity);
        String[] index = new String[1];
        return session.run((client, indices) -> {
            SpikesQuery query = new SpikesQuery(client, indices);
            index[0] = query.index();
            List<StoredSpike> spikes = query.run(filter);
            return spikes.isEmpty() ? null : AnalystReports.spikes(filter, session.zone(), spikes);
        }, () -> "no data in " + index[0] + (filter.describe(session.zone()).isEmpty() ? "" : ": no spike episode " + filter.describe(session.zone())));
    }
}
