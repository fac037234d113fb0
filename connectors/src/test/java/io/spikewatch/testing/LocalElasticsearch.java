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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;
import io.spikewatch.secrets.Secret;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Elasticsearch per test JVM, started on a free port by the project's own
 * {@code bin/lib/es-local.sh} (instance {@code test-<port>}) and stopped, with its data deleted,
 * when the JVM exits. {@link #secured()} is a second one, started only by the tests that ask for
 * it, with security on: HTTPS with a CA the script generates, and the user {@code elastic} with
 * a random password.
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

    /** The user of the secured instance (Elasticsearch's built-in superuser). */
    public static final String SECURE_USER = "elastic";
    private static final int PASSWORD_BYTES = 18;

    private static LocalElasticsearch instance;
    private static LocalElasticsearch secured;
    private static final AtomicInteger PREFIX_COUNTER = new AtomicInteger();

    private final String url;
    /** The es-local.sh instance name and port when this JVM started the server, else null. */
    private final String instanceName;
    private final ElasticsearchConnection connection;
    private final ElasticsearchClient client;
    private final Path caFile;
    private final Secret password;

    private LocalElasticsearch(String url, String instanceName) {
        this(url, instanceName, ElasticsearchConnection.of(url), null, null);
    }

    private LocalElasticsearch(String url, String instanceName, ElasticsearchConnection connection, Path caFile, Secret password) {
        this.url = url;
        this.instanceName = instanceName;
        this.connection = connection;
        this.client = connection.createClient();
        this.caFile = caFile;
        this.password = password;
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

    /**
     * The shared secured instance, started on first use: {@link #url()} is https, {@link #connection()}
     * trusts its CA and logs in as {@link #SECURE_USER} with {@link #password()}.
     */
    public static synchronized LocalElasticsearch secured() {
        if (secured == null) {
            Path root = repositoryRoot();
            int port = freePort();
            String name = "test-secure-" + port;
            byte[] random = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            Secret password = new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            Map<String, String> env = Map.of("SPIKEWATCH_ES_PASSWORD", password.reveal());
            List<String> printed = run(root, env, "start", "--port", String.valueOf(port), "--name", name, "--secure");
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> run(root, Map.of(), "stop", "--port", String.valueOf(port), "--name", name, "--purge"),
                    "stop-elasticsearch-" + name));
            if (printed.size() < 2) {
                throw new IllegalStateException(SCRIPT + " start --secure printed " + printed + ", not the URL and the CA file");
            }
            Path ca = Path.of(printed.get(1));
            byte[] pem;
            try {
                pem = Files.readAllBytes(ca);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the secured instance's CA " + ca, e);
            }
            ElasticsearchConnection connection = ElasticsearchConnection.of(printed.get(0))
                    .withBasicAuth(SECURE_USER, password).withTrustedCa(pem, ca.getFileName().toString());
            secured = new LocalElasticsearch(printed.get(0), name, connection, ca, password);
        }
        return secured;
    }

    public String url() {
        return url;
    }

    /** The CA certificate (PEM) of the secured instance; null for the plain one. */
    public Path caFile() {
        return caFile;
    }

    /** The password of {@link #SECURE_USER} on the secured instance; null for the plain one. */
    public Secret password() {
        return password;
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
        run(repositoryRoot(), Map.of(), "stop", "--port", String.valueOf(port()), "--name", ownInstance());
    }

    /** Starts the server {@link #stop()} stopped, with its data, and returns once it is healthy. */
    public void restart() {
        if (caFile != null) {
            throw new IllegalStateException("only the plain instance restarts; the secured one needs its password again");
        }
        run(repositoryRoot(), Map.of(), "start", "--port", String.valueOf(port()), "--name", ownInstance());
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
        run(root, Map.of(), "start", "--port", String.valueOf(port), "--name", name);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> run(root, Map.of(), "stop", "--port", String.valueOf(port), "--name", name, "--purge"),
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

    /** Runs the script with extra environment variables; returns the lines it printed on standard output. */
    private static List<String> run(Path root, Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve(SCRIPT).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("es-local-", ".out");
            Path errors = Files.createTempFile("es-local-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectError(errors.toFile())
                    .redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> printed = Files.readAllLines(output);
            String log = Files.readString(errors) + String.join("\n", printed);
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + SCRIPT_TIMEOUT + ":\n" + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + process.exitValue() + ":\n" + log);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
