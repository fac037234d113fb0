package io.spikewatch.cluster;

import static io.spikewatch.cluster.MonitorJobOnCluster.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink standalone session cluster (a JobManager and two TaskManagers,
 * separate JVMs started by {@code bin/lib/flink-cluster.sh}), reading the seed scenario from a real
 * Kafka broker into the real Elasticsearch, submitted with Flink's own client; then the same with
 * a fault in the middle of the stream. Every run must end with exactly the scenario's posts,
 * statements and dead letters indexed (ids equal to the input's, none missing, none extra),
 * exactly the alerts of the fault-free run recorded, each delivered once to the webhook and once
 * to a second webhook that gets them in one-minute digests (so the alerts a fault finds waiting
 * for their digest in the job's state are held to the same bar), and the job running.
 *
 * <p>The first test is the fault-free run whose alerts the fault tests are held to; the tests
 * run in order on one cluster, each with indices, a consumer group and a webhook of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterITCase {

    /** Posts of the scenario: enough for a dozen alerts, few enough for a run of about a minute on 2 cores. */
    static final int POSTS = 2_000;
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    /** A fault strikes once this share of the posts is indexed annotated: mid-stream. */
    static final double FAULT_AT_SHARE = 0.25;
    static final Duration ELASTICSEARCH_OUTAGE = Duration.ofMinutes(1);
    static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
    /** The savepoint test's second part: the 2024 evening (the first is the 2023 launch). */
    static final Instant SECOND_PART_FROM = Instant.parse("2024-01-01T00:00:00Z");
    /** The digest channel's period (1 minute) and first wait (15 s), with room to spare. */
    static final Duration DIGEST_TIMEOUT = Duration.ofMinutes(2);

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    /** The broker with the whole scenario produced before the first test, and the cluster. */
    private ScenarioOnCluster services;
    @TempDir
    Path workDir;
    /** The alerts of the fault-free run, by id. */
    private Set<String> expectedAlerts;

    @BeforeAll
    void startServices() throws Exception {
        services = ScenarioOnCluster.start(POSTS);
    }

    @AfterAll
    void stopServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void runsTheJobJarAndIndexesEveryRecordOnce() throws Exception {
        try (MonitorJobOnCluster run = newRun("baseline")) {
            run.submit(run.rulesFile("rules.yaml", ""));
            run.awaitRunning(RUN_TIMEOUT);
            run.awaitEverythingProcessed(RUN_TIMEOUT);

            assertExactDocuments(run);
            Set<String> alerts = run.recordedAlerts();
            run.awaitCheckpoints(RECOVERY_TIMEOUT);
            assertThat(run.recordedAlerts()).as("alerts recorded, two checkpoints later").isEqualTo(alerts);
            assertThat(alerts).as("alerts of the scenario").hasSizeGreaterThanOrEqualTo(3)
                    .as("sentiment shifts among them, which follow annotation").anyMatch(id -> id.contains("|sentiment_shift|"));
            expectedAlerts = alerts;
            assertDeliveredOnce(run, expectedAlerts);
            assertThat(run.digestsReceived()).as("digests sent by the digest channel").isNotEmpty();
            assertThat(services.cluster().rest().failovers(run.jobId())).as("failovers of a run without faults").isZero();
            assertThat(services.cluster().rest().runningWithAllTasks(run.jobId())).isTrue();
        }
    }

    @Test
    @Order(2)
    void aTaskManagerKilledMidStreamLosesAndRepeatsNothing() throws Exception {
        Set<String> expected = fromTheFaultFreeRun();
        try (MonitorJobOnCluster run = newRun("tm-kill")) {
            run.submit(run.rulesFile("rules.yaml", ""));
            run.awaitAnnotatedShare(FAULT_AT_SHARE, RUN_TIMEOUT);
            long annotatedAtKill = run.annotatedPosts();

            services.cluster().killTaskManager(1);
            try {
                // recovery needs no operator: the job restarts from its last checkpoint in the
                // surviving TaskManager's free slots (2 x 2 slots, 2 needed)
                await("a failover of job " + run.jobId(), RECOVERY_TIMEOUT, () -> services.cluster().rest().failovers(run.jobId()) >= 1);
                assertRecovered(run, expected, annotatedAtKill, "the TaskManager was killed");
            } finally {
                // then an operator brings the machine back: the cluster has its two TaskManagers
                // again, also for the tests after this one when recovery failed
                services.cluster().startMissing();
            }
            assertThat(services.cluster().rest().taskManagers()).isEqualTo(LocalFlinkCluster.TASK_MANAGERS);
            assertThat(services.cluster().rest().runningWithAllTasks(run.jobId())).as("job running").isTrue();
        }
    }

    @Test
    @Order(3)
    void elasticsearchStoppedForAMinuteMidStreamLosesAndRepeatsNothing() throws Exception {
        Set<String> expected = fromTheFaultFreeRun();
        assumeThat(elasticsearch.startedHere()).as("the tests started Elasticsearch, so they may stop it").isTrue();
        try (MonitorJobOnCluster run = newRun("es-outage")) {
            run.submit(run.rulesFile("rules.yaml", ""));
            run.awaitAnnotatedShare(FAULT_AT_SHARE, RUN_TIMEOUT);
            long annotatedAtStop = run.annotatedPosts();

            elasticsearch.stop();
            try {
                Instant back = Instant.now().plus(ELASTICSEARCH_OUTAGE);
                // the outage itself: the job is watched, not waited for
                await("the end of the outage", ELASTICSEARCH_OUTAGE.plusSeconds(10), () -> Instant.now().isAfter(back)
                        || !Set.of("RUNNING", "RESTARTING", "INITIALIZING", "CREATED").contains(services.cluster().rest().jobState(run.jobId())));
                assertThat(services.cluster().rest().jobState(run.jobId())).as("job state during the outage").isIn("RUNNING", "RESTARTING", "INITIALIZING", "CREATED");
            } finally {
                elasticsearch.restart();
            }

            assertRecovered(run, expected, annotatedAtStop, "Elasticsearch stopped");
            assertThat(services.cluster().rest().runningWithAllTasks(run.jobId())).as("job running").isTrue();
        }
    }

    @Test
    @Order(4)
    void stoppedWithASavepointAndResumedWithAChangedRuleFile() throws Exception {
        Set<String> expected = fromTheFaultFreeRun();
        // topics of its own, filled in two parts: the alert path reads far ahead of annotation,
        // so a job stopped mid-stream of a topic already full would have judged every spike
        ScenarioTopics parted = ScenarioTopics.create(services.broker(), "parted-", services.scenario()).produceBefore(SECOND_PART_FROM);
        try (MonitorJobOnCluster run = newRun("savepoint", parted)) {
            run.submit(run.rulesFile("rules.yaml", ""));
            run.awaitRunning(RUN_TIMEOUT);
            run.awaitEverythingProcessed(RUN_TIMEOUT);
            Set<String> alertsOfTheFirstPart = run.recordedAlerts();

            String firstJob = run.jobId();
            String savepoint = run.stopWithSavepoint();
            assertThat(services.cluster().rest().jobState(firstJob)).as("the job stopped with a savepoint").isEqualTo("FINISHED");
            parted.produceAll();
            run.resume(savepoint, run.rulesFile("rules-changed.yaml", resource("cluster/added-rule.yaml")));
            run.awaitRunning(RUN_TIMEOUT);
            run.awaitEverythingProcessed(RUN_TIMEOUT);

            assertThat(alertsOfTheFirstPart).as("alerts of the first part").isNotEmpty().isSubsetOf(expected);
            assertExactDocuments(run, parted);
            run.awaitAlerts(expected, id -> !id.startsWith(ADDED_RULE + "|"), RECOVERY_TIMEOUT);
            Set<String> recorded = run.recordedAlerts();
            assertThat(recorded).as("alerts of the rule added at the resume")
                    .anySatisfy(id -> assertThat(id).startsWith(ADDED_RULE + "|"));
            assertDeliveredOnce(run, recorded);
            assertThat(services.cluster().rest().runningWithAllTasks(run.jobId())).as("job running").isTrue();
        }
    }

    private static final String ADDED_RULE = "volume-everything-lower";

    // ------------------------------------------------------------------ checks

    /**
     * After a fault that struck mid-stream (before {@code annotatedAtFault} posts of all were
     * annotated): the job runs again, catches up, and ends with exactly the input's documents and
     * the fault-free run's alerts, each delivered once.
     */
    private void assertRecovered(MonitorJobOnCluster run, Set<String> expected, long annotatedAtFault, String fault) throws Exception {
        run.awaitRunning(RECOVERY_TIMEOUT);
        run.awaitEverythingProcessed(RUN_TIMEOUT);
        assertThat(annotatedAtFault).as("posts annotated when " + fault).isLessThan(services.topics().postIds().size());
        assertExactDocuments(run);
        run.awaitAlerts(expected, id -> true, RECOVERY_TIMEOUT);
        assertDeliveredOnce(run, expected);
    }

    private void assertExactDocuments(MonitorJobOnCluster run) {
        assertExactDocuments(run, services.topics());
    }

    private static void assertExactDocuments(MonitorJobOnCluster run, ScenarioTopics topics) {
        assertThat(run.pendingPosts()).as("posts still pending annotation").isZero();
        assertThat(run.ids(run.indices().posts())).as("ids of the posts indexed").isEqualTo(topics.postIds());
        assertThat(run.ids(run.indices().statements())).as("ids of the statements indexed").isEqualTo(topics.statementIds());
        assertThat(run.count(run.indices().deadLetters())).as("dead letters").isEqualTo(topics.rejected());
    }

    private static void assertDeliveredOnce(MonitorJobOnCluster run, Set<String> alerts) {
        Map<String, Integer> deliveries = run.deliveries();
        assertThat(run.webhookRejections()).isEmpty();
        assertThat(new TreeSet<>(deliveries.keySet())).as("alerts delivered to the webhook").isEqualTo(new TreeSet<>(alerts));
        assertThat(deliveries).as("deliveries per alert").allSatisfy((id, times) -> assertThat(times).as(id).isOne());

        await("every alert on the digest channel", DIGEST_TIMEOUT, () -> run.digestChannelDeliveries().keySet().containsAll(alerts));
        Map<String, Integer> inDigests = run.digestChannelDeliveries();
        assertThat(run.digestWebhookRejections()).isEmpty();
        assertThat(new TreeSet<>(inDigests.keySet())).as("alerts delivered to the digest channel").isEqualTo(new TreeSet<>(alerts));
        assertThat(inDigests).as("deliveries per alert on the digest channel").allSatisfy((id, times) -> assertThat(times).as(id).isOne());
    }

    private Set<String> fromTheFaultFreeRun() {
        assertThat(expectedAlerts).as("the alerts of the fault-free run (the first test must pass first)").isNotNull();
        return expectedAlerts;
    }

    private MonitorJobOnCluster newRun(String name) throws IOException {
        return newRun(name, services.topics());
    }

    private MonitorJobOnCluster newRun(String name, ScenarioTopics input) throws IOException {
        return new MonitorJobOnCluster(services.cluster(), elasticsearch, services.broker(), input, name, workDir);
    }

    private static String resource(String name) throws IOException {
        try (var in = FlinkClusterITCase.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
