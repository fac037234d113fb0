package io.spikewatch.alerts;

import io.spikewatch.secrets.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A channel of the rules file's {@code channels:} section, after environment variables were
 * substituted. Secrets are {@link Secret}s, so printing a config never shows them.
 */
public sealed interface ChannelConfig {

    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    String name();

    /** Prints alerts on the job's standard output. */
    record Console(String name) implements ChannelConfig {}

    /**
     * Posts JSON to a URL: the generic payload ({@code webhook}) or Slack's ({@code slack}).
     *
     * @param url a secret, as webhook URLs often hold their token
     * @param headers extra request headers; values are secrets (authorization tokens)
     */
    record Webhook(String name, WebhookFormat format, Secret url, Map<String, Secret> headers, Duration timeout)
            implements ChannelConfig {
        public Webhook {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Sends a plain-text e-mail over SMTP.
     *
     * @param username null for no authentication
     * @param password null for no authentication
     */
    record Email(String name, String host, int port, boolean startTls, String username, Secret password, String from,
            List<String> to, Duration timeout) implements ChannelConfig {
        public static final int DEFAULT_PORT = 587;

        public Email {
            to = List.copyOf(to);
        }
    }

    /** Which JSON a webhook channel posts. */
    enum WebhookFormat {
        /** {@link WebhookPayloads#generic}: the alert and its explanation. */
        GENERIC,
        /** {@link WebhookPayloads#slack}: Slack's incoming-webhook {@code text} and {@code blocks}. */
        SLACK
    }
}
