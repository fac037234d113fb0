package io.spikewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void keepsValidSettingsAndDefaultsTheGroup() {
        KafkaSettings settings = KafkaSettings.of(" broker-1:9092,10.0.0.2:19092 ", List.of("posts", "statements"));

        assertThat(settings.bootstrapServers()).isEqualTo("broker-1:9092,10.0.0.2:19092");
        assertThat(settings.topics()).containsExactly("posts", "statements");
        assertThat(settings.groupId()).isEqualTo(KafkaSettings.DEFAULT_GROUP_ID);
    }

    @Test
    void givesTheFastPathAGroupOfItsOwnOverTheSameTopics() {
        KafkaSettings settings = new KafkaSettings("localhost:9092", List.of("posts"), "newsroom");

        KafkaSettings fast = settings.forFastPath();

        assertThat(fast.groupId()).isEqualTo("newsroom-fast-path");
        assertThat(fast.topics()).isEqualTo(settings.topics());
        assertThat(fast.bootstrapServers()).isEqualTo(settings.bootstrapServers());
    }

    @Test
    void rejectsBootstrapServersThatAreNotHostAndPort() {
        assertThatThrownBy(() -> KafkaSettings.of("", List.of("posts")))
                .hasMessageStartingWith("kafka-bootstrap: is empty");
        assertThatThrownBy(() -> KafkaSettings.of("localhost", List.of("posts")))
                .hasMessage("kafka-bootstrap: 'localhost' is not HOST:PORT");
        assertThatThrownBy(() -> KafkaSettings.of("a:9092,,b:9092", List.of("posts")))
                .hasMessage("kafka-bootstrap: '' is not HOST:PORT");
        assertThatThrownBy(() -> KafkaSettings.of("a:70000", List.of("posts")))
                .hasMessageContaining("kafka-bootstrap: port 70000 in 'a:70000' is not between 1 and 65535");
    }

    @Test
    void rejectsMissingInvalidAndRepeatedTopics() {
        assertThatThrownBy(() -> KafkaSettings.of("a:1", List.of()))
                .hasMessageStartingWith("topics: no topic given");
        assertThatThrownBy(() -> KafkaSettings.of("a:1", List.of("posts", "bad topic")))
                .hasMessageStartingWith("topics: 'bad topic' is not a Kafka topic name");
        assertThatThrownBy(() -> KafkaSettings.of("a:1", Arrays.asList("posts", null)))
                .hasMessageStartingWith("topics: 'null' is not a Kafka topic name");
        assertThatThrownBy(() -> KafkaSettings.of("a:1", List.of("..")))
                .hasMessageStartingWith("topics: '..' is not a Kafka topic name");
        assertThatThrownBy(() -> KafkaSettings.of("a:1", List.of("posts", "posts")))
                .hasMessage("topics: 'posts' is named twice; each record would be read twice");
    }

    @Test
    void rejectsAnEmptyOrPaddedGroupId() {
        assertThatThrownBy(() -> new KafkaSettings("a:1", List.of("posts"), " "))
                .hasMessageStartingWith("group-id: is empty");
        assertThatThrownBy(() -> new KafkaSettings("a:1", List.of("posts"), "g "))
                .hasMessage("group-id: 'g ' starts or ends with white space");
    }
}
