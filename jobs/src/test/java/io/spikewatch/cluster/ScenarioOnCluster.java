package io.spikewatch.cluster;

import io.spikewatch.fixtures.Scenario;
import io.spikewatch.fixtures.ScenarioGenerator;
import io.spikewatch.testing.KafkaBroker;

/**
 * What the cluster tests run on: a real Kafka broker holding a generated scenario's topics, and the
 * local Flink session cluster. Closing stops the cluster, then the broker.
 */
record ScenarioOnCluster(KafkaBroker broker, Scenario scenario, ScenarioTopics topics, LocalFlinkCluster cluster)
        implements AutoCloseable {

    /** Starts the broker, produces a scenario of about {@code posts} posts into it, and starts the cluster. */
    static ScenarioOnCluster start(int posts) throws Exception {
        KafkaBroker broker = KafkaBroker.start();
        try {
            Scenario scenario = ScenarioGenerator.builder().targetPosts(posts).build().generate();
            ScenarioTopics topics = ScenarioTopics.create(broker, "", scenario).produceAll();
            return new ScenarioOnCluster(broker, scenario, topics, LocalFlinkCluster.start());
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            broker.close();
        }
    }
}
