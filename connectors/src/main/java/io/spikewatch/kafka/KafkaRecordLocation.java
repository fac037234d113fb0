package io.spikewatch.kafka;

/**
 * How a record read from Kafka says where it came from, so a dead letter can be found again:
 * the source {@code kafka:TOPIC} and the location {@code PARTITION@OFFSET}, read together as
 * {@code kafka:TOPIC/PARTITION@OFFSET}. Plain Java.
 */
public final class KafkaRecordLocation {

    /** The prefix of every Kafka source name. */
    public static final String SOURCE_PREFIX = "kafka:";

    private KafkaRecordLocation() {}

    /** {@code kafka:TOPIC}. */
    public static String source(String topic) {
        return SOURCE_PREFIX + topic;
    }

    /** {@code PARTITION@OFFSET}. */
    public static String location(int partition, long offset) {
        return partition + "@" + offset;
    }

    /** The full address, {@code kafka:TOPIC/PARTITION@OFFSET}, as a person would quote it. */
    public static String describe(String topic, int partition, long offset) {
        return source(topic) + "/" + location(partition, offset);
    }
}
