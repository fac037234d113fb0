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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an alert to all of its channels at once, each retrying on its own the failures that a
 * retry may fix ({@link DeliveryRetry}), and returns one {@link Delivery} per channel in the
 * alert's channel order, failed ones included (also logged at WARN), for the caller to index with
 * the alert. A slow or failing channel (an SMTP server that times out, a webhook answering 503)
 * therefore delays no other: {@link #deliver} takes as long as its slowest channel, not the sum.
 *
 * <p>The channels run on a small pool of daemon threads owned by the notifier (at most
 * {@value #MAX_PARALLEL_CHANNELS} deliveries at once; more channels queue); {@link #close()}
 * stops it.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** Waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
    }

    /** Deliveries of one alert that run at the same time; an alert rarely has more channels. */
    public static final int MAX_PARALLEL_CHANNELS = 4;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Map<String, AlertChannel> channels;
    private final DeliveryRetry retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ExecutorService pool;

    public Notifier(Map<String, AlertChannel> channels, DeliveryRetry retry, Clock clock, Sleeper sleeper) {
        this.channels = Map.copyOf(channels);
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL_CHANNELS, this.channels.size())),
                daemonThreads("alert-delivery-" + POOLS.incrementAndGet() + "-"));
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

    /**
     * Sends {@code alert} to each of its channels concurrently and waits for all of them.
     *
     * @return one delivery per channel of the alert, in the alert's channel order. When the
     *     calling thread is interrupted while waiting, the channels still running are interrupted
     *     too and recorded as FAILED ("interrupted"), and the thread's interrupt flag is set again.
     * @throws IllegalStateException when the notifier is closed
     */
    public List<Delivery> deliver(Alert alert) {
        if (pool.isShutdown()) {
            throw new IllegalStateException("the notifier is closed; alert " + alert.id() + " was not sent");
        }
        Instant submitted = clock.instant();
        List<Future<Delivery>> running = new ArrayList<>();
        for (String name : alert.channels()) {
            running.add(pool.submit(() -> deliver(alert, name)));
        }
        List<Delivery> deliveries = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < running.size(); i++) {
            String name = alert.channels().get(i);
            Future<Delivery> future = running.get(i);
            Delivery delivery;
            try {
                delivery = interrupted ? unfinished(alert, name, future, submitted) : future.get();
            } catch (InterruptedException e) {
                interrupted = true;
                running.forEach(f -> f.cancel(true));
                delivery = unfinished(alert, name, future, submitted);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                delivery = new Delivery(alert.id(), name, 0, DeliveryStatus.FAILED,
                        "unexpected " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), submitted, clock.instant());
            }
            if (delivery.status() == DeliveryStatus.FAILED) {
                LOG.warn("Alert {} was not delivered to channel {} after {} attempt(s): {}", alert.id(), name,
                        delivery.attempts(), delivery.lastError());
            }
            deliveries.add(delivery);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return deliveries;
    }

    /** The delivery of a channel whose wait was cut short: its result if it finished after all, else FAILED. */
    private Delivery unfinished(Alert alert, String name, Future<Delivery> future, Instant submitted) {
        if (future.isDone() && !future.isCancelled()) {
            try {
                return future.get();
            } catch (InterruptedException | ExecutionException | CancellationException e) {
                // falls through to the failed record below
            }
        }
        return new Delivery(alert.id(), name, 0, DeliveryStatus.FAILED,
                "interrupted before the delivery finished (the job is stopping)", submitted, clock.instant());
    }

    /** Stops the delivery threads; deliveries still running are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One attempt at sending something to a channel. */
    @FunctionalInterface
    private interface Sending {
        void sendTo(AlertChannel channel) throws DeliveryException;
    }

    private Delivery deliver(Alert alert, String name) {
        return deliver(alert.id(), name, channel -> channel.send(alert));
    }

    /**
     * Sends {@code digest} to its channel, retrying as for an alert, and waits for it.
     *
     * @return the delivery, under the digest's id; the caller records it with each alert of the digest
     */
    public Delivery deliver(AlertDigest digest) {
        if (pool.isShutdown()) {
            throw new IllegalStateException("the notifier is closed; digest " + digest.id() + " was not sent");
        }
        Delivery delivery = deliver(digest.id(), digest.channel(), channel -> channel.send(digest));
        if (delivery.status() == DeliveryStatus.FAILED) {
            LOG.warn("Digest {} of {} alert(s) was not delivered to channel {} after {} attempt(s): {}", digest.id(),
                    digest.alerts().size(), digest.channel(), delivery.attempts(), delivery.lastError());
        }
        return delivery;
    }

    private Delivery deliver(String id, String name, Sending sending) {
        Instant first = clock.instant();
        AlertChannel channel = channels.get(name);
        if (channel == null) {
            return new Delivery(id, name, 0, DeliveryStatus.FAILED, "no channel named '" + name + "' is enabled",
                    first, first);
        }
        String lastError = null;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                sending.sendTo(channel);
                return new Delivery(id, name, attempt, DeliveryStatus.DELIVERED, lastError, first, clock.instant());
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
        return new Delivery(id, name, attempt, DeliveryStatus.FAILED, lastError, first, clock.instant());
    }
}
