package io.spikewatch.live;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.schema.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page's HTTP server (the JDK's {@code HttpServer}, on the loopback address only): the
 * page's static files and one JSON endpoint per panel, each a fixed read-only query of
 * {@link LiveQueries} whose parameters are checked ({@link QueryParameters}); anything else is a
 * 400 with the reason, 404 or 405. The browser never talks to Elasticsearch.
 *
 * <p>Every response carries a strict Content-Security-Policy (scripts, styles and data from this
 * origin only, no inline script, no framing), {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer}. Requests whose {@code Host} is not this server's loopback
 * address or {@code localhost} are refused, so a web page elsewhere cannot read the data through
 * DNS rebinding.
 */
public final class LiveServer implements AutoCloseable {

    /** The port the commands use unless told otherwise. */
    public static final int DEFAULT_PORT = 8088;
    public static final int MAX_PORT = 65_535;
    /** Requests handled at once: the page asks for its panels in parallel. */
    static final int WORKER_THREADS = 4;
    /** How long {@link #close()} lets running requests finish. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(LiveServer.class);
    private static final Set<String> RANGE = Set.of("from", "to");

    /** One JSON endpoint: the parameters it accepts and its query; a null result is a 404. */
    private record Endpoint(Set<String> parameters, Handler handler) {}

    @FunctionalInterface
    private interface Handler {
        JsonNode handle(QueryParameters parameters) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ElasticsearchClient client;
    private final StaticAssets assets;
    private final Map<String, Endpoint> endpoints;
    private final URI url;

    private LiveServer(HttpServer server, ExecutorService workers, ElasticsearchClient client, LiveQueries queries) {
        this.server = server;
        this.workers = workers;
        this.client = client;
        this.assets = StaticAssets.load();
        this.url = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/");
        this.endpoints = Map.ofEntries(
                Map.entry("/api/extent", new Endpoint(Set.of(), p -> queries.extent())),
                Map.entry("/api/volume", new Endpoint(RANGE, p -> queries.volume(p.timeRange()))),
                Map.entry("/api/share-of-voice", new Endpoint(RANGE, p -> queries.shareOfVoice(p.timeRange()))),
                Map.entry("/api/entity-sentiment", new Endpoint(Set.of("from", "to", "entity"),
                        p -> queries.entitySentiment(p.timeRange(), p.optionalEntity("entity")))),
                Map.entry("/api/top-entities", new Endpoint(RANGE, p -> queries.topEntities(p.timeRange()))),
                Map.entry("/api/most-reach", new Endpoint(RANGE, p -> queries.mostReachPosts(p.timeRange()))),
                Map.entry("/api/negative-posts", new Endpoint(RANGE, p -> queries.latestNegativePosts(p.timeRange()))),
                Map.entry("/api/statements", new Endpoint(RANGE, p -> queries.statements(p.timeRange()))),
                Map.entry("/api/alerts", new Endpoint(RANGE, p -> queries.alerts(p.timeRange()))),
                Map.entry("/api/spikes", new Endpoint(RANGE, p -> queries.spikes(p.timeRange()))),
                Map.entry("/api/spike", new Endpoint(Set.of("id"), p -> queries.spike(p.spikeId("id")))));
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    /**
     * Starts serving the indices of {@code indices} at {@code connection} on {@code port} of the
     * loopback address (0: any free port; {@link #url()} tells which). The server opens its own
     * client and closes it in {@link #close()}.
     *
     * @throws IOException when the port is taken, with the address in the message
     */
    public static LiveServer start(ElasticsearchConnection connection, IndexNames indices, int port) throws IOException {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is not between 0 (any free port) and " + MAX_PORT);
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new IOException("cannot serve the live page on " + address.getAddress().getHostAddress() + ":" + port + ": "
                    + e.getMessage() + " (choose another port, or 0 for any free one)", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, r -> {
            Thread thread = new Thread(r, "live-page-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ElasticsearchClient client = connection.createClient();
        LiveServer live;
        try {
            live = new LiveServer(server, workers, client, new LiveQueries(client, indices));
        } catch (RuntimeException e) {
            server.stop(0);
            workers.shutdownNow();
            client.close();
            throw e;
        }
        server.start();
        LOG.info("Live page at {} reading {} with prefix {}", live.url, connection.describeUrls(), indices.prefix());
        return live;
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public URI url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, lets running requests finish for up to {@link #STOP_GRACE}, and closes the client. */
    @Override
    public void close() throws IOException {
        server.stop((int) STOP_GRACE.toSeconds());
        workers.shutdown();
        try {
            workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            securityHeaders(exchange.getResponseHeaders());
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendError(exchange, 405, "method " + Strings.clip(method) + " is not allowed; the live page is read-only");
                return;
            }
            if (!allowedHost(exchange.getRequestHeaders().getFirst("Host"))) {
                sendError(exchange, 403, "the live page answers only to 127.0.0.1:" + port() + " or localhost:" + port());
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Endpoint endpoint = endpoints.get(path);
            if (endpoint != null) {
                serveJson(exchange, endpoint);
                return;
            }
            StaticAssets.Asset asset = assets.get(path);
            if (asset == null) {
                sendError(exchange, 404, "nothing at " + Strings.clip(path));
                return;
            }
            if (exchange.getRequestURI().getRawQuery() != null) {
                sendError(exchange, 400, "the page's files take no parameters");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, asset.contentType(), asset.bytes());
        } catch (RuntimeException e) {
            LOG.warn("Live page request {} failed", exchange.getRequestURI().getRawPath(), e);
        }
    }

    private void serveJson(HttpExchange exchange, Endpoint endpoint) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        JsonNode body;
        try {
            body = endpoint.handler().handle(QueryParameters.parse(exchange.getRequestURI().getRawQuery(), endpoint.parameters()));
        } catch (BadRequestException e) {
            sendError(exchange, 400, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Live page query {} failed", exchange.getRequestURI().getRawPath(), e);
            sendError(exchange, 502, "Elasticsearch did not answer the query: " + e.getMessage());
            return;
        }
        if (body == null) {
            sendError(exchange, 404, "no such document");
            return;
        }
        send(exchange, 200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
    }

    private boolean allowedHost(String host) {
        if (host == null) {
            return false;
        }
        int port = port();
        return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port) || host.equals("[::1]:" + port);
    }

    static void securityHeaders(Headers headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().put("error", message));
        send(exchange, status, "application/json; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
