package io.spikewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.spikewatch.secrets.Secret;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.message.BasicHeader;
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
 * Where Elasticsearch is and how to talk to it: one or more http(s) node URLs, timeouts, optional
 * credentials (HTTP basic auth or an API key, never both) and optionally the CA certificate(s)
 * to trust for https. Immutable and serializable, so a Flink sink can carry it to the task
 * managers and open its clients there: the CA travels as the certificate's PEM bytes, not as a
 * path, since a task manager may run on a machine without that file.
 *
 * <p>{@link #toString()} names the URLs, the user and the CA's fingerprint, never the password
 * or the API key; no exception thrown here contains them either.
 */
public final class ElasticsearchConnection implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The configuration key named in errors when the URLs come from {@link #of(String)}. */
    public static final String DEFAULT_KEY = "elasticsearch.url";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    /** How the request header of API-key authentication starts (Elasticsearch's scheme name). */
    static final String API_KEY_SCHEME = "ApiKey ";

    private final List<URI> urls;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final String username;
    private final Secret password;
    private final Secret apiKey;
    private final byte[] trustedCaPem;
    private final String trustedCaSource;

    private ElasticsearchConnection(List<URI> urls, Duration connectTimeout, Duration socketTimeout, String username,
            Secret password, Secret apiKey, byte[] trustedCaPem, String trustedCaSource) {
        this.urls = List.copyOf(urls);
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.username = username;
        this.password = password;
        this.apiKey = apiKey;
        this.trustedCaPem = trustedCaPem;
        this.trustedCaSource = trustedCaSource;
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
        return new ElasticsearchConnection(parsed, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, null, null, null, null, null);
    }

    /**
     * The node URLs of a list, each read from {@code key[i]}; errors name that item. A list may not
     * be empty.
     */
    public static ElasticsearchConnection parse(String key, List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException(key + ": no Elasticsearch URL given");
        }
        List<URI> parsed = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            parsed.add(parseUrl(key + "[" + i + "]", urls.get(i) == null ? "" : urls.get(i).trim()));
        }
        return new ElasticsearchConnection(parsed, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, null, null, null, null, null);
    }

    private static URI parseUrl(String key, String text) {
        // user:password@ must never be echoed, whatever else is wrong with the value
        String shown = text.contains("@") ? "the value (not shown: it has '@', maybe credentials)" : "'" + text + "'";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": " + shown + " is not a URL"
                    + (text.contains("@") ? "" : ": " + e.getReason()));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    key + ": put credentials in the connection's authentication, not in the URL (the URL is logged)");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(key + ": " + shown + " must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(key + ": " + shown + " has no host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException(key + ": " + shown + " has a path; give the node root URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(key + ": " + shown + " must not have a query or fragment");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : (scheme.equalsIgnoreCase("https") ? 443 : 80);
        return URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + ":" + port);
    }

    /** A copy that authenticates with HTTP basic auth instead of any API key. */
    public ElasticsearchConnection withBasicAuth(String username, String password) {
        Objects.requireNonNull(password, "basic auth password");
        return withBasicAuth(username, new Secret(password));
    }

    /** A copy that authenticates with HTTP basic auth instead of any API key. */
    public ElasticsearchConnection withBasicAuth(String username, Secret password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("basic auth username must not be empty");
        }
        if (username.contains(":")) {
            throw new IllegalArgumentException("basic auth username must not contain ':'");
        }
        Objects.requireNonNull(password, "basic auth password");
        if (password.reveal().isEmpty()) {
            throw new IllegalArgumentException("basic auth password of user '" + username + "' is empty");
        }
        return new ElasticsearchConnection(urls, connectTimeout, socketTimeout, username, password, null,
                trustedCaPem, trustedCaSource);
    }

    /**
     * A copy that authenticates with an Elasticsearch API key instead of basic auth: either the
     * encoded form (the {@code encoded} field of the create-API-key response, Base64 of
     * {@code id:api_key}) or {@code id:api_key} itself, which is encoded here.
     */
    public ElasticsearchConnection withApiKey(Secret key) {
        Objects.requireNonNull(key, "apiKey");
        String value = key.reveal().strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("the API key holds spaces or characters outside printable ASCII; "
                    + "give the encoded key or ID:KEY");
        }
        String encoded = value.contains(":")
                ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                : value;
        return new ElasticsearchConnection(urls, connectTimeout, socketTimeout, null, null, new Secret(encoded),
                trustedCaPem, trustedCaSource);
    }

    /**
     * A copy that trusts, for https, only the CA certificate(s) of this PEM text (one or more
     * {@code -----BEGIN CERTIFICATE-----} blocks) instead of the JVM's default trust store.
     *
     * @param source what to call the certificate in messages (its file name)
     * @throws IllegalArgumentException naming {@code source} when the text holds no readable certificate
     */
    public ElasticsearchConnection withTrustedCa(byte[] pem, String source) {
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(source, "source");
        byte[] copy = pem.clone();
        certificates(copy, source);
        return new ElasticsearchConnection(urls, connectTimeout, socketTimeout, username, password, apiKey, copy, source);
    }

    /** A copy with another TCP connect timeout (default {@link #DEFAULT_CONNECT_TIMEOUT}). */
    public ElasticsearchConnection withConnectTimeout(Duration timeout) {
        return new ElasticsearchConnection(urls, positive("connectTimeout", timeout), socketTimeout, username, password,
                apiKey, trustedCaPem, trustedCaSource);
    }

    /** A copy with another read timeout per request (default {@link #DEFAULT_SOCKET_TIMEOUT}). */
    public ElasticsearchConnection withSocketTimeout(Duration timeout) {
        return new ElasticsearchConnection(urls, connectTimeout, positive("socketTimeout", timeout), username, password,
                apiKey, trustedCaPem, trustedCaSource);
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

    /** The basic-auth user, or null when the connection does not use basic auth. */
    public String username() {
        return username;
    }

    /** Whether requests carry an API key. */
    public boolean usesApiKey() {
        return apiKey != null;
    }

    /** What the trusted CA certificate was read from, or null when the JVM's default trust store is used. */
    public String trustedCaSource() {
        return trustedCaSource;
    }

    /** The URLs, comma-separated, for messages. */
    public String describeUrls() {
        return String.join(",", urls.stream().map(URI::toString).toList());
    }

    /** How the connection authenticates, for messages: "user 'NAME'", "an API key" or "no credentials". */
    public String describeCredentials() {
        if (username != null) {
            return "user '" + username + "'";
        }
        return apiKey != null ? "an API key" : "no credentials";
    }

    /**
     * {@code text} with this connection's password and API key (raw and encoded) hidden: for
     * messages that quote what a library or the server wrote.
     */
    public String redact(String text) {
        String result = text;
        for (Secret secret : new Secret[] {password, apiKey}) {
            if (secret != null) {
                result = secret.redact(result);
            }
        }
        if (apiKey != null && result != null) {
            String decoded = decodedApiKey();
            if (decoded != null) {
                result = new Secret(decoded).redact(result);
            }
        }
        return result;
    }

    private String decodedApiKey() {
        try {
            return new String(Base64.getDecoder().decode(apiKey.reveal()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
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
        if (apiKey != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", API_KEY_SCHEME + apiKey.reveal())});
        }
        BasicCredentialsProvider credentials = null;
        if (username != null) {
            credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password.reveal()));
        }
        SSLContext ssl = trustedCaPem == null ? null : sslContext();
        if (credentials != null || ssl != null) {
            BasicCredentialsProvider provider = credentials;
            builder.setHttpClientConfigCallback(http -> {
                if (provider != null) {
                    http.setDefaultCredentialsProvider(provider);
                }
                if (ssl != null) {
                    http.setSSLContext(ssl);
                }
                return http;
            });
        }
        return builder.build();
    }

    /** A TLS context that trusts exactly the configured CA certificates (host names are still verified). */
    private SSLContext sslContext() {
        try {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            List<X509Certificate> cas = certificates(trustedCaPem, trustedCaSource);
            for (int i = 0; i < cas.size(); i++) {
                trustStore.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS trusting " + trustedCaSource + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(byte[] pem, String source) {
        List<X509Certificate> result = new ArrayList<>();
        try {
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                result.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(source + ": not a PEM certificate (-----BEGIN CERTIFICATE-----): "
                    + e.getMessage(), e);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(source + ": holds no certificate; expected one or more PEM blocks "
                    + "(-----BEGIN CERTIFICATE-----)");
        }
        return result;
    }

    /** The SHA-256 fingerprint of the first trusted CA certificate, as Elasticsearch prints it, or null. */
    public String trustedCaFingerprint() {
        if (trustedCaPem == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(certificates(trustedCaPem, trustedCaSource).get(0).getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot fingerprint the CA certificate of " + trustedCaSource, e);
        }
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
                && Objects.equals(password, other.password)
                && Objects.equals(apiKey, other.apiKey)
                && Arrays.equals(trustedCaPem, other.trustedCaPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(urls, connectTimeout, socketTimeout, username, Arrays.hashCode(trustedCaPem));
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection[urls=" + describeUrls()
                + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout
                + (username == null ? "" : ", basicAuth=" + username + ":" + password)
                + (apiKey == null ? "" : ", apiKey=" + apiKey)
                + (trustedCaPem == null ? "" : ", trustedCa=" + trustedCaSource + " (SHA-256 " + trustedCaFingerprint() + ")")
                + "]";
    }
}
