package io.spikewatch.config;

import io.spikewatch.alerts.AlertConfig;
import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.formats.FormatAdapters;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.index.IndexNames;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import io.spikewatch.monitor.OverloadSample;
import io.spikewatch.replay.ReplaySpeed;
import io.spikewatch.secrets.SecretReference;
import io.spikewatch.secrets.SecretResolver;
import io.spikewatch.yaml.YamlValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads the {@code run --config} file (format: README, "Configuration file", and
 * {@code config/spikewatch.example.yaml}) and checks all of it before anything starts: unknown
 * keys, types, ranges, that every file it names exists, that every secret it references is set,
 * the tracked entities and the alert rules. Relative paths are resolved against the file's own
 * folder. Errors name the file and the key path; no error or log line holds a secret's value.
 */
public final class SpikewatchConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SpikewatchConfigLoader.class);

    static final String SOURCES = "sources";
    static final String ELASTICSEARCH = "elasticsearch";
    static final String TRACKED_ENTITIES = "tracked_entities";
    static final String ALERTS = "alerts";
    static final String JOB = "job";

    private static final Set<String> TOP_KEYS = Set.of(SOURCES, ELASTICSEARCH, TRACKED_ENTITIES, ALERTS, JOB);
    private static final Set<String> SOURCES_KEYS = Set.of("kafka", "speed", "posts", "statements");
    private static final Set<String> KAFKA_KEYS = Set.of("bootstrap", "group_id", "until_latest", "idle_after");
    private static final Set<String> SOURCE_KEYS = Set.of("files", "topic", "format");
    private static final Set<String> ES_KEYS = Set.of("hosts", "index_prefix", "auth", "tls", "connect_timeout", "socket_timeout");
    private static final Set<String> AUTH_KEYS = Set.of("username", "password", "api_key");
    private static final Set<String> TLS_KEYS = Set.of("ca_file");
    private static final Set<String> ALERTS_KEYS = Set.of("rules_file", "channels", "rules");
    private static final Set<String> JOB_KEYS = Set.of("parallelism", "out_of_orderness", "alert_out_of_orderness",
            "allowed_lateness", "annotation_cache", "index_pending", "overload_sample", "overload_after");

    /**
     * A Kafka partition without records for this long stops holding the event-time watermark (a
     * statements topic may be quiet for hours), or moves it on with the wall clock when it was
     * reading live posts; {@code sources.kafka.idle_after} sets it. Files are never idle.
     */
    public static final Duration DEFAULT_KAFKA_IDLE_AFTER = Duration.ofSeconds(30);
    /** A CA file larger than this is not a PEM bundle of CA certificates. */
    static final int MAX_CA_FILE_BYTES = 1024 * 1024;

    private final SecretResolver secrets;

    /** @param secrets resolves {@code {env: ...}} and {@code {file: ...}} references ({@link SecretResolver#ofProcess()} in production) */
    public SpikewatchConfigLoader(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /** Reads {@code file} with this process's environment. */
    public static SpikewatchConfig load(Path file) {
        return new SpikewatchConfigLoader(SecretResolver.ofProcess()).read(file);
    }

    /** @throws InvalidConfigException naming the file, the key path and the reason */
    public SpikewatchConfig read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        String text;
        try {
            text = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot read the configuration file: " + e.getClass().getSimpleName(), e);
        }
        try {
            SpikewatchConfig config = parse(name, absolute, yaml(text));
            LOG.info("configuration {}: {} into {} ({}), annotation parallelism {}{}", absolute,
                    describe(config.input()), config.connection(), config.settings().indices().prefix(),
                    config.settings().annotationParallelism(),
                    config.alerting() == null ? ", no alerting" : ", alert rules from " + config.alerting().rulesSource());
            return config;
        } catch (InvalidConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // IllegalArgumentException from the readers, InvalidSecretException, the tracked entities' and rules' own exceptions
            throw new InvalidConfigException(name + ": " + e.getMessage(), e);
        }
    }

    private static Object yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(text);
            if (root == null) {
                throw new IllegalArgumentException("the file is empty; expected at least 'sources' and 'elasticsearch'");
            }
            return root;
        } catch (MarkedYAMLException e) {
            // Without the snippet of the line snakeyaml quotes: that line might hold a secret.
            Mark mark = e.getProblemMark();
            throw new IllegalArgumentException("not valid YAML" + (mark == null ? "" : " at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1)) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getClass().getSimpleName());
        }
    }

    private SpikewatchConfig parse(String name, Path file, Object root) {
        Path dir = file.getParent();
        ConfigMap top = ConfigMap.of("", root, TOP_KEYS);
        for (String required : List.of(SOURCES, ELASTICSEARCH)) {
            if (!top.has(required)) {
                throw top.error(required, "missing; the file needs 'sources' and 'elasticsearch'");
            }
        }
        RunInput input = input(top.child(SOURCES, SOURCES_KEYS), dir);
        IndexNames indices;
        ConfigMap es = top.child(ELASTICSEARCH, ES_KEYS);
        try {
            indices = new IndexNames(es.string("index_prefix", IndexNames.DEFAULT_PREFIX));
        } catch (IllegalArgumentException e) {
            throw es.error("index_prefix", e.getMessage());
        }
        ElasticsearchConnection connection = connection(es, dir);
        AnnotatorConfig annotator = annotator(top, dir);
        MonitorSettings settings = settings(top.has(JOB) ? top.child(JOB, JOB_KEYS) : ConfigMap.of(JOB, Map.of(), JOB_KEYS),
                indices, input);
        AlertingSettings alerting = top.has(ALERTS) ? alerting(name, top.child(ALERTS, ALERTS_KEYS), dir, annotator) : null;
        return new SpikewatchConfig(file, input, connection, settings, annotator, alerting);
    }

    // ---- sources

    private RunInput input(ConfigMap sources, Path dir) {
        if (!sources.has("posts")) {
            throw sources.error("posts", "missing; give the posts source (files or a Kafka topic)");
        }
        boolean kafka = sources.has("kafka");
        InputSource posts = source(sources, "posts", kafka, dir);
        InputSource statements = sources.has("statements") ? source(sources, "statements", kafka, dir) : null;
        if (!kafka) {
            ReplaySpeed speed;
            try {
                speed = ReplaySpeed.parse(sources.string("speed", "max"));
            } catch (IllegalArgumentException e) {
                throw sources.error("speed", e.getMessage());
            }
            return new RunInput(null, false, Duration.ZERO, speed, posts, statements);
        }
        if (sources.has("speed")) {
            throw sources.error("speed", "applies to files only; a Kafka source is read as it comes");
        }
        ConfigMap settings = sources.child("kafka", KAFKA_KEYS);
        List<String> topics = new ArrayList<>(List.of(posts.topic()));
        if (statements != null) {
            topics.add(statements.topic());
        }
        KafkaSettings kafkaSettings;
        try {
            kafkaSettings = new KafkaSettings(settings.string("bootstrap"), topics,
                    settings.string("group_id", KafkaSettings.DEFAULT_GROUP_ID));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kafkaKey(settings, e.getMessage()));
        }
        return new RunInput(kafkaSettings, settings.bool("until_latest", false), notNegative(settings, "idle_after", DEFAULT_KAFKA_IDLE_AFTER),
                ReplaySpeed.AS_FAST_AS_POSSIBLE, posts, statements);
    }

    /** KafkaSettings names its own keys; this puts the file's key paths in their place. */
    private static String kafkaKey(ConfigMap settings, String message) {
        for (String[] pair : new String[][] {
                {KafkaSettings.KEY_BOOTSTRAP + ":", settings.path("bootstrap") + ":"},
                {KafkaSettings.KEY_GROUP_ID + ":", settings.path("group_id") + ":"},
                {KafkaSettings.KEY_TOPICS + ":", "sources.*.topic:"}}) {
            if (message.startsWith(pair[0])) {
                return pair[1] + message.substring(pair[0].length());
            }
        }
        return settings.path() + ": " + message;
    }

    private InputSource source(ConfigMap sources, String name, boolean kafka, Path dir) {
        ConfigMap source = sources.child(name, SOURCE_KEYS);
        String format = source.string("format", InputSource.DEFAULT_FORMAT);
        try {
            FormatAdapters.named(format);
        } catch (IllegalArgumentException e) {
            throw source.error("format", e.getMessage());
        }
        if (kafka) {
            if (source.has("files")) {
                throw source.error("files", "not with sources.kafka: every source is a topic then");
            }
            if (!source.has("topic")) {
                throw source.error("topic", "missing; with sources.kafka each source names its topic");
            }
            return new InputSource(name, List.of(), source.string("topic"), format);
        }
        if (source.has("topic")) {
            throw source.error("topic", "needs sources.kafka (bootstrap servers); without it the sources are files");
        }
        if (!source.has("files")) {
            throw source.error("files", "missing; give the NDJSON files to read (or a topic, with sources.kafka)");
        }
        if (!FormatAdapters.named(format).oneRecordPerLine()) {
            throw source.error("format", "a press feed is one XML document, not one record a line: read it from a Kafka topic (one feed a message)");
        }
        List<String> names = source.strings("files");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Path path = dir.resolve(names.get(i)).normalize();
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException(source.path("files") + "[" + i + "]: " + path
                        + (Files.exists(path) ? " is not a readable file" : " does not exist"));
            }
            files.add(path);
        }
        return new InputSource(name, files, null, format);
    }

    // ---- elasticsearch

    private ElasticsearchConnection connection(ConfigMap es, Path dir) {
        if (!es.has("hosts")) {
            throw es.error("hosts", "missing; give the node URLs, e.g. [\"https://es1.example.org:9200\"]");
        }
        ElasticsearchConnection connection = ElasticsearchConnection.parse(es.path("hosts"), es.strings("hosts"));
        for (String key : List.of("connect_timeout", "socket_timeout")) {
            if (es.has(key)) {
                Duration timeout = es.duration(key, null);
                try {
                    connection = key.equals("connect_timeout")
                            ? connection.withConnectTimeout(timeout) : connection.withSocketTimeout(timeout);
                } catch (IllegalArgumentException e) {
                    throw es.error(key, "expected a positive duration, found " + timeout);
                }
            }
        }
        boolean https = connection.urls().stream().anyMatch(u -> u.getScheme().equals("https"));
        if (es.has("tls")) {
            ConfigMap tls = es.child("tls", TLS_KEYS);
            if (!https) {
                throw tls.error("ca_file", "set, but no host in " + es.path("hosts") + " is https://");
            }
            if (tls.has("ca_file")) {
                Path ca = dir.resolve(tls.string("ca_file")).normalize();
                connection = connection.withTrustedCa(caBytes(tls, ca), ca.getFileName().toString());
            }
        }
        if (es.has("auth")) {
            ConfigMap auth = es.child("auth", AUTH_KEYS);
            if (auth.has("api_key")) {
                if (auth.has("username") || auth.has("password")) {
                    throw auth.error("api_key", "give either username and password, or api_key, not both");
                }
                String key = auth.path("api_key");
                try {
                    connection = connection.withApiKey(secrets.resolve(key, SecretReference.parse(key, auth.raw("api_key"), dir)));
                } catch (io.spikewatch.secrets.InvalidSecretException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw auth.error("api_key", e.getMessage());
                }
            } else {
                if (!auth.has("username") || !auth.has("password")) {
                    throw auth.error(auth.has("username") ? "password" : "username",
                            "missing; basic auth needs username and password (or give api_key)");
                }
                String key = auth.path("password");
                String username = auth.string("username");
                try {
                    connection = connection.withBasicAuth(username,
                            secrets.resolve(key, SecretReference.parse(key, auth.raw("password"), dir)));
                } catch (io.spikewatch.secrets.InvalidSecretException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw auth.error("username", e.getMessage());
                }
            }
            if (!https) {
                LOG.warn("{}: the credentials go to {} unencrypted (http://); use https:// hosts with a TLS CA",
                        auth.path(), connection.describeUrls());
            }
        }
        return connection;
    }

    private static byte[] caBytes(ConfigMap tls, Path ca) {
        try {
            if (!Files.isRegularFile(ca)) {
                throw tls.error("ca_file", ca + (Files.exists(ca) ? " is not a file" : " does not exist"));
            }
            if (Files.size(ca) > MAX_CA_FILE_BYTES) {
                throw tls.error("ca_file", ca + " is larger than " + MAX_CA_FILE_BYTES + " bytes; expected PEM certificates");
            }
            return Files.readAllBytes(ca);
        } catch (IOException e) {
            throw tls.error("ca_file", "cannot read " + ca + ": " + e.getClass().getSimpleName());
        }
    }

    // ---- annotation, job settings

    private static AnnotatorConfig annotator(ConfigMap top, Path dir) {
        AnnotatorConfig.Builder builder = AnnotatorConfig.builder();
        if (top.has(TRACKED_ENTITIES)) {
            Path file = dir.resolve(top.string(TRACKED_ENTITIES)).normalize();
            if (!Files.isRegularFile(file)) {
                throw top.error(TRACKED_ENTITIES, file + " does not exist");
            }
            try {
                builder.trackedEntitiesFile(file);
            } catch (RuntimeException e) {
                throw top.error(TRACKED_ENTITIES, e.getMessage());
            }
        }
        return builder.build();
    }

    /** {@code overload_sample}: a share, or {@code auto} for one that adapts to the backlog. */
    private static OverloadSample overloadSample(ConfigMap job) {
        Duration after = notNegative(job, "overload_after", OverloadSample.DEFAULT_AFTER);
        Object value = job.raw("overload_sample");
        if (value == null) {
            return new OverloadSample(OverloadSample.OFF.rate(), after);
        }
        if (OverloadSample.AUTO.equals(value)) {
            return OverloadSample.adaptive(after);
        }
        if (value instanceof Number share && share.doubleValue() > 0 && share.doubleValue() <= 1) {
            return new OverloadSample(share.doubleValue(), after);
        }
        throw job.error("overload_sample", "expected a number more than 0 and at most 1, or " + OverloadSample.AUTO
                + ", found " + YamlValues.describe(value));
    }

    private static MonitorSettings settings(ConfigMap job, IndexNames indices, RunInput input) {
        MonitorSettings.Builder builder = MonitorSettings.builder().indices(indices);
        try {
            builder.annotationParallelism(job.integer("parallelism", MonitorSettings.DEFAULT_ANNOTATION_PARALLELISM, 1));
            builder.outOfOrderness(notNegative(job, "out_of_orderness", MonitorSettings.DEFAULT_OUT_OF_ORDERNESS));
            builder.alertOutOfOrderness(notNegative(job, "alert_out_of_orderness", MonitorSettings.DEFAULT_ALERT_OUT_OF_ORDERNESS));
            builder.allowedLateness(notNegative(job, "allowed_lateness", MonitorSettings.DEFAULT_ALLOWED_LATENESS));
            builder.annotationCache(AnnotationCacheSettings.ofEntries(
                    job.integer("annotation_cache", AnnotationCacheSettings.DEFAULT_MAX_ENTRIES, 0)));
            builder.indexPending(job.bool("index_pending", MonitorSettings.DEFAULT_INDEX_PENDING));
            builder.overloadSample(overloadSample(job));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(JOB + ".") ? e : new IllegalArgumentException(job.path() + ": " + e.getMessage());
        }
        builder.sourceIdleness(input.readsKafka() ? input.idleAfter() : MonitorSettings.DEFAULT_SOURCE_IDLENESS);
        builder.inputFormats(input.formats());
        return builder.build();
    }

    private static Duration notNegative(ConfigMap job, String key, Duration fallback) {
        Duration value = job.duration(key, fallback);
        if (value.isNegative()) {
            throw job.error(key, "expected a duration of 0 or more");
        }
        return value;
    }

    // ---- alerts

    private AlertingSettings alerting(String name, ConfigMap alerts, Path dir, AnnotatorConfig annotator) {
        AlertingSettings settings;
        if (alerts.has("rules_file")) {
            if (alerts.has("rules") || alerts.has("channels")) {
                throw alerts.error("rules_file", "give either rules_file or the rules (and channels) here, not both");
            }
            Path file = dir.resolve(alerts.string("rules_file")).normalize();
            if (!Files.isRegularFile(file)) {
                throw alerts.error("rules_file", file + " does not exist");
            }
            settings = AlertingSettings.fromRulesFile(file, annotator.trackedEntitiesYaml());
        } else {
            if (!alerts.has("rules")) {
                throw alerts.error("rules", "missing; give rules_file, or rules (and channels) in this section");
            }
            Map<String, Object> inline = new java.util.LinkedHashMap<>();
            if (alerts.has("channels")) {
                inline.put("channels", alerts.raw("channels"));
            }
            inline.put("rules", alerts.raw("rules"));
            settings = AlertingSettings.withRules(dump(inline), alerts.path(), dir, annotator.trackedEntitiesYaml());
        }
        AlertConfig checked;
        try {
            checked = settings.rules(secrets);
        } catch (RuntimeException e) {
            // inline: the rules parser names 'alerts' as its source already; a rules file names itself
            throw new IllegalArgumentException(alerts.has("rules_file") ? alerts.path("rules_file") + ": " + e.getMessage()
                    : e.getMessage(), e);
        }
        LOG.debug("alert rules: {} rules, channels {}", checked.rules().size(), checked.channels().keySet());
        return settings;
    }

    private static String dump(Map<String, Object> node) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(node);
    }

    private static String describe(RunInput input) {
        StringBuilder text = new StringBuilder();
        if (input.readsKafka()) {
            text.append("Kafka ").append(input.kafka().bootstrapServers()).append(" group ").append(input.kafka().groupId());
        } else {
            text.append("files at ").append(input.speed());
        }
        for (InputSource source : input.sources()) {
            text.append(", ").append(source.name()).append(" (").append(source.format()).append(") from ")
                    .append(source.topic() != null ? "topic " + source.topic() : source.files().size() + " file(s)");
        }
        return text.toString();
    }
}
