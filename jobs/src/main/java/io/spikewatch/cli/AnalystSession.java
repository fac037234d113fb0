package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.spikewatch.analyst.OutputFormat;
import io.spikewatch.analyst.Report;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What an analyst command does around its query: checks the options before connecting, opens
 * the client, turns a connection failure or a refused query into one clear error naming the URL
 * and where it came from, and prints the report, or the "no data" line when there is nothing.
 */
final class AnalystSession {

    /** A query against Elasticsearch that yields a report, or null when it found no data. */
    interface Work {
        Report run(ElasticsearchClient client, IndexNames indices) throws IOException;
    }

    private final CommandSpec spec;
    private final ElasticsearchOptions elasticsearch;
    private final OutputFormat format;
    private final ZoneId zone;

    AnalystSession(CommandSpec spec, ElasticsearchOptions elasticsearch, AnalystOptions options) {
        this.spec = spec;
        this.elasticsearch = elasticsearch;
        this.format = options.format();
        this.zone = options.zone();
    }

    ZoneId zone() {
        return zone;
    }

    OutputFormat format() {
        return format;
    }

    /**
     * Runs {@code work}; when it returns null, prints {@code noData} (on stdout for a table, on
     * stderr for CSV and JSON, whose stdout stays empty) and exits 0.
     */
    int run(Work work, java.util.function.Supplier<String> noData) {
        IndexNames indices = elasticsearch.indices();
        ElasticsearchConnection connection = elasticsearch.connection();
        Report report;
        try (ElasticsearchClient client = connection.createClient()) {
            report = work.run(client, indices);
        } catch (ElasticsearchException e) {
            throw new IllegalStateException("Elasticsearch at " + connection.describeUrls() + " refused the query: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Elasticsearch at " + connection.describeUrls()
                    + " (--es-url or $" + ElasticsearchOptions.URL_ENV + "): " + Spikewatch.describe(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (report == null) {
            (format == OutputFormat.TABLE ? out : spec.commandLine().getErr()).println(noData.get());
            out.flush();
            spec.commandLine().getErr().flush();
            return 0;
        }
        format.writer(zone).write(report, out);
        return 0;
    }
}
