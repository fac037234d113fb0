package io.spikewatch.index;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.http.ConnectionClosedException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * One request to Elasticsearch before a job starts, so that a wrong password, an untrusted
 * certificate or a wrong scheme stops the run at once with a sentence saying which, instead of
 * a job that restarts its tasks on a stack trace. Messages name the URLs, the user and the CA
 * file; never a password or key (they also pass through {@link ElasticsearchConnection#redact}).
 */
public final class ElasticsearchAccessCheck {

    private static final int UNAUTHORIZED = 401;

    private ElasticsearchAccessCheck() {}

    /**
     * Asks the cluster for its root endpoint with the connection's credentials and TLS settings.
     * A refused login or a failed connection or handshake throws; any other answer (including
     * 403, a user without the {@code monitor} privilege) means the cluster was reached and the
     * credentials were accepted.
     *
     * @throws ElasticsearchAccessException saying what failed and what to check
     */
    public static void verify(ElasticsearchConnection connection) {
        String where = "Elasticsearch at " + connection.describeUrls();
        try (RestClient client = connection.createRestClient()) {
            client.performRequest(new Request("GET", "/"));
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == UNAUTHORIZED) {
                throw failure(connection, where + " refused " + connection.describeCredentials() + " (HTTP 401): "
                        + (connection.usesApiKey() ? "the API key is wrong, expired or invalidated"
                        : connection.username() != null ? "wrong password, or no such user"
                        : "the cluster requires authentication; configure a user and password or an API key"), null);
            }
            // Reached, over TLS where asked, and not refused: privileges are checked by the requests that need them.
        } catch (IOException e) {
            throw failure(connection, where + ": " + transportProblem(connection, e), e);
        }
    }

    private static String transportProblem(ElasticsearchConnection connection, IOException e) {
        boolean https = connection.urls().stream().anyMatch(u -> u.getScheme().equals("https"));
        String ca = connection.trustedCaSource();
        // The certificate's own problem first: the client wraps it in handshake exceptions of its own.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || String.valueOf(t.getMessage()).startsWith("PKIX path")) {
                return "the server's TLS certificate is not trusted: "
                        + (ca == null ? "it is not signed by a CA this JVM trusts; give the cluster's CA certificate"
                        : "it is not signed by the CA of " + ca);
            }
            if (t instanceof SSLPeerUnverifiedException) {
                return "the server's TLS certificate does not name the host of the URL (" + t.getMessage() + ")";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                return "the TLS handshake failed: " + t.getMessage();
            }
            if (t instanceof ConnectionClosedException && !https) {
                return "the server closed the connection without an answer; if it has TLS on, use https:// URLs";
            }
            if (t instanceof ConnectException) {
                return "cannot connect (" + t.getMessage() + ")";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
        }
        return "no answer: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static ElasticsearchAccessException failure(ElasticsearchConnection connection, String message, Throwable cause) {
        return new ElasticsearchAccessException(connection.redact(message), cause == null ? null : new RedactedCause(connection, cause));
    }

    /**
     * The cause of a failed check with its message redacted, so a handler that prints the cause
     * chain shows nothing secret; the original stack trace is kept.
     */
    private static final class RedactedCause extends IOException {
        private static final long serialVersionUID = 1L;

        RedactedCause(ElasticsearchConnection connection, Throwable original) {
            super(original.getClass().getName() + ": " + connection.redact(String.valueOf(original.getMessage())));
            setStackTrace(original.getStackTrace());
        }
    }
}
