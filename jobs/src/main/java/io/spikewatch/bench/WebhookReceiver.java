package io.spikewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spikewatch.alerts.WebhookPayloads;
import io.spikewatch.schema.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's alert endpoint: a JDK HTTP server on a free loopback port that accepts the
 * generic webhook payloads, an alert ({@code spikewatch.alert/1}) or a digest of alerts
 * ({@code spikewatch.digest/1}, each of its alerts noted as an arrival with the digest's id),
 * answers 204 at once and then notes the arrival, with how far annotation had got by then (asked
 * after answering, so the question never slows the delivery). A body it cannot read is kept as a rejection, then answered 400, so
 * a sender that sees the 400 finds the rejection kept.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String PATH = "/alerts";
    private static final int HANDLER_THREADS = 2;
    private static final int NO_CONTENT = 204;
    private static final int BAD_REQUEST = 400;
    private static final int METHOD_NOT_ALLOWED = 405;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Clock clock;
    private final Supplier<Optional<Instant>> annotationProgress;
    private final List<AlertArrival> arrivals = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();

    /**
     * Starts listening.
     *
     * @param annotationProgress the event time annotation has reached, asked at each arrival
     */
    public WebhookReceiver(Clock clock, Supplier<Optional<Instant>> annotationProgress) throws IOException {
        this.clock = clock;
        this.annotationProgress = annotationProgress;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.handlers = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "bench-webhook");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The URL the alert rules' webhook channel posts to. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + PATH);
    }

    public synchronized List<AlertArrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /**
     * Waits until {@code count} alerts have arrived (each is noted just after its answer is sent)
     * or {@code timeout} has passed; returns whether they did.
     */
    public synchronized boolean awaitArrivals(int count, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrivals.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Requests that were not a readable alert, each with the reason. */
    public synchronized List<String> rejections() {
        return List.copyOf(rejections);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrivedAt = clock.instant();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, -1);
                return;
            }
            List<AlertArrival> received = new ArrayList<>();
            try {
                JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody());
                if (WebhookPayloads.DIGEST_SCHEMA.equals(body.path("schema").asText())) {
                    String digestId = required(body, "id");
                    if (!body.path("alerts").isArray() || body.path("alerts").isEmpty()) {
                        throw new IllegalArgumentException("a digest without alerts");
                    }
                    for (JsonNode alert : body.path("alerts")) {
                        received.add(arrival(alert, digestId, arrivedAt));
                    }
                } else {
                    received.add(arrival(body, null, arrivedAt));
                }
            } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
                synchronized (this) {
                    rejections.add("not a spikewatch alert: " + e.getMessage());
                }
                exchange.sendResponseHeaders(BAD_REQUEST, -1);
                return;
            }
            exchange.sendResponseHeaders(NO_CONTENT, -1);
            exchange.close();
            Instant annotated = null;
            try {
                annotated = annotationProgress.get().orElse(null);
            } catch (RuntimeException e) {
                LOG.warn("Alert {} arrived, but how far annotation had got is unknown: {}", received.get(0).alertId(), e.getMessage());
            }
            synchronized (this) {
                for (AlertArrival arrival : received) {
                    arrivals.add(arrival.withAnnotatedUpTo(annotated));
                }
                notifyAll();
            }
        }
    }

    /** An alert payload as an arrival, before the annotation progress is asked. */
    private static AlertArrival arrival(JsonNode alert, String digestId, Instant arrivedAt) {
        Instant spikeStart = Instant.parse(required(alert.path("spike"), "start"));
        return new AlertArrival(required(alert, "id"), alert.path("phase").asText(), spikeStart, arrivedAt, null, digestId);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text field '" + field + "'");
        }
        return value.asText();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
