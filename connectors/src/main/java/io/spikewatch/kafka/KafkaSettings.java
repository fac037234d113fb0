package io.spikewatch.kafka;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the monitor job reads its records in Kafka: the brokers, the topics (posts, statements,
 * or one topic holding both) and the consumer group whose committed offsets say where a new run
 * starts. Validated on construction; every error names the setting ({@link #KEY_BOOTSTRAP},
 * {@link #KEY_TOPICS}, {@link #KEY_GROUP_ID}) and the reason.
 *
 * @param bootstrapServers comma-separated {@code host:port} pairs, as Kafka clients take them
 * @param topics the topics to read, at least one, without duplicates, in the given order
 * @param groupId the consumer group; offsets are committed under it on each completed checkpoint
 */
public record KafkaSettings(String bootstrapServers, List<String> topics, String groupId) {

    public static final String KEY_BOOTSTRAP = "kafka-bootstrap";
    public static final String KEY_TOPICS = "topics";
    public static final String KEY_GROUP_ID = "group-id";
    /** The consumer group when none is given. */
    public static final String DEFAULT_GROUP_ID = "spikewatch-monitor";
    /** Appended to the group id for the fast path's second reading of the same topics. */
    public static final String FAST_PATH_GROUP_SUFFIX = "-fast-path";

    /** Kafka's own rule for topic names: ASCII letters, digits, '.', '_' and '-', at most 249. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:(\\d{1,5})");
    private static final int MAX_PORT = 65_535;

    public KafkaSettings {
        bootstrapServers = checkBootstrap(bootstrapServers);
        topics = checkTopics(topics);
        groupId = checkGroupId(groupId);
    }

    /** Settings with the {@link #DEFAULT_GROUP_ID default group}. */
    public static KafkaSettings of(String bootstrapServers, List<String> topics) {
        return new KafkaSettings(bootstrapServers, topics, DEFAULT_GROUP_ID);
    }

    /**
     * The same brokers and topics under the fast path's own group ({@code GROUP-fast-path}): the
     * fast path reads every record a second time, and its offsets must not move the indexing
     * path's.
     */
    public KafkaSettings forFastPath() {
        return new KafkaSettings(bootstrapServers, topics, groupId + FAST_PATH_GROUP_SUFFIX);
    }

    private static String checkBootstrap(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException(KEY_BOOTSTRAP + ": is empty; give HOST:PORT[,HOST:PORT...]");
        }
        String trimmed = servers.trim();
        for (String server : trimmed.split(",", -1)) {
            var matcher = HOST_PORT.matcher(server.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(KEY_BOOTSTRAP + ": '" + server.trim() + "' is not HOST:PORT");
            }
            int port = Integer.parseInt(matcher.group(1));
            if (port < 1 || port > MAX_PORT) {
                throw new IllegalArgumentException(KEY_BOOTSTRAP + ": port " + port + " in '" + server.trim() + "' is not between 1 and " + MAX_PORT);
            }
        }
        return trimmed;
    }

    private static List<String> checkTopics(List<String> topics) {
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException(KEY_TOPICS + ": no topic given; name at least the posts topic");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String topic : topics) {
            if (topic == null || !TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw new IllegalArgumentException(KEY_TOPICS + ": '" + topic
                        + "' is not a Kafka topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')");
            }
            if (!unique.add(topic)) {
                throw new IllegalArgumentException(KEY_TOPICS + ": '" + topic + "' is named twice; each record would be read twice");
            }
        }
        return List.copyOf(new ArrayList<>(unique));
    }

    private static String checkGroupId(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException(KEY_GROUP_ID + ": is empty; offsets are committed under a consumer group");
        }
        if (!groupId.equals(groupId.trim())) {
            throw new IllegalArgumentException(KEY_GROUP_ID + ": '" + groupId + "' starts or ends with white space");
        }
        return groupId;
    }
}
