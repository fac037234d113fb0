package io.spikewatch.cluster;

import io.spikewatch.fixtures.Scenario;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RecordParser;
import io.spikewatch.schema.RejectedRecordException;
import io.spikewatch.schema.Statement;
import io.spikewatch.testing.KafkaBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seed scenario on Kafka topics, and what the job must index from it.
 *
 * <p>Lines are produced in event-time order (each partition in order, a malformed line keeping
 * its place after the line before it): the generator's deliberately late posts would otherwise be
 * late or not depending on how far the other partition had got, and the alert set would depend on
 * timing rather than on the input. Posts go round-robin to the {@value #POSTS_PARTITIONS}
 * partitions of {@value #POSTS_TOPIC}, statements to {@value #STATEMENTS_TOPIC}.
 *
 * @param postIds the distinct ids of the posts the job must index
 * @param statementIds the distinct ids of the statements
 * @param rejected how many records the job must turn into dead letters (one per record)
 */
record ScenarioTopics(Set<String> postIds, Set<String> statementIds, int rejected) {

    static final String POSTS_TOPIC = "posts";
    static final String STATEMENTS_TOPIC = "statements";
    static final int POSTS_PARTITIONS = 2;

    /** Creates the topics on {@code broker} and produces {@code scenario} to them. */
    static ScenarioTopics produce(KafkaBroker broker, Scenario scenario) throws Exception {
        broker.createTopic(POSTS_TOPIC, POSTS_PARTITIONS);
        broker.createTopic(STATEMENTS_TOPIC, 1);
        RecordParser parser = new RecordParser();
        Set<String> posts = new HashSet<>();
        Set<String> statements = new HashSet<>();
        int rejected = 0;
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        properties.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            List<List<String>> topics = List.of(inEventTimeOrder(parser, scenario.postLines()), inEventTimeOrder(parser, scenario.statementLines()));
            for (int t = 0; t < topics.size(); t++) {
                String topic = t == 0 ? POSTS_TOPIC : STATEMENTS_TOPIC;
                int partitions = t == 0 ? POSTS_PARTITIONS : 1;
                List<String> lines = topics.get(t);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    producer.send(new ProducerRecord<>(topic, i % partitions, null, line));
                    try {
                        InputDocument document = parser.parse(new RawRecord("kafka:" + topic, "-", line));
                        if (document instanceof Post post) {
                            posts.add(post.id());
                        } else if (document instanceof Statement statement) {
                            statements.add(statement.id());
                        }
                    } catch (RejectedRecordException e) {
                        rejected++;
                    }
                }
            }
            producer.flush();
        }
        return new ScenarioTopics(Set.copyOf(posts), Set.copyOf(statements), rejected);
    }

    private static List<String> inEventTimeOrder(RecordParser parser, List<String> lines) {
        record Timed(String line, Instant time, int position) {}
        List<Timed> timed = new ArrayList<>();
        Instant previous = Instant.EPOCH;
        for (String line : lines) {
            Instant time = parser.peekEventTime(line).orElse(previous);
            timed.add(new Timed(line, time, timed.size()));
            previous = time;
        }
        timed.sort(Comparator.comparing(Timed::time).thenComparingInt(Timed::position));
        return timed.stream().map(Timed::line).toList();
    }
}
