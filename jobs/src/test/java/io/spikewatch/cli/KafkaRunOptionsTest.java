package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.replay.ReplaySpeed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The run command's choice between files and Kafka, refused before anything is started. */
class KafkaRunOptionsTest {

    @Test
    void withoutAnInputTheRunSaysWhatToGive() {
        CommandRun result = CommandRun.of("run", "--es-url", "http://127.0.0.1:1");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("give the input: --in FILE, or --kafka-bootstrap HOST:PORT with --posts-topic");
    }

    @Test
    void filesAndKafkaExcludeEachOther() {
        CommandRun result = CommandRun.of("run", "--in", "posts.ndjson", "--kafka-bootstrap", "localhost:9092", "--posts-topic", "posts");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--in and --kafka-bootstrap exclude each other");
    }

    @Test
    void kafkaNeedsThePostsTopic() {
        CommandRun result = CommandRun.of("run", "--kafka-bootstrap", "localhost:9092", "--statements-topic", "statements");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--kafka-bootstrap needs --posts-topic TOPIC");
    }

    @Test
    void topicsWithoutKafkaAreRefused() {
        CommandRun result = CommandRun.of("run", "--in", "posts.ndjson", "--posts-topic", "posts");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--posts-topic and --statements-topic need --kafka-bootstrap");
        assertThat(CommandRun.of("run", "--in", "posts.ndjson", "--until-latest").errors()).contains("--until-latest needs --kafka-bootstrap");
        assertThat(CommandRun.of("run", "--in", "posts.ndjson", "--idle-after", "PT1M").errors()).contains("--idle-after needs --kafka-bootstrap");
    }

    @Test
    void theIdlenessOfKafkaPartitionsIsAnOption() {
        KafkaSettings kafka = new KafkaSettings("localhost:9092", List.of("posts"), KafkaSettings.DEFAULT_GROUP_ID);

        assertThat(parsed().sourceIdleness(kafka)).isEqualTo(Duration.ofSeconds(30));
        assertThat(parsed("--idle-after", "PT2M").sourceIdleness(kafka)).isEqualTo(Duration.ofMinutes(2));
        assertThat(parsed("--idle-after", "PT0S").sourceIdleness(kafka)).as("never idle").isZero();
        assertThat(parsed().sourceIdleness(null)).as("files").isEqualTo(MonitorSettings.DEFAULT_SOURCE_IDLENESS);
        CommandRun negative = CommandRun.of("run", "--kafka-bootstrap", "localhost:9092", "--posts-topic", "posts", "--idle-after", "PT-5S");
        assertThat(negative.exitCode()).isNotZero();
        assertThat(negative.errors()).contains("--idle-after: expected a duration of zero (never idle) or more, but was PT-5S");
    }

    private static RunCommand parsed(String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).registerConverter(ReplaySpeed.class, ReplaySpeed::parse).parseArgs(args);
        return command;
    }

    @Test
    void anInvalidKafkaSettingIsNamed() {
        CommandRun badBroker = CommandRun.of("run", "--kafka-bootstrap", "localhost", "--posts-topic", "posts");
        CommandRun badTopic = CommandRun.of("run", "--kafka-bootstrap", "localhost:9092", "--posts-topic", "posts", "--statements-topic", "posts");

        assertThat(badBroker.exitCode()).isNotZero();
        assertThat(badBroker.errors()).contains("invalid Kafka option: kafka-bootstrap: 'localhost' is not HOST:PORT");
        assertThat(badTopic.errors()).contains("invalid Kafka option: topics: 'posts' is named twice");
    }

    @Test
    void anUnknownFormatIsNamedWithTheKnownOnes() {
        CommandRun result = CommandRun.of("run", "--in", "posts.ndjson", "--format", "tweets");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("--format: input format: unknown input format 'tweets'")
                .contains("ndjson, x-api-v2, bluesky-jetstream, mastodon, press-feed");
    }

    @Test
    void theStatementsFormatNeedsTheStatementsTopic() {
        CommandRun withoutTopic = CommandRun.of("run", "--kafka-bootstrap", "localhost:9092", "--posts-topic", "posts",
                "--statements-format", "press-feed");
        CommandRun badFormat = CommandRun.of("run", "--kafka-bootstrap", "localhost:9092", "--posts-topic", "posts",
                "--statements-topic", "press", "--statements-format", "rss");

        assertThat(withoutTopic.errors()).contains("--statements-format needs --statements-topic");
        assertThat(badFormat.errors()).contains("--statements-format: input format of press: unknown input format 'rss'");
    }
}
