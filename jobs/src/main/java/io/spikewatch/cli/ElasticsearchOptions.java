package io.spikewatch.cli;

import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import picocli.CommandLine.Option;

/** Where Elasticsearch is and which indices to use; shared by the commands that index or read. */
public class ElasticsearchOptions {

    public static final String URL_ENV = "SPIKEWATCH_ES_URL";
    public static final String DEFAULT_URL = "http://127.0.0.1:9200";

    @Option(names = "--es-url", paramLabel = "URL",
            description = "Elasticsearch URL(s), comma-separated (default: $" + URL_ENV + " or " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--index-prefix", paramLabel = "PREFIX", defaultValue = IndexNames.DEFAULT_PREFIX,
            description = "Prefix of the index names: PREFIX-posts, PREFIX-statements, PREFIX-metrics, PREFIX-deadletters (default: ${DEFAULT-VALUE}).")
    String indexPrefix;

    public ElasticsearchConnection connection() {
        if (url != null) {
            return ElasticsearchConnection.parse("--es-url", url);
        }
        String fromEnv = System.getenv(URL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ElasticsearchConnection.parse(URL_ENV, fromEnv);
        }
        return ElasticsearchConnection.parse("--es-url", DEFAULT_URL);
    }

    public IndexNames indices() {
        return new IndexNames(indexPrefix);
    }
}
