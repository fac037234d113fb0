package io.spikewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * started in a JVM of its own from the test class path's Kafka jars, on free loopback ports,
 * with its log directory in a temporary folder deleted on {@link #close()}.
 *
 * <p>{@link #start()} formats the storage ({@code kafka.tools.StorageTool}), starts
 * {@code kafka.Kafka} and returns once an admin client can list the topics, or fails with the
 * tail of the broker's log once {@link #STARTUP_DEADLINE} passes or the process exits.
 * {@link #close()} stops it (SIGTERM, then a kill after {@link #STOP_GRACE}).
 */
public final class KafkaBroker implements AutoCloseable {

    static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** How long each readiness probe may take; also the pause between probes while the broker starts. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    static final String BROKER_HEAP = "-Xmx512m";
    private static final int LOG_TAIL_LINES = 40;

    private final Path workDir;
    private final Process process;
    private final String bootstrapServers;

    private KafkaBroker(Path workDir, Process process, String bootstrapServers) {
        this.workDir = workDir;
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker and waits until it answers. */
    public static KafkaBroker start() throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("kafka-broker-");
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path config = writeConfig(workDir, brokerPort, controllerPort);
        Path log = workDir.resolve("broker.log");
        format(workDir, config, log);
        Process process = java("kafka.Kafka", List.of(config.toString()), log).start();
        KafkaBroker broker = new KafkaBroker(workDir, process, "127.0.0.1:" + brokerPort);
        // a test JVM that ends without close() (killed, timed out) must not leave the broker behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-kafka-broker-" + brokerPort));
        try {
            broker.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code 127.0.0.1:PORT}, for Kafka clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis()));
    }

    /** Creates {@code name} with {@code partitions} partitions (replication factor 1) and waits for it. */
    public void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        Exception lastFailure = null;
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with status " + process.exitValue()
                            + " while starting; its log ends:\n" + tail(workDir.resolve("broker.log")));
                }
                try {
                    admin.listTopics().names().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                    // waits for the process, not a clock: returns at once if the broker dies
                    process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        throw new IllegalStateException("the Kafka broker at " + bootstrapServers + " did not answer within " + STARTUP_DEADLINE
                + " (last: " + lastFailure + "); its log ends:\n" + tail(workDir.resolve("broker.log")));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static Path writeConfig(Path workDir, int brokerPort, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", workDir.resolve("data").toString());
        properties.setProperty("num.partitions", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "false");
        Path config = workDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(writer, "single-node KRaft broker for tests");
        }
        return config;
    }

    private static void format(Path workDir, Path config, Path log) throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        Process format = java("kafka.tools.StorageTool", List.of("format", "-t", clusterId, "-c", config.toString()), log).start();
        if (!format.waitFor(STARTUP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            format.destroyForcibly().waitFor();
            throw new IllegalStateException("formatting the Kafka storage took longer than " + STARTUP_DEADLINE);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed with status " + format.exitValue()
                    + "; its output ends:\n" + tail(log));
        }
    }

    private static ProcessBuilder java(String mainClass, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(BROKER_HEAP);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
