package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.spikewatch.alerts.Alert;
import io.spikewatch.alerts.AlertConfig;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.alerts.AlertMessages;
import io.spikewatch.alerts.AlertRule;
import io.spikewatch.alerts.Delivery;
import io.spikewatch.alerts.DeliveryRetry;
import io.spikewatch.alerts.DeliveryStatus;
import io.spikewatch.alerts.Notifier;
import io.spikewatch.alerts.RuleScope;
import io.spikewatch.alerts.RuleType;
import io.spikewatch.alerts.SpikeParams;
import io.spikewatch.alerts.TestSpikes;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.secrets.SecretResolver;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.Spike;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert channels whose secrets come from a file and from an environment variable, delivering to a
 * real local HTTP endpoint that refuses and echoes the request back (URL and Authorization header)
 * and to GreenMail's SMTP server, which refuses the password. The deliveries fail with a clear
 * error, and no secret appears in any captured log line, in the alert document's delivery
 * records, in an exception message or in the configuration's {@code toString}.
 */
class AlertSecretsStayHiddenTest {

    private static final String SMTP_PASSWORD = "smtp-Wq3-never-print-me";
    private static final String HOOK_TOKEN = "hook-token-never-print-61";
    private static final String PATH_TOKEN = "T0PATH-never-print-17";
    private static final String QUERY_TOKEN = "query-key-never-print-29";
    private static final String SMTP_USER = "alerts";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@example.org", SMTP_USER, "the-right-one"));

    private static final DeliveryRetry FAST = new DeliveryRetry(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private HttpServer http;
    private String hookUrl;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            // A careless server: its refusal quotes what it was sent.
            byte[] body = ("denied " + exchange.getRequestURI() + " with " + exchange.getRequestHeaders().getFirst("Authorization"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        hookUrl = "http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/" + PATH_TOKEN + "?key=" + QUERY_TOKEN;
        env.put("SPIKEWATCH_TEST_HOOK_URL", hookUrl);
        Files.createDirectories(dir.resolve("secrets"));
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("secrets/smtp-password"), SMTP_PASSWORD + "\n");
        Files.writeString(dir.resolve("secrets/hook-token"), "Bearer " + HOOK_TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private Path rulesFile(boolean mailOptional) throws Exception {
        return Files.writeString(dir.resolve("config/alert-rules.yaml"), """
                channels:
                  hook:
                    type: webhook
                    url: {env: SPIKEWATCH_TEST_HOOK_URL}
                    headers: {Authorization: {file: ../secrets/hook-token}}
                  mail:
                    type: email
                    host: 127.0.0.1
                    port: %d
                    starttls: false
                    username: %s
                    password: {file: ../secrets/smtp-password}
                    from: alerts@example.org
                    to: [comms@example.org]
                    optional: %s
                  pager:
                    type: slack
                    url: {file: ../secrets/pager-url}
                    optional: true
                rules:
                  - name: volume-x
                    type: spike
                    channels: [hook, mail, pager]
                """.formatted(SMTP.getSmtp().getPort(), SMTP_USER, mailOptional));
    }

    @Test
    void failingDeliveriesNameTheirCauseButNoSecret() throws Exception {
        Path rules = rulesFile(false);
        List<String> logs;
        List<Delivery> deliveries;
        String document;
        String toStrings;
        try (CapturedLogs captured = new CapturedLogs()) {
            AlertingSettings settings = AlertingSettings.fromRulesFile(rules, null);
            AlertConfig config = settings.checkAtStartUp(new SecretResolver(env::get));
            toStrings = settings + " " + config;
            try (Notifier notifier = new Notifier(Notifier.channels(config, new PrintStream(PrintStream.nullOutputStream()),
                    HttpClient.newHttpClient()), FAST, Clock.systemUTC(), Notifier.Sleeper.THREAD)) {
                Alert alert = alert("hook", "mail");
                deliveries = notifier.deliver(alert);
                document = AlertDocuments.alert(alert, deliveries).toString();
            }
            logs = captured.lines();
        }

        assertThat(logs).as("the switched-off channel is named with the file it misses").anyMatch(line ->
                line.contains("Alert channel pager of " + rules + " is off: optional, and channels.pager.url.file: "
                        + dir.resolve("secrets/pager-url") + " does not exist"));
        assertThat(deliveries).extracting(Delivery::status).containsExactly(DeliveryStatus.FAILED, DeliveryStatus.FAILED);
        assertThat(deliveries.get(0).lastError())
                .as("the server's echo is quoted with the secrets blanked out")
                .isEqualTo("HTTP 403 from 127.0.0.1:" + http.getAddress().getPort() + ": denied ******?****** with ******");
        assertThat(deliveries.get(1).lastError()).isEqualTo("the SMTP server 127.0.0.1:" + SMTP.getSmtp().getPort()
                + " refused the credentials of " + SMTP_USER);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(logs).as("each failed delivery is logged").filteredOn(line -> line.contains("was not delivered")).hasSize(2);

        List<String> everything = new ArrayList<>(logs);
        everything.add(document);
        everything.add(toStrings);
        assertHidden(everything);
    }

    @Test
    void errorsAboutSecretsNameTheKeyAndFileButNoValue() throws Exception {
        Files.delete(dir.resolve("secrets/smtp-password"));
        List<String> messages = new ArrayList<>();
        try (CapturedLogs captured = new CapturedLogs()) {
            AlertingSettings settings = AlertingSettings.fromRulesFile(rulesFile(false), null);
            assertThatThrownBy(() -> settings.checkAtStartUp(new SecretResolver(env::get)))
                    .hasMessage(settings.rulesSource() + ": channels.mail.password.file: " + dir.resolve("secrets/smtp-password")
                            + " does not exist (mark the channel 'optional: true' to run without it)")
                    .satisfies(e -> messages.add(e.getMessage()));

            env.put("SPIKEWATCH_TEST_HOOK_URL", "ftp://127.0.0.1/" + PATH_TOKEN + "?key=" + QUERY_TOKEN);
            AlertingSettings ftp = AlertingSettings.fromRulesFile(rulesFile(true), null);
            assertThatThrownBy(() -> ftp.checkAtStartUp(new SecretResolver(env::get)))
                    .hasMessageEndingWith("channels.hook: key 'url': expected an http:// or https:// URL")
                    .satisfies(e -> messages.add(e.getMessage()));
            messages.addAll(captured.lines());
        }
        assertHidden(messages);
    }

    private static void assertHidden(List<String> texts) {
        List<String> forbidden = List.of(SMTP_PASSWORD, HOOK_TOKEN, PATH_TOKEN, QUERY_TOKEN, base64(SMTP_PASSWORD),
                base64("\0" + SMTP_USER + "\0" + SMTP_PASSWORD), base64(SMTP_USER + ":" + SMTP_PASSWORD));
        for (String secret : forbidden) {
            assertThat(texts).as("nothing printed holds the secret").noneMatch(text -> text.contains(secret));
        }
    }

    private static Alert alert(String... channels) {
        Spike spike = TestSpikes.volume("entity:X (platform)", EpisodePhase.STARTED, 78);
        AlertRule rule = new AlertRule("volume-x", RuleScope.EVERYTHING, RuleType.SPIKE, SpikeParams.DEFAULTS, 40,
                Duration.ofMinutes(30), null, false, List.of(channels));
        return new Alert(Alert.idOf(rule.name(), spike, EpisodePhase.STARTED, 0), rule.name(), spike.seriesKey(), spike,
                EpisodePhase.STARTED, 78, AlertMessages.title(rule, spike, EpisodePhase.STARTED),
                AlertMessages.text(rule, spike, EpisodePhase.STARTED), List.of(channels), TestSpikes.minute(1));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
