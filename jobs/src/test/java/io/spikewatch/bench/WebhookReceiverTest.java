package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Against the receiver's real HTTP server on a loopback port. */
class WebhookReceiverTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:03Z");
    private static final Instant ANNOTATED = Instant.parse("2024-08-13T00:01:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    private int post(WebhookReceiver receiver, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(receiver.url()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void recordsAnAlertWithItsSpikeStartAndHowFarAnnotationHadGot() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Clock.fixed(NOW, ZoneOffset.UTC), () -> Optional.of(ANNOTATED))) {
            int status = post(receiver, """
                    {"schema":"spikewatch.alert/1","id":"surge|all|threshold|2024-08-13T00:03:00Z|started|0","phase":"started",
                     "spike":{"start":"2024-08-13T00:03:00Z"}}""");

            assertThat(status).isEqualTo(204);
            assertThat(receiver.awaitArrivals(1, Duration.ofSeconds(10))).isTrue();
            assertThat(receiver.arrivals()).singleElement().isEqualTo(new AlertArrival(
                    "surge|all|threshold|2024-08-13T00:03:00Z|started|0", "started", Instant.parse("2024-08-13T00:03:00Z"), NOW, ANNOTATED));
        }
    }

    @Test
    void recordsEachAlertOfADigestWithTheDigestsId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Clock.fixed(NOW, ZoneOffset.UTC), () -> Optional.of(ANNOTATED))) {
            int status = post(receiver, """
                    {"schema":"spikewatch.digest/1","id":"digest|team|a|0","channel":"team","count":2,"alerts":[
                     {"schema":"spikewatch.alert/1","id":"a|0","phase":"started","spike":{"start":"2024-08-13T00:03:00Z"}},
                     {"schema":"spikewatch.alert/1","id":"b|0","phase":"escalated","spike":{"start":"2024-08-13T00:01:00Z"}}]}""");

            assertThat(status).isEqualTo(204);
            assertThat(receiver.awaitArrivals(2, Duration.ofSeconds(10))).isTrue();
            assertThat(receiver.arrivals()).containsExactly(
                    new AlertArrival("a|0", "started", Instant.parse("2024-08-13T00:03:00Z"), NOW, ANNOTATED, "digest|team|a|0"),
                    new AlertArrival("b|0", "escalated", Instant.parse("2024-08-13T00:01:00Z"), NOW, ANNOTATED, "digest|team|a|0"));
        }
    }

    @Test
    void aDigestWithAnAlertItCannotReadIsRefusedWhole() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Clock.fixed(NOW, ZoneOffset.UTC), Optional::empty)) {
            assertThat(post(receiver, """
                    {"schema":"spikewatch.digest/1","id":"digest|team|a|0","alerts":[
                     {"id":"a|0","spike":{"start":"2024-08-13T00:03:00Z"}},{"id":"b|0","spike":{}}]}""")).isEqualTo(400);
            assertThat(post(receiver, "{\"schema\":\"spikewatch.digest/1\",\"id\":\"d\",\"alerts\":[]}")).isEqualTo(400);
            assertThat(receiver.rejections()).hasSize(2).last().asString().contains("without alerts");
            assertThat(receiver.arrivals()).isEmpty();
        }
    }

    @Test
    void aBodyThatIsNotAnAlertIsRefusedAndKept() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Clock.fixed(NOW, ZoneOffset.UTC), Optional::empty)) {
            assertThat(post(receiver, "{\"id\":\"x\",\"spike\":{}}")).isEqualTo(400);
            assertThat(receiver.rejections()).singleElement().asString().contains("'start'");
            assertThat(receiver.arrivals()).isEmpty();
        }
    }

}
