package io.spikewatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.monitor.OverloadSample;
import io.spikewatch.secrets.SecretResolver;
import io.spikewatch.testing.SelfSignedCa;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpikewatchConfigLoaderTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of("SPIKEWATCH_ES_PASSWORD", PASSWORD));
    private SpikewatchConfigLoader loader;

    @BeforeEach
    void setUp() throws IOException {
        loader = new SpikewatchConfigLoader(new SecretResolver(env::get));
        Files.writeString(dir.resolve("posts.ndjson"), "");
        Files.writeString(dir.resolve("statements.ndjson"), "");
    }

    private SpikewatchConfig load(String yaml) throws IOException {
        Path file = dir.resolve("spikewatch.yaml");
        Files.writeString(file, yaml);
        return loader.read(file);
    }

    private static final String FILES_INPUT = """
            sources:
              posts: {files: [posts.ndjson]}
            elasticsearch:
              hosts: ["http://127.0.0.1:9200"]
            """;

    @Test
    void theShippedExampleIsValid() throws IOException {
        Path copy = dir.resolve("spikewatch.yaml");
        Files.copy(REPOSITORY.resolve("config/spikewatch.example.yaml"), copy);
        Files.copy(REPOSITORY.resolve("config/alert-rules.yaml"), dir.resolve("alert-rules.yaml"));
        Files.copy(REPOSITORY.resolve("fixtures/seed/tracked-entities.yaml"), dir.resolve("tracked-entities.yaml"));
        Files.createDirectories(dir.resolve("certs"));
        Files.write(dir.resolve("certs/es-ca.crt"), SelfSignedCa.pem(dir, "example-ca"));

        SpikewatchConfig config = loader.read(copy);

        assertThat(config.connection().urls()).containsExactly(
                URI.create("https://es1.example.org:9200"), URI.create("https://es2.example.org:9200"));
        assertThat(config.connection().username()).isEqualTo("spikewatch");
        assertThat(config.connection().trustedCaSource()).isEqualTo("es-ca.crt");
        assertThat(config.input().kafka().bootstrapServers()).isEqualTo("broker1.example.org:9092,broker2.example.org:9092");
        assertThat(config.input().kafka().topics()).containsExactly("posts", "statements");
        assertThat(config.input().kafka().groupId()).isEqualTo("spikewatch-monitor");
        assertThat(config.input().sources()).extracting(InputSource::format).containsExactly("ndjson", "ndjson");
        assertThat(config.settings().indices().prefix()).isEqualTo("spikewatch");
        assertThat(config.settings().sourceIdleness()).isEqualTo(SpikewatchConfigLoader.DEFAULT_KAFKA_IDLE_AFTER);
        assertThat(config.annotator().trackedEntities().entities()).isNotEmpty();
        assertThat(config.alerting().rules().rules()).isNotEmpty();
        assertThat(config.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void filesAreReadFromTheConfigFolderWithTheirFormats() throws IOException {
        Files.createDirectories(dir.resolve("feeds"));
        Files.writeString(dir.resolve("feeds/more.ndjson"), "");
        SpikewatchConfig config = load("""
                sources:
                  speed: 60x
                  posts: {files: posts.ndjson, format: x-api-v2}
                  statements: {files: [statements.ndjson, feeds/more.ndjson], format: Bluesky-Jetstream}
                elasticsearch:
                  hosts: http://127.0.0.1:9200
                  index_prefix: watch
                job:
                  parallelism: 3
                  out_of_orderness: PT5M
                  allowed_lateness: 2h
                  annotation_cache: 0
                  index_pending: false
                  overload_sample: 0.1
                  overload_after: 5m
                """);
        assertThat(config.input().readsKafka()).isFalse();
        assertThat(config.input().files()).containsExactly(
                dir.resolve("posts.ndjson"), dir.resolve("statements.ndjson"), dir.resolve("feeds/more.ndjson"));
        assertThat(config.input().posts().format()).isEqualTo("x-api-v2");
        assertThat(config.input().statements().format()).isEqualTo("Bluesky-Jetstream");
        assertThat(config.settings().inputFormats().formatOf(dir.resolve("posts.ndjson").toString())).isEqualTo("x-api-v2");
        assertThat(config.settings().inputFormats().formatOf(dir.resolve("feeds/more.ndjson").toString())).isEqualTo("bluesky-jetstream");
        assertThat(config.input().speed().isPaced()).isTrue();
        assertThat(config.settings().annotationParallelism()).isEqualTo(3);
        assertThat(config.settings().outOfOrderness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.settings().allowedLateness()).isEqualTo(Duration.ofHours(2));
        assertThat(config.settings().annotationCache().enabled()).isFalse();
        assertThat(config.settings().indexPending()).isFalse();
        assertThat(config.settings().overloadSample()).isEqualTo(new OverloadSample(0.1, Duration.ofMinutes(5)));
        assertThat(config.settings().indices().posts()).isEqualTo("watch-posts");
        assertThat(config.connection().username()).isNull();
        assertThat(config.alerting()).isNull();
    }

    @Test
    void anOverloadSampleIsAShareOrAuto() throws IOException {
        assertThat(load(FILES_INPUT).settings().overloadSample()).isEqualTo(OverloadSample.OFF);
        assertThat(load(FILES_INPUT + "job: {overload_sample: auto, overload_after: 90s}\n").settings().overloadSample())
                .isEqualTo(OverloadSample.adaptive(Duration.ofSeconds(90)));
        assertThat(load(FILES_INPUT + "job: {overload_sample: 1}\n").settings().overloadSample().isOn()).isFalse();
    }

    @Test
    void aKafkaPartitionsIdlenessIsSetByIdleAfterAndFilesAreNeverIdle() throws IOException {
        String es = "elasticsearch: {hosts: [\"http://127.0.0.1:9200\"]}\n";

        assertThat(load("sources: {kafka: {bootstrap: \"b:9092\", idle_after: 5m}, posts: {topic: posts}}\n" + es)
                .settings().sourceIdleness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(load(FILES_INPUT).settings().sourceIdleness()).isZero();
    }

    @Test
    void anApiKeyComesFromItsFileAndInlineAlertRulesAreChecked() throws IOException {
        Files.writeString(dir.resolve("es-key"), "id-1:key-abcdef\n");
        SpikewatchConfig config = load(FILES_INPUT + """
                  auth: {api_key: {file: es-key}}
                alerts:
                  channels: {console: {type: console}}
                  rules:
                    - {name: everything, type: spike, channels: [console]}
                """);
        assertThat(config.connection().usesApiKey()).isTrue();
        assertThat(config.connection().toString()).doesNotContain("key-abcdef");
        assertThat(config.alerting().rules().rules()).hasSize(1);

        assertThatThrownBy(() -> load(FILES_INPUT + """
                alerts:
                  rules:
                    - {name: everything, type: spikey, channels: [console]}
                """)).hasMessageStartingWith("spikewatch.yaml: alerts: rules[0] (everything): key 'type'");
    }

    @Test
    void inlineChannelSecretsUseTheLoadersResolverAndTheConfigFilesFolder() throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/smtp"), "smtp-pw-4471\n");
        env.put("SLACK_URL", "https://hooks.slack.example/services/T/B/tok-9921");
        String alerts = """
                alerts:
                  channels:
                    slack: {type: slack, url: {env: SLACK_URL}}
                    mail:
                      type: email
                      host: smtp.example.org
                      username: alerts
                      password: {file: secrets/smtp}
                      from: a@example.org
                      to: [b@example.org]
                  rules:
                    - {name: everything, type: spike, channels: [slack, mail]}
                """;
        SpikewatchConfig config = load(FILES_INPUT + alerts);
        var checked = config.alerting().rules(new SecretResolver(env::get));
        assertThat(checked.channels()).containsOnlyKeys("slack", "mail");
        assertThat(((io.spikewatch.alerts.ChannelConfig.Email) checked.channels().get("mail")).password().reveal())
                .isEqualTo("smtp-pw-4471");
        assertThat(config.toString() + checked).doesNotContain("smtp-pw-4471", "tok-9921");

        Files.delete(dir.resolve("secrets/smtp"));
        assertThatThrownBy(() -> load(FILES_INPUT + alerts))
                .hasMessage("spikewatch.yaml: alerts: channels.mail.password.file: " + dir.resolve("secrets/smtp")
                        + " does not exist (mark the channel 'optional: true' to run without it)");
    }

    static Stream<Arguments> mistakes() {
        String es = "elasticsearch: {hosts: [\"https://127.0.0.1:9200\"]}\n";
        String posts = "sources: {posts: {files: [posts.ndjson]}}\n";
        return Stream.of(
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  auth: {username: u, password: {env: ES_PASSWORD}}\n",
                        "elasticsearch.auth.password.env: variable ES_PASSWORD is not set"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  auth: {username: u, password: hunter2}\n",
                        "elasticsearch.auth.password: a secret is never written in the configuration; give {env: VARIABLE} or {file: PATH} instead"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  auth: {username: u}\n",
                        "elasticsearch.auth.password: missing; basic auth needs username and password (or give api_key)"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  auth: {username: u, password: {env: SPIKEWATCH_ES_PASSWORD}, api_key: {env: K}}\n",
                        "elasticsearch.auth.api_key: give either username and password, or api_key, not both"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"http://127.0.0.1:9200\"]\n  tls: {ca_file: ca.crt}\n",
                        "elasticsearch.tls.ca_file: set, but no host in elasticsearch.hosts is https://"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  tls: {ca_file: ca.crt}\n",
                        "elasticsearch.tls.ca_file: " + "DIR/ca.crt does not exist"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\", \"es2:9201\"]\n",
                        "elasticsearch.hosts[1]: 'es2:9201' must start with http:// or https://"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  index_prefx: x\n",
                        "elasticsearch.index_prefx: unknown key; allowed here are auth, connect_timeout, hosts, index_prefix, socket_timeout, tls"),
                Arguments.of(posts + "elasticsearch:\n  hosts: [\"https://127.0.0.1:9200\"]\n  socket_timeout: 60\n",
                        "elasticsearch.socket_timeout: expected a duration with its unit (90s, 10m, 2h, 1d or PT10M), found the integer 60"),
                Arguments.of(es, "sources: missing; the file needs 'sources' and 'elasticsearch'"),
                Arguments.of("sources: {statements: {files: [statements.ndjson]}}\n" + es,
                        "sources.posts: missing; give the posts source (files or a Kafka topic)"),
                Arguments.of("sources: {posts: {files: [posts.ndjson, nope.ndjson]}}\n" + es,
                        "sources.posts.files[1]: DIR/nope.ndjson does not exist"),
                Arguments.of("sources: {posts: {files: [posts.ndjson], format: tiktok}}\n" + es,
                        "sources.posts.format: unknown input format 'tiktok' (known formats: ndjson, x-api-v2, bluesky-jetstream, mastodon, press-feed)"),
                Arguments.of("sources: {posts: {files: [posts.ndjson], format: press-feed}}\n" + es,
                        "sources.posts.format: a press feed is one XML document, not one record a line: read it from a Kafka topic (one feed a message)"),
                Arguments.of("sources: {posts: {topic: posts}}\n" + es,
                        "sources.posts.topic: needs sources.kafka (bootstrap servers); without it the sources are files"),
                Arguments.of("sources: {kafka: {bootstrap: \"b:9092\"}, posts: {files: [posts.ndjson]}}\n" + es,
                        "sources.posts.files: not with sources.kafka: every source is a topic then"),
                Arguments.of("sources: {kafka: {bootstrap: \"broker\"}, posts: {topic: posts}}\n" + es,
                        "sources.kafka.bootstrap: 'broker' is not HOST:PORT"),
                Arguments.of("sources: {kafka: {bootstrap: \"b:9092\"}, posts: {topic: posts}, speed: 2x}\n" + es,
                        "sources.speed: applies to files only; a Kafka source is read as it comes"),
                Arguments.of("sources: {kafka: {bootstrap: \"b:9092\", idle_after: -PT1S}, posts: {topic: posts}}\n" + es,
                        "sources.kafka.idle_after: expected a duration of 0 or more"),
                Arguments.of(posts + es + "job: {parallelism: 0}\n",
                        "job.parallelism: expected a whole number of at least 1, found the integer 0"),
                Arguments.of(posts + es + "job: {allowed_lateness: -PT1M}\n",
                        "job.allowed_lateness: expected a duration of 0 or more"),
                Arguments.of(posts + es + "job: {overload_sample: 0}\n",
                        "job.overload_sample: expected a number more than 0 and at most 1, or auto, found the integer 0"),
                Arguments.of(posts + es + "job: {overload_sample: 10%}\n",
                        "job.overload_sample: expected a number more than 0 and at most 1, or auto, found the string '10%'"),
                Arguments.of(posts + es + "tracked_entities: entities.yaml\n",
                        "tracked_entities: DIR/entities.yaml does not exist"),
                Arguments.of(posts + es + "alerts: {rules_file: rules.yaml}\n",
                        "alerts.rules_file: DIR/rules.yaml does not exist"),
                Arguments.of(posts + es + "paralelism: 2\n",
                        "paralelism: unknown key; allowed here are alerts, elasticsearch, job, sources, tracked_entities"),
                Arguments.of(posts + es + "job: {parallelism: 2}\njob: {parallelism: 3}\n",
                        "not valid YAML at line 4, column 1: found duplicate key job"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void eachMistakeNamesItsKeyPath(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("spikewatch.yaml: " + message.replace("DIR", dir.toString()));
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> loader.read(missing))
                .hasMessage(missing + ": cannot read the configuration file: NoSuchFileException");
    }

    @Test
    void theConnectionKeepsItsTimeouts() throws IOException {
        ElasticsearchConnection connection = load("""
                sources: {posts: {files: [posts.ndjson]}}
                elasticsearch: {hosts: ["http://127.0.0.1:9200"], connect_timeout: 2s, socket_timeout: 2m}
                """).connection();
        assertThat(connection.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(connection.socketTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(List.of(connection.describeCredentials())).containsExactly("no credentials");
    }
}
