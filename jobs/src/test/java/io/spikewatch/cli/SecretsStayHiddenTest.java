package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.spikewatch.config.SpikewatchConfig;
import io.spikewatch.config.SpikewatchConfigLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config} with secrets from files against a real HTTP server that refuses every
 * login (as Elasticsearch does with a wrong password): the run fails with a clear message, and
 * neither the secret nor its Base64 form appears in any log line, the command's output, the
 * message or the configuration's {@code toString}.
 */
class SecretsStayHiddenTest {

    private static final String PASSWORD = "Zq7-never-print-me-41";
    private static final String API_KEY = "key-id-7:never-print-this-key-99";

    @TempDir
    Path dir;

    private HttpServer server;
    private String url;

    @BeforeEach
    void refuseEveryLogin() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate user\"},\"status\":401}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        Files.writeString(dir.resolve("posts.ndjson"), "");
        Files.writeString(dir.resolve("es-password"), PASSWORD + "\n");
        Files.writeString(dir.resolve("es-api-key"), API_KEY + "\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path config(String auth) throws Exception {
        return Files.writeString(dir.resolve("spikewatch.yaml"), """
                sources:
                  posts: {files: [posts.ndjson]}
                elasticsearch:
                  hosts: ["%s"]
                  auth: %s
                """.formatted(url, auth));
    }

    @Test
    void aRefusedPasswordIsNamedButNeverShown() throws Exception {
        Path file = config("{username: spikewatch, password: {file: es-password}}");
        List<String> forbidden = List.of(PASSWORD, base64("spikewatch:" + PASSWORD));

        CommandRun run;
        List<String> logs;
        String configText;
        try (CapturedLogs captured = new CapturedLogs()) {
            configText = SpikewatchConfigLoader.load(file).toString();
            run = CommandRun.of("run", "--config", file.toString());
            logs = captured.lines();
        }

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).contains("Elasticsearch at " + url + " refused user 'spikewatch' (HTTP 401): wrong password, or no such user");
        assertThat(logs).as("our configuration line is logged").anyMatch(line -> line.contains("basicAuth=spikewatch:******"));
        assertHidden(forbidden, logs, run, configText);
    }

    @Test
    void aRefusedApiKeyIsNamedButNeverShown() throws Exception {
        Path file = config("{api_key: {file: es-api-key}}");
        List<String> forbidden = List.of(API_KEY, API_KEY.substring(API_KEY.indexOf(':') + 1), base64(API_KEY));

        CommandRun run;
        List<String> logs;
        SpikewatchConfig config;
        try (CapturedLogs captured = new CapturedLogs()) {
            config = SpikewatchConfigLoader.load(file);
            run = CommandRun.of("run", "--config", file.toString());
            logs = captured.lines();
        }

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).contains("refused an API key (HTTP 401)");
        assertHidden(forbidden, logs, run, config.toString() + config.connection());
    }

    private static void assertHidden(List<String> forbidden, List<String> logs, CommandRun run, String toStrings) {
        List<String> everything = new ArrayList<>(logs);
        everything.add(run.output());
        everything.add(run.errors());
        everything.add(toStrings);
        for (String secret : forbidden) {
            assertThat(everything).as("nothing printed holds the secret").noneMatch(text -> text.contains(secret));
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
