package io.spikewatch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.spikewatch.secrets.Secret;
import io.spikewatch.testing.SelfSignedCa;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.util.InstantiationUtil;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchConnectionTest {

    private static final String PASSWORD = "pw-Xq81!zz";
    private static final String KEY_ID = "VuaCfGcBCdbkQm-e5aOx";
    private static final String KEY = "ui2lp2axTNmsyakw9tvNnw";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A real HTTP server on a free loopback port that answers every request with {@code status} and notes its Authorization header. */
    private String serve(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.getResponseHeaders().add("WWW-Authenticate", "ApiKey");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void anApiKeyGoesInTheAuthorizationHeaderEncoded() throws Exception {
        String url = serve(200);
        String encoded = Base64.getEncoder().encodeToString((KEY_ID + ":" + KEY).getBytes(StandardCharsets.UTF_8));
        for (String given : List.of(KEY_ID + ":" + KEY, encoded)) {
            ElasticsearchConnection connection = ElasticsearchConnection.of(url).withApiKey(new Secret(given));
            try (RestClient client = connection.createRestClient()) {
                client.performRequest(new Request("GET", "/"));
            }
        }
        assertThat(authorizations).containsExactly("ApiKey " + encoded, "ApiKey " + encoded);
    }

    @Test
    void basicAuthIsSentWithTheFirstRequest() throws Exception {
        String url = serve(200);
        try (RestClient client = ElasticsearchConnection.of(url).withBasicAuth("spikewatch", PASSWORD).createRestClient()) {
            client.performRequest(new Request("GET", "/"));
        }
        assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString(("spikewatch:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusedCredentialsAreNamedWithoutTheSecret() throws Exception {
        String url = serve(401);
        ElasticsearchConnection basic = ElasticsearchConnection.of(url).withBasicAuth("spikewatch", PASSWORD);
        assertThatThrownBy(() -> ElasticsearchAccessCheck.verify(basic))
                .isInstanceOf(ElasticsearchAccessException.class)
                .hasMessage("Elasticsearch at " + url + " refused user 'spikewatch' (HTTP 401): wrong password, or no such user");
        ElasticsearchConnection apiKey = ElasticsearchConnection.of(url).withApiKey(new Secret(KEY_ID + ":" + KEY));
        assertThatThrownBy(() -> ElasticsearchAccessCheck.verify(apiKey))
                .hasMessage("Elasticsearch at " + url + " refused an API key (HTTP 401): the API key is wrong, expired or invalidated")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void aClosedPortIsACleanError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:" + port).withBasicAuth("u", PASSWORD);
        assertThatThrownBy(() -> ElasticsearchAccessCheck.verify(connection))
                .isInstanceOf(ElasticsearchAccessException.class)
                .hasMessageStartingWith("Elasticsearch at http://127.0.0.1:" + port + ": cannot connect")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void theTrustedCaIsCarriedAsBytesAndNamedByFingerprint() throws Exception {
        byte[] pem = SelfSignedCa.pem(dir, "spikewatch-test-ca");
        ElasticsearchConnection connection = ElasticsearchConnection.of("https://127.0.0.1:9200")
                .withBasicAuth("spikewatch", PASSWORD).withTrustedCa(pem, "ca.crt");
        assertThat(connection.trustedCaFingerprint()).matches("[0-9A-F]{64}");
        assertThat(connection.toString())
                .isEqualTo("ElasticsearchConnection[urls=https://127.0.0.1:9200, connectTimeout=PT5S, socketTimeout=PT1M, "
                        + "basicAuth=spikewatch:******, trustedCa=ca.crt (SHA-256 " + connection.trustedCaFingerprint() + ")]");
        ElasticsearchConnection copy = InstantiationUtil.clone(connection);
        assertThat(copy).isEqualTo(connection);
        assertThat(copy.trustedCaFingerprint()).isEqualTo(connection.trustedCaFingerprint());
        connection.createRestClient().close();
    }

    @Test
    void aFileThatIsNoCertificateIsRefusedByName() {
        ElasticsearchConnection connection = ElasticsearchConnection.of("https://127.0.0.1:9200");
        assertThatThrownBy(() -> connection.withTrustedCa("not a certificate".getBytes(StandardCharsets.UTF_8), "ca.crt"))
                .hasMessageStartingWith("ca.crt: ");
        assertThatThrownBy(() -> connection.withTrustedCa(new byte[0], "empty.crt"))
                .hasMessageStartingWith("empty.crt: holds no certificate");
    }

    @Test
    void theApiKeyShowsNowhere() throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:9200").withApiKey(new Secret(KEY_ID + ":" + KEY));
        String encoded = Base64.getEncoder().encodeToString((KEY_ID + ":" + KEY).getBytes(StandardCharsets.UTF_8));
        assertThat(connection.toString()).contains("apiKey=******").doesNotContain(KEY).doesNotContain(encoded);
        assertThat(connection.redact("echo " + encoded + " and " + KEY_ID + ":" + KEY)).isEqualTo("echo ****** and ******");
        assertThat(InstantiationUtil.clone(connection)).isEqualTo(connection);
        assertThatThrownBy(() -> connection.withApiKey(new Secret("two words")))
                .hasMessageNotContaining("two words");
    }

    @Test
    void parsesSeveralUrlsAndFillsDefaultPorts() {
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:9200, https://es.example.org");
        assertThat(connection.urls()).containsExactly(
                URI.create("http://127.0.0.1:9200"), URI.create("https://es.example.org:443"));
        assertThat(connection.describeUrls()).isEqualTo("http://127.0.0.1:9200,https://es.example.org:443");
    }

    @Test
    void aMalformedUrlNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> ElasticsearchConnection.parse("sink.es.hosts", "localhost:9200"))
                .hasMessage("sink.es.hosts: 'localhost:9200' must start with http:// or https://");
        assertThatThrownBy(() -> ElasticsearchConnection.parse("sink.es.hosts", "http://exa mple:9200"))
                .hasMessageStartingWith("sink.es.hosts: 'http://exa mple:9200' is not a URL");
        assertThatThrownBy(() -> ElasticsearchConnection.of(""))
                .hasMessage("elasticsearch.url: no Elasticsearch URL given");
        assertThatThrownBy(() -> ElasticsearchConnection.of("http://127.0.0.1:9200/es"))
                .hasMessageContaining("has a path");
    }

    @Test
    void credentialsNeverShowUp() {
        assertThatThrownBy(() -> ElasticsearchConnection.of("http://elastic:s3cret@127.0.0.1:9200"))
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ElasticsearchConnection.of("http://elastic:s3 cret@127.0.0.1:9200"))
                .hasMessageNotContaining("s3 cret");
        assertThatThrownBy(() -> ElasticsearchConnection.of("elastic:s3cret@127.0.0.1:9200"))
                .hasMessageNotContaining("s3cret");
        ElasticsearchConnection connection =
                ElasticsearchConnection.of("http://127.0.0.1:9200").withBasicAuth("elastic", "s3cret");
        assertThat(connection.toString()).contains("elastic").doesNotContain("s3cret");
    }

    @Test
    void isSerializableAndImmutable() throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of("http://127.0.0.1:9200");
        ElasticsearchConnection slower = connection.withSocketTimeout(Duration.ofMinutes(2));
        assertThat(connection.socketTimeout()).isEqualTo(ElasticsearchConnection.DEFAULT_SOCKET_TIMEOUT);
        assertThat(InstantiationUtil.clone(slower)).isEqualTo(slower);
        assertThatThrownBy(() -> connection.withConnectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
    }
}
