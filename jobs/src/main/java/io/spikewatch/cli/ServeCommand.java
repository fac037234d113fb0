package io.spikewatch.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.live.LiveServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves the live page on its own, over what a job has indexed (or is indexing), until the
 * process is stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the live dashboard page on 127.0.0.1 until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--port", defaultValue = "" + LiveServer.DEFAULT_PORT, paramLabel = "N",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > LiveServer.MAX_PORT) {
            throw new IllegalArgumentException("--port: " + port + " is not a port (0 to " + LiveServer.MAX_PORT + "; 0 picks a free one)");
        }
        ElasticsearchConnection connection = elasticsearch.connection();
        checkReachable(connection);
        LiveServer server = LivePageOption.start(connection, elasticsearch.indices(), port, "--port");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // the process is ending anyway
            }
            stopped.countDown();
        }, "stop-live-page"));
        out.println("Live page: " + server.url() + " (reading " + connection.describeUrls() + ", indices "
                + elasticsearch.indices().prefix() + "-*); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Fails with the URL when no Elasticsearch answers there, rather than serving a page of errors. */
    static void checkReachable(ElasticsearchConnection connection) {
        try (ElasticsearchClient client = connection.createClient()) {
            client.cluster().health();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no Elasticsearch answers at " + connection.describeUrls()
                    + " (--es-url or " + ElasticsearchOptions.URL_ENV + "): " + e.getMessage(), e);
        }
    }
}
