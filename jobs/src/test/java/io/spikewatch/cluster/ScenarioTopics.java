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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The seed scenario on a pair of Kafka topics, produced all at once or in two parts, and what the
 * job must index from what was produced so far.
 *
 * <p>Lines are produced in event-time order (each partition in order, a malformed line keeping
 * its place after the line before it): the generator's deliberately late posts would otherwise be
 * late or not depending on how far the other partition had got, and the alert set would depend on
 * timing rather than on the input. Posts go round-robin to the {@value #POSTS_PARTITIONS}
 * partitions of the posts topic, statements to the statements topic; the same lines land in the
 * same partitions however the production is split.
 */
final class ScenarioTopics {

    static final int POSTS_PARTITIONS = 2;

    private record Timed(String line, Instant time, int position) {}

    private final KafkaBroker broker;
    private final String postsTopic;
    private final String statementsTopic;
    private final List<Timed> posts;
    private final List<Timed> statements;
    private final RecordParser parser = new RecordParser();
    private final Set<String> postIds = new HashSet<>();
    private final Set<String> statementIds = new HashSet<>();
    private int rejected;
    private int postsProduced;
    private int statementsProduced;

    private ScenarioTopics(KafkaBroker broker, String topicPrefix, Scenario scenario) {
        this.broker = broker;
        this.postsTopic = topicPrefix + "posts";
        this.statementsTopic = topicPrefix + "statements";
        this.posts = inEventTimeOrder(scenario.postLines());
        this.statements = inEventTimeOrder(scenario.statementLines());
    }

    /** Creates the topics {@code PREFIXposts} and {@code PREFIXstatements}; produces nothing yet. */
    static ScenarioTopics create(KafkaBroker broker, String topicPrefix, Scenario scenario) throws ExecutionException, InterruptedException {
        ScenarioTopics topics = new ScenarioTopics(broker, topicPrefix, scenario);
        broker.createTopic(topics.postsTopic, POSTS_PARTITIONS);
        broker.createTopic(topics.statementsTopic, 1);
        return topics;
    }

    String postsTopic() {
        return postsTopic;
    }

    String statementsTopic() {
        return statementsTopic;
    }

    /** Produces every line not produced yet. */
    ScenarioTopics produceAll() throws ExecutionException, InterruptedException {
        return produceBefore(Instant.MAX);
    }

    /** Produces the lines not produced yet whose event time is before {@code end}. */
    ScenarioTopics produceBefore(Instant end) throws ExecutionException, InterruptedException {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        properties.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (; postsProduced < posts.size() && posts.get(postsProduced).time().isBefore(end); postsProduced++) {
                sent.add(send(producer, postsTopic, postsProduced % POSTS_PARTITIONS, posts.get(postsProduced).line()));
            }
            for (; statementsProduced < statements.size() && statements.get(statementsProduced).time().isBefore(end); statementsProduced++) {
                sent.add(send(producer, statementsTopic, 0, statements.get(statementsProduced).line()));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> record : sent) {
            record.get();
        }
        return this;
    }

    /** The distinct ids of the posts produced so far: what the job must index. */
    Set<String> postIds() {
        return Set.copyOf(postIds);
    }

    Set<String> statementIds() {
        return Set.copyOf(statementIds);
    }

    /** How many records produced so far the job must turn into dead letters (one each). */
    int rejected() {
        return rejected;
    }

    private Future<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, int partition, String line) {
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, partition, null, line));
        try {
            InputDocument document = parser.parse(new RawRecord("kafka:" + topic, "-", line));
            if (document instanceof Post post) {
                postIds.add(post.id());
            } else if (document instanceof Statement statement) {
                statementIds.add(statement.id());
            }
        } catch (RejectedRecordException e) {
            rejected++;
        }
        return sent;
    }

    private List<Timed> inEventTimeOrder(List<String> lines) {
        List<Timed> timed = new ArrayList<>();
        Instant previous = Instant.EPOCH;
        for (String line : lines) {
            Instant time = parser.peekEventTime(line).orElse(previous);
            timed.add(new Timed(line, time, timed.size()));
            previous = time;
        }
        timed.sort(Comparator.comparing(Timed::time).thenComparingInt(Timed::position));
        return timed;
    }
}
