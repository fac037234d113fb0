package io.spikewatch.alerts;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an alert to each of its channels in turn, retrying failures that a retry may fix
 * ({@link DeliveryRetry}), and returns one {@link Delivery} per channel, failed ones included
 * (also logged at WARN), for the caller to index with the alert.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** Waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
    }

    private final Map<String, AlertChannel> channels;
    private final DeliveryRetry retry;
    private final Clock clock;
    private final Sleeper sleeper;

    public Notifier(Map<String, AlertChannel> channels, DeliveryRetry retry, Clock clock, Sleeper sleeper) {
        this.channels = Map.copyOf(channels);
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The channels of {@code config}: console channels print to {@code console}, webhooks share
     * {@code http}, e-mail channels open an SMTP connection per alert.
     */
    public static Map<String, AlertChannel> channels(AlertConfig config, PrintStream console, HttpClient http) {
        Map<String, AlertChannel> result = new LinkedHashMap<>();
        for (ChannelConfig channel : config.channels().values()) {
            AlertChannel created;
            if (channel instanceof ChannelConfig.Webhook webhook) {
                created = new WebhookChannel(webhook, http);
            } else if (channel instanceof ChannelConfig.Email email) {
                created = new EmailChannel(email);
            } else {
                created = new ConsoleChannel(channel.name(), console);
            }
            result.put(channel.name(), created);
        }
        return result;
    }

    public List<Delivery> deliver(Alert alert) {
        List<Delivery> deliveries = new ArrayList<>();
        for (String name : alert.channels()) {
            Delivery delivery = deliver(alert, name);
            if (delivery.status() == DeliveryStatus.FAILED) {
                LOG.warn("Alert {} was not delivered to channel {} after {} attempt(s): {}", alert.id(), name,
                        delivery.attempts(), delivery.lastError());
            }
            deliveries.add(delivery);
        }
        return deliveries;
    }

    private Delivery deliver(Alert alert, String name) {
        Instant first = clock.instant();
        AlertChannel channel = channels.get(name);
        if (channel == null) {
            return new Delivery(alert.id(), name, 0, DeliveryStatus.FAILED, "no channel named '" + name + "' is enabled",
                    first, first);
        }
        String lastError = null;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                channel.send(alert);
                return new Delivery(alert.id(), name, attempt, DeliveryStatus.DELIVERED, lastError, first, clock.instant());
            } catch (DeliveryException e) {
                lastError = e.getMessage();
                if (!e.retryable() || attempt >= retry.maxAttempts()) {
                    break;
                }
                Duration wait = retry.backoffAfter(attempt);
                Instant resumeAt = clock.instant().plus(wait);
                if (resumeAt.isAfter(first.plus(retry.maxTotal()))) {
                    lastError += " (gave up: the next attempt would pass the " + DurationText.format(retry.maxTotal())
                            + " limit)";
                    break;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    lastError += " (interrupted while waiting to retry)";
                    break;
                }
            } catch (RuntimeException e) {
                lastError = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
                break;
            }
        }
        return new Delivery(alert.id(), name, attempt, DeliveryStatus.FAILED, lastError, first, clock.instant());
    }
}
