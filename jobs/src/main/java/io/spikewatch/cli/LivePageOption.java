package io.spikewatch.cli;

import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.live.LiveServer;
import java.io.IOException;

/** Starts the live page for a command, naming the command's port option when the port is wrong or taken. */
final class LivePageOption {

    private LivePageOption() {}

    static LiveServer start(ElasticsearchConnection connection, IndexNames indices, int port, String option) throws IOException {
        if (port < 0 || port > LiveServer.MAX_PORT) {
            throw new IllegalArgumentException(option + ": " + port + " is not a port (0 to " + LiveServer.MAX_PORT
                    + "; 0 picks a free one)");
        }
        try {
            return LiveServer.start(connection, indices, port);
        } catch (IOException e) {
            throw new IOException(option + " " + port + ": " + e.getMessage(), e);
        }
    }
}
