package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job jar's main class refuses bad options with an exception (never an exit) naming the option. */
class ClusterEntryPointTest {

    @Test
    void aMissingTopicIsAnErrorNamingTheOptionWithTheUsage() {
        assertThatThrownBy(() -> ClusterEntryPoint.main(new String[] {"--kafka-bootstrap", "127.0.0.1:9092"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spikewatch run: --kafka-bootstrap needs --posts-topic TOPIC")
                .hasMessageContaining("--alert-rules");
    }

    @Test
    void anUnknownOptionIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ClusterEntryPoint.main(new String[] {"--kafka-bootstrap", "127.0.0.1:9092", "--posts-topik", "posts"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--posts-topik");
    }

    @Test
    void filesAndKafkaTogetherAreRefused() {
        assertThatThrownBy(() -> ClusterEntryPoint.main(new String[] {"--in", "posts.ndjson", "--kafka-bootstrap", "127.0.0.1:9092",
                "--posts-topic", "posts"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--in and --kafka-bootstrap exclude each other");
    }
}
