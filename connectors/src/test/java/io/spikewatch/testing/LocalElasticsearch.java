package io.spikewatch.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Elasticsearch per test JVM, started on a free port by the project's own
 * {@code bin/lib/es-local.sh} (instance {@code test-<port>}) and stopped, with its data deleted,
 * when the JVM exits.
 *
 * <p>The repository root comes from the system property {@value #HOME_PROPERTY} (Failsafe sets
 * it), else from walking up from the working directory to the folder holding the script. Set
 * {@value #URL_PROPERTY} to use an Elasticsearch that is already running instead.
 */
public final class LocalElasticsearch {

    public static final String HOME_PROPERTY = "spikewatch.home";
    public static final String URL_PROPERTY = "spikewatch.test.elasticsearch.url";
    static final String SCRIPT = "bin/lib/es-local.sh";
    /** The script has its own health deadline; this only guards against it hanging. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private static LocalElasticsearch instance;
    private static final AtomicInteger PREFIX_COUNTER = new AtomicInteger();

    private final String url;
    /** The es-local.sh instance name and port when this JVM started the server, else null. */
    private final String instanceName;
    private final ElasticsearchConnection connection;
    private final ElasticsearchClient client;

    private LocalElasticsearch(String url, String instanceName) {
        this.url = url;
        this.instanceName = instanceName;
        this.connection = ElasticsearchConnection.of(url);
        this.client = connection.createClient();
    }

    /** The shared instance, started on first use. */
    public static synchronized LocalElasticsearch get() {
        if (instance == null) {
            String external = System.getProperty(URL_PROPERTY);
            if (external != null && !external.isBlank()) {
                instance = new LocalElasticsearch(external, null);
            } else {
                int port = startLocal();
                instance = new LocalElasticsearch("http://127.0.0.1:" + port, instanceName(port));
            }
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public ElasticsearchConnection connection() {
        return connection;
    }

    /** A client shared by the tests of this JVM; do not close it. */
    public ElasticsearchClient client() {
        return client;
    }

    /** Index names with a prefix no other test of this run uses. */
    public IndexNames uniqueNames() {
        return new IndexNames("it-" + ProcessHandle.current().pid() + "-" + PREFIX_COUNTER.incrementAndGet());
    }

    /**
     * Stops the server (its data stays) for a fault test; {@link #restart()} brings it back on the
     * same port. Only for a server this JVM started: an external one is not the tests' to stop.
     */
    public void stop() {
        run(repositoryRoot(), "stop", "--port", String.valueOf(port()), "--name", ownInstance());
    }

    /** Starts the server {@link #stop()} stopped, with its data, and returns once it is healthy. */
    public void restart() {
        run(repositoryRoot(), "start", "--port", String.valueOf(port()), "--name", ownInstance());
    }

    /** Whether this JVM started the server (so {@link #stop()} may stop it). */
    public boolean startedHere() {
        return instanceName != null;
    }

    private String ownInstance() {
        if (instanceName == null) {
            throw new IllegalStateException("the Elasticsearch at " + url + " was not started by the tests (" + URL_PROPERTY + ")");
        }
        return instanceName;
    }

    private int port() {
        return java.net.URI.create(url).getPort();
    }

    private static String instanceName(int port) {
        return "test-" + port;
    }

    private static int startLocal() {
        Path root = repositoryRoot();
        int port = freePort();
        String name = instanceName(port);
        run(root, "start", "--port", String.valueOf(port), "--name", name);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> run(root, "stop", "--port", String.valueOf(port), "--name", name, "--purge"),
                "stop-elasticsearch-" + name));
        return port;
    }

    /** The repository's root folder (where {@code bin/} is). */
    public static Path repositoryRoot() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank() && Files.isExecutable(Paths.get(home, SCRIPT))) {
            return Paths.get(home);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(SCRIPT))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + ": system property " + HOME_PROPERTY + " is '"
                + home + "' and no parent of " + Paths.get("").toAbsolutePath() + " holds it");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Elasticsearch", e);
        }
    }

    private static void run(Path root, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve(SCRIPT).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("es-local-", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String log = Files.readString(output);
            Files.deleteIfExists(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + SCRIPT_TIMEOUT + ":\n" + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ":\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
