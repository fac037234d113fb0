package io.spikewatch.monitor;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.alerts.Alert;
import io.spikewatch.alerts.AlertConfig;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.alerts.Delivery;
import io.spikewatch.alerts.DeliveryRetry;
import io.spikewatch.alerts.Notifier;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.ElasticsearchSinkBuilder;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.RetryPolicy;
import io.spikewatch.schema.Json;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

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
 */
public class NotifyAlerts extends ProcessFunction<Alert, Void> {

    static final String DELIVERED = "delivered";
    private static final int NOT_FOUND = 404;

    private final AlertingSettings settings;
    private final ElasticsearchConnection connection;
    private final IndexNames indices;

    private transient Notifier notifier;
    private transient ElasticsearchClient client;
    private transient PatientElasticsearchCalls calls;
    private transient Counter sent;
    private transient Counter skipped;

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
        client = connection.createClient();
        calls = new PatientElasticsearchCalls(new RetryPolicy(ElasticsearchSinkBuilder.DEFAULT_INITIAL_BACKOFF,
                ElasticsearchSinkBuilder.DEFAULT_MAX_BACKOFF, ElasticsearchSinkBuilder.DEFAULT_MAX_RETRY_TIME),
                Notifier.Sleeper.THREAD, System::nanoTime);
        sent = getRuntimeContext().getMetricGroup().counter("alertsDelivered");
        skipped = getRuntimeContext().getMetricGroup().counter("alertsAlreadyDelivered");
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Void> out) throws Exception {
        ObjectNode earlier = recorded(alert.id());
        Set<String> done = new HashSet<>();
        ArrayNode kept = Json.MAPPER.createArrayNode();
        if (earlier != null) {
            for (JsonNode delivery : earlier.path("deliveries")) {
                if (DELIVERED.equals(delivery.path("status").asText())) {
                    done.add(delivery.path("channel").asText());
                    kept.add(delivery);
                }
            }
        }
        List<String> pending = alert.channels().stream().filter(channel -> !done.contains(channel)).toList();
        if (pending.isEmpty()) {
            skipped.inc();
            return;
        }
        Alert toSend = new Alert(alert.id(), alert.ruleName(), alert.seriesKey(), alert.spike(), alert.phase(), alert.severity(),
                alert.title(), alert.text(), pending, alert.createdAt());
        List<Delivery> deliveries = notifier.deliver(toSend);
        sent.inc();
        ObjectNode document = AlertDocuments.alert(alert, deliveries);
        ((ArrayNode) document.get("deliveries")).addAll(kept);
        calls.send("recording the deliveries of alert " + alert.id(), () -> client.index(i -> i.index(indices.alerts()).id(alert.id())
                .withJson(new StringReader(document.toString()))));
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
