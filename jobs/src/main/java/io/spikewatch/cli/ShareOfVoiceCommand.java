package io.spikewatch.cli;

import io.spikewatch.analyst.AnalystReports;
import io.spikewatch.analyst.ShareOfVoice;
import io.spikewatch.analyst.ShareOfVoiceQuery;
import io.spikewatch.analyst.TimeArguments;
import io.spikewatch.analyst.TimeRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spikewatch share-of-voice}: posts per tracked entity over a range, their share and sentiment. */
@Command(name = "share-of-voice", mixinStandardHelpOptions = true,
        description = {
            "Posts naming each tracked entity over a range, each entity's share of the posts naming the entities",
            "compared, and their sentiment: the entities given with --entities, or the --top most-named."})
public final class ShareOfVoiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    AnalystOptions options;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (inclusive).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "End of the range (exclusive).")
    String to;

    @Option(names = "--entities", paramLabel = "A,B,C", split = ",",
            description = "Canonical names of the tracked entities to compare, comma-separated.")
    List<String> entities;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + ShareOfVoiceQuery.DEFAULT_TOP,
            description = "Without --entities: compare the N most-named (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        AnalystSession session = new AnalystSession(spec, elasticsearch, options);
        TimeRange range = TimeArguments.range(from, to, session.zone());
        List<String> names = names();
        String[] index = new String[1];
        return session.run((client, indices) -> {
            ShareOfVoiceQuery query = new ShareOfVoiceQuery(client, indices);
            index[0] = query.index();
            ShareOfVoice result = query.run(range, names, top);
            return result.isEmpty() ? null : AnalystReports.shareOfVoice(result, session.zone());
        }, () -> "no data in " + index[0] + ": no post " + (names.isEmpty() ? "names a tracked entity" : "names " + String.join(", ", names))
                + " from " + AnalystReports.describe(range, session.zone()));
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        if (entities != null) {
            for (String name : new LinkedHashSet<>(entities)) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("--entities: an empty name in '" + String.join(",", entities) + "'");
                }
                names.add(name.trim());
            }
        }
        return names;
    }
}
