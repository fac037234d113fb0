package io.spikewatch.cli;

import io.spikewatch.analyst.AnalystReports;
import io.spikewatch.analyst.Interval;
import io.spikewatch.analyst.TimeArguments;
import io.spikewatch.analyst.TimeRange;
import io.spikewatch.analyst.TrendRow;
import io.spikewatch.analyst.TrendSubject;
import io.spikewatch.analyst.TrendsQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spikewatch trends}: volume and sentiment of an entity, a query or all posts per interval. */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = {
            "Posts, negative/neutral/positive, mean sentiment and unique authors per interval, for a tracked",
            "entity (the per-minute metrics), a free-text query over the post text (the posts index), or all posts.",
            "Times: ISO-8601 instants (2024-08-13T00:00:00Z) or local date-times read in --zone."})
public final class TrendsCommand implements Callable<Integer> {

    static final String DEFAULT_INTERVAL = "1m";

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    AnalystOptions options;

    static final class Subject {
        @Option(names = "--entity", paramLabel = "NAME", description = "A tracked entity's canonical name, e.g. 'Elon Musk'.")
        String entity;

        @Option(names = "--query", paramLabel = "TEXT",
                description = "Words the post text must all contain; \"quotes\" for a phrase, -word to exclude.")
        String query;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Subject subject;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (inclusive).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "End of the range (exclusive).")
    String to;

    @Option(names = "--interval", paramLabel = "INTERVAL", defaultValue = DEFAULT_INTERVAL,
            description = "Bucket width: 1m, 5m, 1h, 1d... (default: ${DEFAULT-VALUE}).")
    String interval;

    @Override
    public Integer call() {
        AnalystSession session = new AnalystSession(spec, elasticsearch, options);
        TimeRange range = TimeArguments.range(from, to, session.zone());
        Interval width = Interval.parse("--interval", interval);
        width.checkBuckets("--interval", range);
        TrendSubject what = subject == null ? TrendSubject.all()
                : subject.entity != null ? TrendSubject.entity(subject.entity) : TrendSubject.query(subject.query);
        String[] index = new String[1];
        return session.run((client, indices) -> {
            TrendsQuery query = new TrendsQuery(client, indices);
            index[0] = query.indexFor(what);
            List<TrendRow> rows = query.run(what, range, width, session.zone());
            return rows.isEmpty() ? null : AnalystReports.trends(what, range, width, session.zone(), rows);
        }, () -> "no data in " + index[0] + " for " + what.describe() + " from " + AnalystReports.describe(range, session.zone()));
    }
}
