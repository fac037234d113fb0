package io.spikewatch.monitor;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.alerts.Alert;
import io.spikewatch.alerts.AlertConfig;
import io.spikewatch.alerts.AlertDigest;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.alerts.ChannelDigest;
import io.spikewatch.alerts.Delivery;
import io.spikewatch.alerts.DeliveryRetry;
import io.spikewatch.alerts.DeliveryStatus;
import io.spikewatch.alerts.Notifier;
import io.spikewatch.flink.JsonTypeInfo;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.ElasticsearchSinkBuilder;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.RetryPolicy;
import io.spikewatch.schema.Json;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to their channels, once: the alerts index is the record of what was delivered.
 * Before sending, the alert's document is read back (alert ids are deterministic, so an alert
 * replayed after a restart from a checkpoint finds its earlier record) and channels that already
 * got it are skipped; after sending, the document is written at once with every delivery, failed
 * ones included. Only a crash between a delivery and that write can repeat it. Both requests wait
 * out an Elasticsearch outage with the sink's backoff ({@link PatientElasticsearchCalls}, up to
 * {@link ElasticsearchSinkBuilder#DEFAULT_MAX_RETRY_TIME}) rather than fail the job: a failover
 * during the outage would come back to a record that lacks the deliveries just made.
 *
 * <p>Deliveries block this operator while they retry (bounded by {@link DeliveryRetry}); the
 * channels of one alert are sent to concurrently ({@link Notifier}), so an alert holds the
 * operator as long as its slowest channel, and every channel's delivery, failed or not, is in the
 * document written afterwards. It runs on the alert path only, after detection, so it never holds
 * back counting or annotation.
 *
 * <p><b>Digests.</b> A channel with a digest period ({@link ChannelDigest}) gets an alert at once
 * when it is quiet; alerts that come during its period are recorded as {@code held} (naming the
 * digest they wait for) and kept in Flink state, so a restart loses none, and go out as one
 * digest when the period ends (a processing-time timer; periods are measured on Flink's processing
 * time), or when a bounded input ends (an event-time timer at the end of time: Flink drops
 * processing-time timers then). Before a digest is sent, the records of its alerts are read again and alerts already delivered
 * on the channel are left out; after, each alert's record gets the digest's delivery in place of
 * {@code held}. The stream is keyed by one constant, {@link #ALL}, only for Flink's timers: all
 * alerts still pass one notifier, in order.
 */
public class NotifyAlerts extends KeyedProcessFunction<String, Alert, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyAlerts.class);

    /** The key of every alert. */
    static final String ALL = "alerts";
    static final String DELIVERED = "delivered";
    /** The event-time timer that fires only when a bounded input ends (the last watermark). */
    private static final long END_OF_INPUT = Long.MAX_VALUE;
    private static final int NOT_FOUND = 404;

    private final AlertingSettings settings;
    private final ElasticsearchConnection connection;
    private final IndexNames indices;

    private transient Notifier notifier;
    private transient ElasticsearchClient client;
    private transient PatientElasticsearchCalls calls;
    private transient Counter sent;
    private transient Counter skipped;
    private transient Counter digestsSent;
    private transient Map<String, ChannelDigest> digests;
    private transient MapState<String, ChannelDigest.State> digestStates;

    public NotifyAlerts(AlertingSettings settings, ElasticsearchConnection connection, IndexNames indices) {
        this.settings = settings;
        this.connection = connection;
        this.indices = indices;
    }

    @Override
    public void open(OpenContext openContext) {
        AlertConfig config = settings.rules();
        notifier = new Notifier(Notifier.channels(config, System.out, HttpClient.newHttpClient()),
                DeliveryRetry.defaults(), Clock.systemUTC(), Notifier.Sleeper.THREAD);
        digests = new LinkedHashMap<>();
        config.digests().forEach((channel, digest) -> digests.put(channel, new ChannelDigest(channel, digest)));
        digestStates = getRuntimeContext().getMapState(new MapStateDescriptor<>("channel-digests", Types.STRING,
                JsonTypeInfo.of(ChannelDigest.State.class)));
        client = connection.createClient();
        calls = new PatientElasticsearchCalls(new RetryPolicy(ElasticsearchSinkBuilder.DEFAULT_INITIAL_BACKOFF,
                ElasticsearchSinkBuilder.DEFAULT_MAX_BACKOFF, ElasticsearchSinkBuilder.DEFAULT_MAX_RETRY_TIME),
                Notifier.Sleeper.THREAD, System::nanoTime);
        sent = getRuntimeContext().getMetricGroup().counter("alertsDelivered");
        skipped = getRuntimeContext().getMetricGroup().counter("alertsAlreadyDelivered");
        digestsSent = getRuntimeContext().getMetricGroup().counter("digestsDelivered");
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Void> out) throws Exception {
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        Set<String> done = new HashSet<>();
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (JsonNode delivery : deliveredEntries(recorded(alert.id()))) {
            done.add(delivery.path("channel").asText());
            kept.add(delivery);
        }
        List<String> alone = new ArrayList<>();
        ArrayNode held = Json.MAPPER.createArrayNode();
        for (String channel : alert.channels()) {
            ChannelDigest digest = digests.get(channel);
            if (digest != null) {
                // offered even when delivered before a restart, so the channel's period starts again as it did
                ChannelDigest.Step step = digest.offer(digestState(channel), alert, now);
                save(digest, step.state(), ctx.timerService());
                send(step.due());
                if (!done.contains(channel) && !step.sendNow()) {
                    held.add(AlertDocuments.delivery(new Delivery(alert.id(), channel, 0, DeliveryStatus.HELD, null, now, now),
                            digest.heldFor(step.state())));
                    continue;
                }
            }
            if (!done.contains(channel)) {
                alone.add(channel);
            }
        }
        if (alone.isEmpty() && held.isEmpty()) {
            skipped.inc();
            return;
        }
        List<Delivery> deliveries = List.of();
        if (!alone.isEmpty()) {
            deliveries = notifier.deliver(alert.withChannels(alone));
            sent.inc();
        }
        ObjectNode document = AlertDocuments.alert(alert, deliveries);
        ((ArrayNode) document.get("deliveries")).addAll(held).addAll(kept);
        record(alert.id(), document);
    }

    /** A digest period may have ended (processing time), or the input has (the event-time timer at the end of time). */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Void> out) throws Exception {
        boolean inputEnded = ctx.timeDomain() == TimeDomain.EVENT_TIME;
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        for (ChannelDigest digest : digests.values()) {
            ChannelDigest.State state = digestState(digest.channel());
            ChannelDigest.Step step = inputEnded ? digest.flush(state) : digest.advance(state, now);
            save(digest, step.state(), ctx.timerService());
            send(step.due());
        }
    }

    private ChannelDigest.State digestState(String channel) throws Exception {
        ChannelDigest.State state = digestStates.get(channel);
        return state == null ? ChannelDigest.State.QUIET : state;
    }

    /** Keeps the channel's state, and asks to be woken when its period ends, or the input does. */
    private void save(ChannelDigest digest, ChannelDigest.State state, TimerService timers) throws Exception {
        if (state.quiet()) {
            digestStates.remove(digest.channel());
            return;
        }
        digestStates.put(digest.channel(), state);
        timers.registerProcessingTimeTimer(state.periodEnd().toEpochMilli());
        if (timers.currentWatermark() < END_OF_INPUT) {
            timers.registerEventTimeTimer(END_OF_INPUT);
        }
    }

    /**
     * Sends a digest to its channel, leaving out the alerts whose record shows them delivered
     * there already (a digest sent just before a restart), and records its delivery with each alert.
     * Null is nothing to send.
     */
    private void send(AlertDigest digest) throws Exception {
        if (digest == null) {
            return;
        }
        Map<Alert, ObjectNode> records = new LinkedHashMap<>();
        for (Alert alert : digest.alerts()) {
            ObjectNode record = recorded(alert.id());
            boolean delivered = deliveredEntries(record).stream()
                    .anyMatch(delivery -> digest.channel().equals(delivery.path("channel").asText()));
            if (!delivered) {
                records.put(alert, record != null ? record : AlertDocuments.alert(alert, List.of()));
            }
        }
        if (records.isEmpty()) {
            skipped.inc();
            return;
        }
        AlertDigest toSend = records.size() == digest.alerts().size() ? digest
                : new AlertDigest(digest.id(), digest.channel(), List.copyOf(records.keySet()), digest.opening());
        boolean alone = toSend.opening() && toSend.alerts().size() == 1;
        Delivery delivery;
        if (alone) {
            // an opening of one alert goes out as that alert
            delivery = notifier.deliver(toSend.alerts().get(0).withChannels(List.of(toSend.channel()))).get(0);
            sent.inc();
        } else {
            delivery = notifier.deliver(toSend);
            digestsSent.inc();
            LOG.info("Digest {} of {} alert(s) to channel {}: {}", digest.id(), toSend.alerts().size(), digest.channel(),
                    delivery.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Map.Entry<Alert, ObjectNode> entry : records.entrySet()) {
            ArrayNode deliveries = Json.MAPPER.createArrayNode();
            for (JsonNode earlier : entry.getValue().path("deliveries")) {
                if (!digest.channel().equals(earlier.path("channel").asText())) {
                    deliveries.add(earlier);
                }
            }
            deliveries.add(AlertDocuments.delivery(delivery, alone ? null : digest.id()));
            entry.getValue().set("deliveries", deliveries);
            record(entry.getKey().id(), entry.getValue());
        }
    }

    private void record(String alertId, ObjectNode document) throws java.io.IOException, InterruptedException {
        calls.send("recording the deliveries of alert " + alertId, () -> client.index(i -> i.index(indices.alerts()).id(alertId)
                .withJson(new StringReader(document.toString()))));
    }

    /** The entries of an alert's record whose delivery succeeded; none for no record. */
    private static List<JsonNode> deliveredEntries(ObjectNode record) {
        List<JsonNode> delivered = new ArrayList<>();
        if (record != null) {
            for (JsonNode delivery : record.path("deliveries")) {
                if (DELIVERED.equals(delivery.path("status").asText())) {
                    delivered.add(delivery);
                }
            }
        }
        return delivered;
    }

    /** The alert's document as last recorded, or null when it was never recorded (or no alert ever was). */
    private ObjectNode recorded(String alertId) throws java.io.IOException, InterruptedException {
        return calls.send("reading the record of alert " + alertId, () -> {
            try {
                GetResponse<ObjectNode> response = client.get(g -> g.index(indices.alerts()).id(alertId), ObjectNode.class);
                return response.found() ? response.source() : null;
            } catch (ElasticsearchException e) {
                if (e.status() == NOT_FOUND) {
                    return null;
                }
                throw e;
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (notifier != null) {
            notifier.close();
        }
        if (client != null) {
            client._transport().close();
        }
    }
}
