package io.spikewatch.cluster;

import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink standalone session cluster started through the project's own
 * {@code bin/lib/flink-cluster.sh} (a JobManager and two TaskManagers, each a JVM of its own), on
 * free loopback ports under the instance name {@code it-<rest port>}; {@link #close()} stops it
 * and deletes its folder, and so does a JVM shutdown hook if a test never gets there. The
 * processes' logs are copied first to {@code jobs/target/flink-cluster-logs/NAME/}, so a failed
 * run can be read afterwards.
 *
 * <p>Jobs are submitted the way Flink users submit them: the job jar through Flink's command-line
 * client ({@code flink run -d}), stopped with a savepoint through {@code flink stop}.
 */
final class LocalFlinkCluster implements AutoCloseable {

    static final String SCRIPT = "bin/lib/flink-cluster.sh";
    static final int TASK_MANAGERS = 2;
    static final int SLOTS_PER_TASK_MANAGER = 2;
    /** The script has its own start deadline; this only guards against it hanging. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private final Path root;
    private final String name;
    private final FlinkRest rest;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalFlinkCluster(Path root, String name, int restPort) {
        this.root = root;
        this.name = name;
        this.rest = new FlinkRest("http://127.0.0.1:" + restPort);
        this.shutdownHook = new Thread(this::stopQuietly, "stop-flink-" + name);
    }

    /** Starts the cluster and returns once both TaskManagers have registered. */
    static LocalFlinkCluster start() {
        Path root = LocalElasticsearch.repositoryRoot();
        int restPort = freePort();
        int rpcPort = freePort();
        LocalFlinkCluster cluster = new LocalFlinkCluster(root, "it-" + restPort, restPort);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.script("start", "--rest-port", String.valueOf(restPort), "--rpc-port", String.valueOf(rpcPort),
                    "--taskmanagers", String.valueOf(TASK_MANAGERS), "--slots", String.valueOf(SLOTS_PER_TASK_MANAGER));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    FlinkRest rest() {
        return rest;
    }

    /** Submits the job jar with {@code arguments} for its main class; returns the job id. */
    String submit(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("submit", "--"));
        command.addAll(arguments);
        return lastLine(script(command.toArray(String[]::new)));
    }

    /** Submits the job jar resumed from {@code savepoint}; returns the new job id. */
    String submitFromSavepoint(String savepoint, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("submit", "--savepoint", savepoint, "--"));
        command.addAll(arguments);
        return lastLine(script(command.toArray(String[]::new)));
    }

    /** Stops the job with a savepoint ({@code flink stop}); returns the savepoint's path. */
    String stopWithSavepoint(String jobId) {
        return lastLine(script("stop-job", jobId));
    }

    /** Starts whatever process of the cluster is not running (a TaskManager that died). */
    void startMissing() {
        script("start");
    }

    /** Kills TaskManager {@code index} (1-based) with SIGKILL, as a crashed machine would; returns its pid. */
    long killTaskManager(int index) {
        Path pidFile = instanceDir().resolve("pids").resolve("taskmanager-" + index + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException("taskmanager-" + index + " (pid " + pid + ") is not running"));
            // destroyForcibly is SIGKILL on Linux: no shutdown hook, no goodbye to the JobManager
            process.destroyForcibly();
            process.onExit().get(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill taskmanager-" + index, e);
        }
    }

    Path instanceDir() {
        return root.resolve(".local").resolve("flink").resolve(name);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        try {
            script("stop");
        } finally {
            keepLogs();
            script("stop", "--purge");
        }
    }

    /** Copies the processes' log files out of the instance folder, which the purge deletes. */
    private void keepLogs() {
        Path logs = instanceDir().resolve("log");
        Path kept = root.resolve("jobs").resolve("target").resolve("flink-cluster-logs").resolve(name);
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the logs of the Flink cluster " + name + ": " + e.getMessage());
        }
    }

    private void stopQuietly() {
        try {
            script("stop", "--purge");
        } catch (RuntimeException e) {
            System.err.println("could not stop the Flink cluster " + name + ": " + e.getMessage());
        }
    }

    /** Runs the script for this instance; returns its standard output, or fails with all it printed. */
    private String script(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve(SCRIPT).toString(), args[0], "--name", name));
        command.addAll(List.of(args).subList(1, args.length));
        try {
            Path stdout = Files.createTempFile("flink-cluster-", ".out");
            Path stderr = Files.createTempFile("flink-cluster-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(root.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                boolean finished = process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                String out = Files.readString(stdout, StandardCharsets.UTF_8);
                String err = Files.readString(stderr, StandardCharsets.UTF_8);
                if (!finished) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + SCRIPT_TIMEOUT + ":\n" + out + err);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ":\n" + out + err);
                }
                return out;
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Flink", e);
        }
    }
}
