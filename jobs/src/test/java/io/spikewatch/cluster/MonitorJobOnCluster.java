package io.spikewatch.cluster;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.bench.AlertArrival;
import io.spikewatch.bench.WebhookReceiver;
import io.spikewatch.index.IndexNames;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.testing.KafkaBroker;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One submission of the monitor job jar to the cluster over the seed scenario's topics, into
 * indices and a consumer group of its own, with its alerts posted to two webhook receivers of its
 * own (one gets each alert as it comes, the other in digests); and what the tests check of it: the documents in Elasticsearch, the alerts recorded and
 * delivered, the consumer groups' offsets, the job's state.
 */
final class MonitorJobOnCluster implements AutoCloseable {

    /** How often conditions are polled while waiting for them. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** Elasticsearch returns at most this many hits per search (index.max_result_window). */
    static final int MAX_HITS = 10_000;
    /** The job's checkpoint interval is 10 s (MonitorSettings); waiting for two more bounds the in-flight work. */
    static final int CHECKPOINTS_TO_SETTLE = 2;
    static final int ANNOTATION_PARALLELISM = 2;

    private final LocalFlinkCluster cluster;
    private final LocalElasticsearch elasticsearch;
    private final KafkaBroker broker;
    private final ScenarioTopics topics;
    private final IndexNames indices;
    private final String groupId;
    private final WebhookReceiver webhook;
    /** The receiver of the channel that sends digests. */
    private final WebhookReceiver digestWebhook;
    private final Path workDir;
    private String jobId;

    MonitorJobOnCluster(LocalFlinkCluster cluster, LocalElasticsearch elasticsearch, KafkaBroker broker, ScenarioTopics topics,
            String runName, Path workDir) throws IOException {
        this.cluster = cluster;
        this.elasticsearch = elasticsearch;
        this.broker = broker;
        this.topics = topics;
        this.indices = elasticsearch.uniqueNames();
        this.groupId = "cluster-it-" + runName;
        this.workDir = Files.createDirectories(workDir.resolve(runName));
        this.webhook = new WebhookReceiver(Clock.systemUTC(), Optional::empty);
        this.digestWebhook = new WebhookReceiver(Clock.systemUTC(), Optional::empty);
    }

    IndexNames indices() {
        return indices;
    }

    String jobId() {
        return jobId;
    }

    /** Writes the rules file (the test rules, plus {@code extraRules} if not empty) pointing at this run's receivers. */
    Path rulesFile(String fileName, String extraRules) {
        try {
            String yaml = resource("cluster/alert-rules.yaml").replace("@WEBHOOK_URL@", webhook.url().toString())
                    .replace("@DIGEST_URL@", digestWebhook.url().toString()) + extraRules;
            return Files.writeString(workDir.resolve(fileName), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Submits the job jar, unbounded (until cancelled), with {@code rules}. */
    void submit(Path rules) {
        submit(rules, ANNOTATION_PARALLELISM);
    }

    /** Submits the job jar with {@code rules} (null: no alerting) and {@code parallelism}. */
    void submit(Path rules, int parallelism) {
        jobId = cluster.submit(arguments(rules, parallelism));
    }

    /** Stops the job with a savepoint ({@code flink stop}); returns the savepoint's path. */
    String stopWithSavepoint() {
        return cluster.stopWithSavepoint(jobId);
    }

    /** Submits the job again from {@code savepoint}, with {@code rules}. */
    void resume(String savepoint, Path rules) {
        jobId = cluster.submitFromSavepoint(savepoint, arguments(rules, ANNOTATION_PARALLELISM));
    }

    List<String> arguments(Path rules, int parallelism) {
        List<String> arguments = new ArrayList<>(List.of(
                "--kafka-bootstrap", broker.bootstrapServers(),
                "--posts-topic", topics.postsTopic(),
                "--statements-topic", topics.statementsTopic(),
                "--group-id", groupId,
                "--es-url", elasticsearch.url(),
                "--index-prefix", indices.prefix(),
                "--tracked-entities", LocalElasticsearch.repositoryRoot().resolve("fixtures/seed/tracked-entities.yaml").toString(),
                "--parallelism", String.valueOf(parallelism)));
        if (rules != null) {
            arguments.addAll(List.of("--alert-rules", rules.toString()));
        }
        return arguments;
    }

    // ------------------------------------------------------------------ waiting

    /** Waits until at least {@code share} of the scenario's posts are indexed as annotated. */
    void awaitAnnotatedShare(double share, Duration timeout) {
        long wanted = (long) Math.ceil(share * topics.postIds().size());
        await("at least " + wanted + " annotated posts in " + indices.posts(), timeout, () -> annotatedPosts() >= wanted);
    }

    /**
     * Waits until every post is indexed annotated (none left pending), and every statement and
     * dead letter is indexed; then until both consumer groups have committed the topics' end
     * offsets (the job has read everything, and checkpointed it), and two more checkpoints.
     */
    void awaitEverythingProcessed(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int posts = topics.postIds().size();
        int statements = topics.statementIds().size();
        int rejected = topics.rejected();
        await("all " + posts + " posts annotated, " + statements + " statements and " + rejected + " dead letters indexed",
                remaining(deadline), () -> annotatedPosts() >= posts && count(indices.statements()) >= statements
                        && count(indices.deadLetters()) >= rejected);
        await("consumer groups " + groupId + " and its fast path at the topics' end offsets", remaining(deadline),
                () -> atEndOffsets(groupId) && atEndOffsets(groupId + KafkaSettings.FAST_PATH_GROUP_SUFFIX));
        awaitCheckpoints(remaining(deadline));
    }

    /** Waits for {@value #CHECKPOINTS_TO_SETTLE} more completed checkpoints: work in flight has gone through. */
    void awaitCheckpoints(Duration timeout) {
        long checkpoints = cluster.rest().completedCheckpoints(jobId);
        await(CHECKPOINTS_TO_SETTLE + " more completed checkpoints of job " + jobId, timeout,
                () -> cluster.rest().completedCheckpoints(jobId) >= checkpoints + CHECKPOINTS_TO_SETTLE);
    }

    /**
     * Waits until the alerts recorded that {@code which} selects are exactly {@code expected}, or
     * fails naming the ones missing and the ones not expected; then waits for more checkpoints
     * and checks again, so an alert raised twice or late does not slip through.
     */
    void awaitAlerts(Set<String> expected, Predicate<String> which, Duration timeout) {
        Supplier<Set<String>> recorded = () -> recordedAlerts().stream().filter(which).collect(Collectors.toSet());
        try {
            await("the expected alerts recorded", timeout, () -> recorded.get().equals(expected));
        } catch (AssertionError timedOut) {
            Set<String> actual = recorded.get();
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            throw new AssertionError("alerts recorded differ from the expected after " + timeout + ": missing " + missing
                    + ", not expected " + extra, timedOut);
        }
        awaitCheckpoints(timeout);
        Set<String> settled = recorded.get();
        if (!settled.equals(expected)) {
            throw new AssertionError("alerts recorded changed after they matched: " + settled);
        }
    }

    /** Waits until the job is RUNNING with all its tasks. */
    void awaitRunning(Duration timeout) {
        try {
            await("job " + jobId + " RUNNING with all tasks", timeout, () -> cluster.rest().runningWithAllTasks(jobId));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + clusterState(), e);
        }
    }

    /** What the cluster says of the job and its TaskManagers, for a failure message. */
    private String clusterState() {
        try {
            FlinkRest rest = cluster.rest();
            return "job state " + rest.jobState(jobId) + ", " + rest.taskManagers() + " TaskManagers registered, "
                    + rest.failovers(jobId) + " failovers, last: " + rest.lastFailure(jobId)
                    + " (the processes' logs are kept under jobs/target/flink-cluster-logs/)";
        } catch (RuntimeException e) {
            return "the cluster's state could not be read: " + e.getMessage();
        }
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes. A condition that throws
     * (a new index without its shard yet, a server being restarted) has not held yet; the last
     * such failure is reported with the timeout.
     */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (Instant.now().isAfter(deadline)) {
                AssertionError timedOut = new AssertionError("timed out after " + timeout + " waiting for " + what
                        + (lastFailure == null ? "" : " (last check failed: " + lastFailure.getMessage() + ")"));
                if (lastFailure != null) {
                    timedOut.initCause(lastFailure);
                }
                throw timedOut;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static Duration remaining(Instant deadline) {
        return Duration.between(Instant.now(), deadline);
    }

    // ------------------------------------------------------------------ what is indexed

    long annotatedPosts() {
        return countWhere(indices.posts(), Query.of(q -> q.terms(t -> t.field("annotation.status")
                .terms(v -> v.value(List.of(FieldValue.of("ok"), FieldValue.of("failed")))))));
    }

    long pendingPosts() {
        return countWhere(indices.posts(), Query.of(q -> q.term(t -> t.field("annotation.status").value("pending"))));
    }

    long count(String index) {
        return countWhere(index, Query.of(q -> q.matchAll(m -> m)));
    }

    private long countWhere(String index, Query query) {
        try {
            ElasticsearchClient client = elasticsearch.client();
            return client.count(c -> c.index(index).query(query).ignoreUnavailable(true)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count " + index, e);
        }
    }

    /** The ids of every document of {@code index}. */
    Set<String> ids(String index) {
        try {
            elasticsearch.client().indices().refresh(r -> r.index(index).ignoreUnavailable(true));
            List<Hit<ObjectNode>> hits = elasticsearch.client()
                    .search(s -> s.index(index).size(MAX_HITS).source(src -> src.fetch(false)).ignoreUnavailable(true), ObjectNode.class)
                    .hits().hits();
            if (hits.size() >= MAX_HITS) {
                throw new IllegalStateException(index + " holds more than " + MAX_HITS + " documents; use a smaller scenario");
            }
            Set<String> ids = new HashSet<>();
            hits.forEach(hit -> ids.add(hit.id()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ids of " + index, e);
        }
    }

    /** The alerts recorded in Elasticsearch, by id. */
    Set<String> recordedAlerts() {
        return ids(indices.alerts());
    }

    /** How many times each alert arrived at this run's webhook. */
    Map<String, Integer> deliveries() {
        return countsById(webhook.arrivals());
    }

    List<String> webhookRejections() {
        return webhook.rejections();
    }

    /** How many times each alert arrived at the digest channel's webhook, as itself or in a digest. */
    Map<String, Integer> digestChannelDeliveries() {
        return countsById(digestWebhook.arrivals());
    }

    /** The ids of the digests the digest channel's webhook received. */
    Set<String> digestsReceived() {
        Set<String> digests = new TreeSet<>();
        for (AlertArrival arrival : digestWebhook.arrivals()) {
            if (arrival.digestId() != null) {
                digests.add(arrival.digestId());
            }
        }
        return digests;
    }

    List<String> digestWebhookRejections() {
        return digestWebhook.rejections();
    }

    private static Map<String, Integer> countsById(List<AlertArrival> arrivals) {
        Map<String, Integer> counts = new TreeMap<>();
        for (AlertArrival arrival : arrivals) {
            counts.merge(arrival.alertId(), 1, Integer::sum);
        }
        return counts;
    }

    // ------------------------------------------------------------------ Kafka

    private boolean atEndOffsets(String group) {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < ScenarioTopics.POSTS_PARTITIONS; p++) {
                latest.put(new TopicPartition(topics.postsTopic(), p), OffsetSpec.latest());
            }
            latest.put(new TopicPartition(topics.statementsTopic(), 0), OffsetSpec.latest());
            var ends = admin.listOffsets(latest).all().get();
            for (var end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                if (offset == null || offset.offset() < end.getValue().offset()) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the offsets of " + group, e);
        }
    }

    // ------------------------------------------------------------------ end

    /** Cancels the job if it is still running. */
    void cancel() {
        if (jobId != null && !Set.of("FINISHED", "CANCELED", "FAILED").contains(cluster.rest().jobState(jobId))) {
            cluster.rest().cancel(jobId);
            await("job " + jobId + " cancelled", Duration.ofMinutes(1),
                    () -> Set.of("CANCELED", "FAILED", "FINISHED").contains(cluster.rest().jobState(jobId)));
        }
    }

    @Override
    public void close() {
        try {
            cancel();
        } finally {
            webhook.close();
            digestWebhook.close();
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = MonitorJobOnCluster.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
