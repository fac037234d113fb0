package io.spikewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Where Elasticsearch is and how to talk to it: one or more http(s) node URLs, timeouts and
 * optional basic authentication. Immutable and serializable, so a Flink sink can carry it to the
 * task managers and open its clients there.
 *
 * <p>{@link #toString()} names the URLs and the user but never the password.
 */
public final class ElasticsearchConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The configuration key named in errors when the URLs come from {@link #of(String)}. */
    public static final String DEFAULT_KEY = "elasticsearch.url";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final List<URI> urls;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final String username;
    private final String password;

    private ElasticsearchConnection(
            List<URI> urls, Duration connectTimeout, Duration socketTimeout, String username, String password) {
        this.urls = List.copyOf(urls);
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.username = username;
        this.password = password;
    }

    /** Parses a comma-separated list of node URLs, e.g. {@code http://127.0.0.1:9200}. */
    public static ElasticsearchConnection of(String urls) {
        return parse(DEFAULT_KEY, urls);
    }

    /**
     * Parses a comma-separated list of http(s) node URLs read from configuration key {@code key};
     * errors name that key and the offending value.
     */
    public static ElasticsearchConnection parse(String key, String urls) {
        Objects.requireNonNull(key, "key");
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException(key + ": no Elasticsearch URL given");
        }
        List<URI> parsed = new ArrayList<>();
        for (String part : urls.split(",")) {
            parsed.add(parseUrl(key, part.trim()));
        }
        return new ElasticsearchConnection(parsed, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, null, null);
    }

    private static URI parseUrl(String key, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(key + ": '" + text + "' must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(key + ": '" + text + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    key + ": put credentials in the connection's basic auth, not in the URL (the URL is logged)");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException(key + ": '" + text + "' has a path; give the node root URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + ": '" + text + "' must not have a query or fragment");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : (scheme.equalsIgnoreCase("https") ? 443 : 80);
        return URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + ":" + port);
    }

    /** A copy that authenticates with HTTP basic auth. */
    public ElasticsearchConnection withBasicAuth(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("basic auth username must not be empty");
        }
        Objects.requireNonNull(password, "basic auth password");
        return new ElasticsearchConnection(urls, connectTimeout, socketTimeout, username, password);
    }

    /** A copy with another TCP connect timeout (default {@link #DEFAULT_CONNECT_TIMEOUT}). */
    public ElasticsearchConnection withConnectTimeout(Duration timeout) {
        return new ElasticsearchConnection(urls, positive("connectTimeout", timeout), socketTimeout, username, password);
    }

    /** A copy with another read timeout per request (default {@link #DEFAULT_SOCKET_TIMEOUT}). */
    public ElasticsearchConnection withSocketTimeout(Duration timeout) {
        return new ElasticsearchConnection(urls, connectTimeout, positive("socketTimeout", timeout), username, password);
    }

    private static Duration positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(setting + " must be a positive duration of at most "
                    + Integer.MAX_VALUE + " ms, got " + value);
        }
        return value;
    }

    public List<URI> urls() {
        return urls;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** The URLs, comma-separated, for messages. */
    public String describeUrls() {
        return String.join(",", urls.stream().map(URI::toString).toList());
    }

    /** A new low-level REST client; the caller closes it. */
    public RestClient createRestClient() {
        HttpHost[] hosts = urls.stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) socketTimeout.toMillis()));
        if (username != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    /** A new blocking client; closing it closes its REST client. */
    public ElasticsearchClient createClient() {
        return new ElasticsearchClient(new RestClientTransport(createRestClient(), new JacksonJsonpMapper()));
    }

    /** A new asynchronous client; closing it closes its REST client. */
    public ElasticsearchAsyncClient createAsyncClient() {
        return new ElasticsearchAsyncClient(new RestClientTransport(createRestClient(), new JacksonJsonpMapper()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElasticsearchConnection other
                && urls.equals(other.urls)
                && connectTimeout.equals(other.connectTimeout)
                && socketTimeout.equals(other.socketTimeout)
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(urls, connectTimeout, socketTimeout, username);
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection[urls=" + describeUrls()
                + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout
                + (username == null ? "" : ", basicAuth=" + username + ":***")
                + "]";
    }
}
