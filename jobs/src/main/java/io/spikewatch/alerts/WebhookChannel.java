package io.spikewatch.alerts;

import io.spikewatch.secrets.Secret;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Posts an alert or a digest as JSON ({@link WebhookPayloads}) to a URL. A 2xx answer is delivered; 408,
 * 429, 5xx, timeouts and connection errors are worth retrying; any other status is not. Errors
 * name the host only: the URL's path and query often hold the token. The start of the server's
 * answer is quoted in the error, with the URL, its path, its query and every header value
 * blanked out, in case the server echoes the request.
 */
public final class WebhookChannel implements AlertChannel {

    private static final int MAX_ERROR_BODY_CHARS = 200;

    private final ChannelConfig.Webhook config;
    private final HttpClient client;
    private final URI uri;
    private final String host;
    /** What the server's answer must not show when quoted: the URL and its parts, the header values. */
    private final List<Secret> echoed = new ArrayList<>();

    public WebhookChannel(ChannelConfig.Webhook config, HttpClient client) {
        this.config = config;
        this.client = client;
        this.uri = URI.create(config.url().reveal());
        this.host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        echoed.add(config.url());
        for (String part : new String[] {uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery()}) {
            if (part != null && !part.isEmpty() && !part.equals("/")) {
                echoed.add(new Secret(part));
            }
        }
        echoed.addAll(config.headers().values());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void send(Alert alert) throws DeliveryException {
        post(config.format() == ChannelConfig.WebhookFormat.SLACK ? WebhookPayloads.slack(alert) : WebhookPayloads.generic(alert));
    }

    @Override
    public void send(AlertDigest digest) throws DeliveryException {
        post(config.format() == ChannelConfig.WebhookFormat.SLACK ? WebhookPayloads.slack(digest) : WebhookPayloads.generic(digest));
    }

    private void post(ObjectNode payload) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "spikewatch-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString(), StandardCharsets.UTF_8));
        for (Map.Entry<String, Secret> header : config.headers().entrySet()) {
            request.header(header.getKey(), header.getValue().reveal());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer from " + host + " within " + DurationText.format(config.timeout()), true, e);
        } catch (IOException e) {
            throw new DeliveryException("cannot reach " + host + ": " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + host, false, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        boolean retryable = status == 408 || status == 429 || status / 100 == 5;
        String body = response.body() == null ? "" : response.body().strip();
        for (Secret secret : echoed) {
            body = secret.redact(body);
        }
        if (body.length() > MAX_ERROR_BODY_CHARS) {
            body = body.substring(0, MAX_ERROR_BODY_CHARS) + "…";
        }
        throw new DeliveryException("HTTP " + status + " from " + host + (body.isEmpty() ? "" : ": " + body), retryable);
    }
}
