package io.spikewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.spikewatch.schema.Json;
import io.spikewatch.spikes.EpisodePhase;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook, Slack and e-mail channels against real servers in this JVM: the JDK's HTTP server and GreenMail's SMTP. */
class AlertChannelsITCase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@example.org", "alerts", "right-pw"));

    /** Millisecond backoffs: real waits, short enough for a test. */
    private static final DeliveryRetry FAST = new DeliveryRetry(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10));

    private record Received(String path, String contentType, String authorization, String body) {}

    private HttpServer http;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startHttp() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            byte[] answer = (status == 200 ? "ok" : "try later").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        http.createContext("/never", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterEach
    void stopHttp() {
        http.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private static Alert alert(String... channels) {
        var spike = TestSpikes.volume("entity:X (platform)", EpisodePhase.STARTED, 78);
        AlertRule rule = new AlertRule("volume-x", RuleScope.EVERYTHING, RuleType.SPIKE, SpikeParams.DEFAULTS, 40,
                Duration.ofMinutes(30), null, false, List.of(channels));
        return new Alert(Alert.idOf(rule.name(), spike, EpisodePhase.STARTED, 0), rule.name(), spike.seriesKey(), spike,
                EpisodePhase.STARTED, 78, AlertMessages.title(rule, spike, EpisodePhase.STARTED),
                AlertMessages.text(rule, spike, EpisodePhase.STARTED), List.of(channels), TestSpikes.minute(1));
    }

    private Notifier notifier(String yaml, Map<String, String> env) {
        AlertConfig config = new AlertConfigParser("channels.yaml", env::get, List.of()).parse(yaml);
        return new Notifier(Notifier.channels(config, new PrintStream(PrintStream.nullOutputStream()), client), FAST,
                Clock.systemUTC(), Notifier.Sleeper.THREAD);
    }

    @Test
    void theGenericWebhookReceivesTheAlertAndItsExplanationAfterTwoFailures() {
        failuresLeft.set(2);
        Notifier notifier = notifier("""
                channels:
                  ops:
                    type: webhook
                    url: "%s?token=${TOKEN}"
                    headers: {Authorization: "Bearer ${TOKEN}"}
                rules: []
                """.formatted(url("/hook")), Map.of("TOKEN", "tok-9"));

        List<Delivery> deliveries = notifier.deliver(alert("ops"));

        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).startsWith("HTTP 500 from 127.0.0.1:").endsWith(": try later").doesNotContain("tok-9");
        });
        assertThat(received).hasSize(3);
        Received last = received.get(2);
        assertThat(last.authorization()).isEqualTo("Bearer tok-9");
        assertThat(last.contentType()).startsWith("application/json");
        JsonNode body = read(last.body());
        assertThat(body.get("schema").asText()).isEqualTo(WebhookPayloads.SCHEMA);
        assertThat(body.get("id").asText()).isEqualTo("volume-x|entity:X (platform)|volume|2024-08-13T00:18:00Z|started|0");
        assertThat(body.get("series_name").asText()).isEqualTo("X (platform)");
        assertThat(body.get("severity").asInt()).isEqualTo(78);
        assertThat(body.at("/spike/explanation/terms/0/term").asText()).isEqualTo("unable to join");
        assertThat(body.at("/spike/explanation/top_posts/0/author_handle").asText()).isEqualTo("elonmusk");
        assertThat(body.at("/spike/explanation/sentiment/negative").asLong()).isEqualTo(71);
    }

    @Test
    void slackReceivesTextAndBlocks() {
        Notifier notifier = notifier("""
                channels:
                  comms:
                    type: slack
                    url: %s
                rules: []
                """.formatted(url("/hook/T000/B000/secret")), Map.of());

        assertThat(notifier.deliver(alert("comms"))).singleElement().extracting(Delivery::status)
                .isEqualTo(DeliveryStatus.DELIVERED);
        JsonNode body = read(received.get(0).body());
        assertThat(received.get(0).path()).isEqualTo("/hook/T000/B000/secret");
        assertThat(body.get("text").asText()).isEqualTo("Volume spike on X (platform) (severity 78, rule volume-x)");
        assertThat(body.get("blocks")).hasSize(3);
        assertThat(body.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(body.at("/blocks/1/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(body.at("/blocks/1/text/text").asText()).contains("412 posts/min vs 9 expected (46x)");
        assertThat(body.at("/blocks/2/elements/0/text").asText()).contains("rule volume-x");
    }

    @Test
    void aServerThatNeverAcceptsLeavesARecordedFailedDelivery() {
        Notifier notifier = notifier("""
                channels:
                  ops:
                    type: webhook
                    url: %s
                rules: []
                """.formatted(url("/never")), Map.of());

        assertThat(notifier.deliver(alert("ops"))).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isEqualTo(FAST.maxAttempts());
            assertThat(d.lastError()).startsWith("HTTP 503 from 127.0.0.1:");
        });
    }

    @Test
    void aRefusedConnectionIsRetriedThenRecorded() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Notifier notifier = notifier("""
                channels:
                  ops:
                    type: webhook
                    url: http://127.0.0.1:%d/hook
                rules: []
                """.formatted(closedPort), Map.of());
        assertThat(notifier.deliver(alert("ops"))).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isEqualTo(FAST.maxAttempts());
            assertThat(d.lastError()).isEqualTo("cannot reach 127.0.0.1:" + closedPort + ": ConnectException");
        });
    }

    @Test
    void theEmailArrivesWithTheTitleAsSubjectAndTheExplanationInTheBody() throws Exception {
        Notifier notifier = notifier("""
                channels:
                  mail:
                    type: email
                    host: 127.0.0.1
                    port: %d
                    starttls: false
                    username: alerts
                    password_env: SMTP_PASSWORD
                    from: alerts@example.org
                    to: [comms@example.org]
                rules: []
                """.formatted(SMTP.getSmtp().getPort()), Map.of("SMTP_PASSWORD", "right-pw"));

        assertThat(notifier.deliver(alert("mail"))).singleElement().extracting(Delivery::status)
                .isEqualTo(DeliveryStatus.DELIVERED);
        MimeMessage[] messages = SMTP.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getSubject()).isEqualTo("Volume spike on X (platform) (severity 78, rule volume-x)");
        assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo("comms@example.org");
        String body = GreenMailUtil.getBody(messages[0]);
        assertThat(messages[0].getContent().toString())
                .contains("412 posts/min vs 9 expected (46x), 71% negative")
                .contains("Terms: unable to join (88, 80x), ddos (60, 120x)")
                .contains("- @elonmusk (x, 21000 reposts): There appears to be a massive DDOS attack on 𝕏.")
                .contains("Alert volume-x|entity:X (platform)|volume|2024-08-13T00:18:00Z|started|0");
        assertThat(body).isNotEmpty();
        assertThat(messages[0].getHeader("X-Spikewatch-Alert-Id")[0]).startsWith("volume-x|");
    }

    @Test
    void refusedSmtpCredentialsFailWithoutRetryingOrShowingThePassword() {
        Notifier notifier = notifier("""
                channels:
                  mail:
                    type: email
                    host: 127.0.0.1
                    port: %d
                    starttls: false
                    username: alerts
                    password: ${SMTP_PASSWORD}
                    from: alerts@example.org
                    to: [comms@example.org]
                rules: []
                """.formatted(SMTP.getSmtp().getPort()), Map.of("SMTP_PASSWORD", "wrong-pw"));

        assertThat(notifier.deliver(alert("mail"))).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("refused the credentials of alerts").doesNotContain("wrong-pw");
        });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDigestReachesTheWebhookSlackAndTheInboxAsOneMessage() throws Exception {
        Notifier notifier = notifier("""
                channels:
                  ops:
                    type: webhook
                    url: %s
                    digest: 5m
                  comms:
                    type: slack
                    url: %s
                    digest: 5m
                  mail:
                    type: email
                    host: 127.0.0.1
                    port: %d
                    starttls: false
                    from: alerts@example.org
                    to: [comms@example.org]
                    digest: 10m
                rules: []
                """.formatted(url("/hook/generic"), url("/hook/slack"), SMTP.getSmtp().getPort()), Map.of());
        Alert first = alert("ops", "comms", "mail");
        var escalated = TestSpikes.volume("entity:Elon Musk", EpisodePhase.ESCALATED, 91);
        Alert second = new Alert("volume-x|entity:Elon Musk|escalated|1", "volume-x", "entity:Elon Musk", escalated,
                EpisodePhase.ESCALATED, 91, "Volume spike on Elon Musk (severity 91, rule volume-x)", "text",
                List.of("ops", "comms", "mail"), TestSpikes.minute(3));

        for (String channel : List.of("ops", "comms", "mail")) {
            AlertDigest digest = new AlertDigest(AlertDigest.idOf(channel, first), channel, List.of(first, second), false);
            assertThat(notifier.deliver(digest).status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        JsonNode generic = read(received.get(0).body());
        assertThat(generic.get("schema").asText()).isEqualTo(WebhookPayloads.DIGEST_SCHEMA);
        assertThat(generic.get("id").asText()).isEqualTo("digest|ops|" + first.id());
        assertThat(generic.get("from").asText()).isEqualTo("2024-08-13T00:19:00Z");
        assertThat(generic.get("to").asText()).isEqualTo("2024-08-13T00:21:00Z");
        assertThat(generic.get("count").asInt()).isEqualTo(2);
        assertThat(generic.at("/alerts/1/id").asText()).isEqualTo("volume-x|entity:Elon Musk|escalated|1");
        assertThat(generic.at("/alerts/0/spike/explanation/terms/0/term").asText()).isEqualTo("unable to join");
        JsonNode slack = read(received.get(1).body());
        assertThat(slack.get("text").asText()).isEqualTo("2 more alerts from 2024-08-13 00:19 to 00:21 UTC; highest: "
                + "Volume spike on Elon Musk (severity 91, rule volume-x)");
        assertThat(slack.at("/blocks/1/text/text").asText()).isEqualTo(
                "00:19 started: Volume spike on X (platform) (severity 78, rule volume-x)\n"
                        + "00:21 escalated: Volume spike on Elon Musk (severity 91, rule volume-x)");
        MimeMessage[] messages = SMTP.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getSubject()).startsWith("2 more alerts from 2024-08-13 00:19 to 00:21 UTC; highest: ");
        assertThat(messages[0].getHeader("X-Spikewatch-Alert-Id")[0]).isEqualTo("digest|mail|" + first.id());
        assertThat(messages[0].getContent().toString())
                .contains("00:21 escalated: Volume spike on Elon Musk")
                .contains("Terms: unable to join (88, 80x), ddos (60, 120x)")
                .contains("Alert volume-x|entity:Elon Musk|escalated|1");
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

}
