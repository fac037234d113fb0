package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.cli.MonitorRun;
import io.spikewatch.formats.SourceFormats;
import io.spikewatch.index.IndexNames;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.replay.ReplaySpeed;
import io.spikewatch.testing.KafkaBroker;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform formats end to end: records in X API v2, Bluesky Jetstream, Mastodon and press-feed
 * form, read from Kafka topics and from files each in its own format, become posts and statements
 * in Elasticsearch under the adapters' ids; a Jetstream like is skipped, not a dead letter; a
 * record an adapter cannot map is a dead letter naming where it was and why. The payloads follow
 * the platforms' public documentation, trimmed to the fields that matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformFormatsITCase {

    private static final String X_STREAM_POST = """
            {"data":{"id":"1823000000000000001","text":"The Space still will not load. Massive DDoS, sure.","author_id":"501",\
            "created_at":"2024-08-13T00:05:00.000Z","lang":"en","public_metrics":{"retweet_count":12,"reply_count":3,\
            "like_count":40,"quote_count":1,"impression_count":2200}},\
            "includes":{"users":[{"id":"501","username":"spacewatcher","name":"Space Watcher","public_metrics":{"followers_count":900}}]},\
            "matching_rules":[{"id":"1","tag":"x-space"}]}""";
    private static final String X_SEARCH_PAGE = """
            {"data":[{"id":"1823000000000000002","text":"Unable to join the Trump interview on X","author_id":"502",\
            "created_at":"2024-08-13T00:06:00.000Z"},{"id":"1823000000000000003","text":"RT @spacewatcher: The Space still will not load.",\
            "author_id":"503","created_at":"2024-08-13T00:06:30.000Z","referenced_tweets":[{"type":"retweeted","id":"1823000000000000001"}]}],\
            "includes":{"users":[{"id":"502","username":"joiner"},{"id":"503","username":"reposter"}]},"meta":{"result_count":2}}""";
    private static final String X_ERRORS_ONLY = """
            {"errors":[{"value":"1823000000000000099","detail":"Could not find tweet with ids: [1823000000000000099].",\
            "title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"1823000000000000099",\
            "type":"https://api.twitter.com/2/problems/resource-not-found"}]}""";
    private static final String JETSTREAM_POST = """
            {"did":"did:plc:watcher1example","time_us":1723508405123456,"kind":"commit","commit":{"rev":"3kzrev1",\
            "operation":"create","collection":"app.bsky.feed.post","rkey":"3kzpost0001","record":{"$type":"app.bsky.feed.post",\
            "text":"Over on X the Trump Space still will not load.","createdAt":"2024-08-13T00:07:00.000Z","langs":["en"]},\
            "cid":"bafyreiexample1"}}""";
    private static final String JETSTREAM_LIKE = """
            {"did":"did:plc:liker2example","time_us":1723508465000000,"kind":"commit","commit":{"rev":"3kzrev2",\
            "operation":"create","collection":"app.bsky.feed.like","rkey":"3kzlike0001","record":{"$type":"app.bsky.feed.like",\
            "subject":{"uri":"at://did:plc:watcher1example/app.bsky.feed.post/3kzpost0001","cid":"bafyreiexample1"},\
            "createdAt":"2024-08-13T00:07:30.000Z"},"cid":"bafyreiexample2"}}""";
    private static final String MASTODON_STATUS = """
            {"id":"112950000000000001","created_at":"2024-08-13T00:08:00.000Z","spoiler_text":"","language":"en",\
            "uri":"https://social.example/users/newsdesk/statuses/112950000000000001",\
            "url":"https://social.example/@newsdesk/112950000000000001","replies_count":4,"reblogs_count":17,\
            "favourites_count":52,"content":"<p>The X Space is 40&nbsp;minutes late. Musk blames a &quot;massive DDoS&quot;.</p>",\
            "reblog":null,"account":{"id":"2002","username":"newsdesk","acct":"newsdesk","display_name":"News Desk",\
            "followers_count":8120}}""";
    private static final String RSS_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Harris for President</title>
                <link>https://campaign.example/press</link>
                <description>Press releases</description>
                <item>
                  <title>Statement on tonight's livestream</title>
                  <link>https://campaign.example/press/livestream</link>
                  <guid isPermaLink="false">campaign-example-2024-08-12-livestream</guid>
                  <pubDate>Tue, 13 Aug 2024 00:45:00 +0000</pubDate>
                  <dc:creator>Joseph Costello</dc:creator>
                  <description>&lt;p&gt;Who cannot run a livestream in the year 2024?&lt;/p&gt;</description>
                </item>
              </channel>
            </rss>""";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    @TempDir
    static Path dir;

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames kafkaIndices = elasticsearch.uniqueNames();
    private final IndexNames fileIndices = elasticsearch.uniqueNames();
    private ElasticsearchClient client;
    private KafkaBroker broker;

    @BeforeAll
    void runBothWays() throws Exception {
        client = elasticsearch.client();
        broker = KafkaBroker.start();
        for (String topic : List.of("x", "bluesky", "press")) {
            broker.createTopic(topic, 1);
        }
        produce("x", X_STREAM_POST, X_SEARCH_PAGE, X_ERRORS_ONLY);
        produce("bluesky", JETSTREAM_POST, JETSTREAM_LIKE);
        produce("press", RSS_FEED);
        KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), List.of("x", "bluesky", "press"), "formats-itcase");
        SourceFormats byTopic = SourceFormats.allIn("x-api-v2").with("bluesky", "bluesky-jetstream").with("press", "press-feed");
        MonitorRun.executeKafka(kafka, true, elasticsearch.connection(), annotator(), settings(kafkaIndices, byTopic, Duration.ofSeconds(5)), null);

        Path x = Files.writeString(dir.resolve("x.ndjson"), X_STREAM_POST + "\n" + X_SEARCH_PAGE + "\n");
        Path mastodon = Files.writeString(dir.resolve("mastodon.ndjson"), MASTODON_STATUS + "\n{\"id\":\"1\"}\n");
        SourceFormats byFile = SourceFormats.ndjson().with(x.toString(), "x-api-v2").with(mastodon.toString(), "mastodon");
        MonitorRun.execute(List.of(x, mastodon), ReplaySpeed.AS_FAST_AS_POSSIBLE, elasticsearch.connection(), annotator(),
                settings(fileIndices, byFile, Duration.ZERO), null);

        List<String> all = new ArrayList<>(kafkaIndices.all());
        all.addAll(fileIndices.all());
        client.indices().refresh(r -> r.index(all).ignoreUnavailable(true));
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eachTopicIsReadInItsOwnFormat() throws IOException {
        assertThat(ids(kafkaIndices.posts())).containsExactlyInAnyOrder(
                "x:1823000000000000001", "x:1823000000000000002", "x:1823000000000000003",
                "at://did:plc:watcher1example/app.bsky.feed.post/3kzpost0001");
        JsonNode repost = document(kafkaIndices.posts(), "x:1823000000000000003");
        assertThat(repost.get("repost_of").asText()).isEqualTo("x:1823000000000000001");
        assertThat(repost.at("/annotation/status").asText()).isEqualTo("ok");

        JsonNode statement = document(kafkaIndices.statements(), "campaign-example-2024-08-12-livestream");
        assertThat(statement.get("speaker").asText()).isEqualTo("Joseph Costello");
        assertThat(statement.get("organization").asText()).isEqualTo("Harris for President");
    }

    @Test
    void aRecordTheAdapterCannotMapIsADeadLetterAndALikeIsNot() throws IOException {
        List<JsonNode> letters = new ArrayList<>();
        client.search(s -> s.index(kafkaIndices.deadLetters()).size(10), ObjectNode.class).hits().hits()
                .forEach(hit -> letters.add(hit.source()));

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.get("source").asText()).isEqualTo("kafka:x");
            assertThat(letter.get("location").asText()).isEqualTo("0@2");
            assertThat(letter.get("reason").asText()).contains("Could not find tweet with ids");
            assertThat(letter.get("raw").asText()).isEqualTo(X_ERRORS_ONLY);
        });
    }

    @Test
    void eachFileIsReadInItsOwnFormat() throws IOException {
        assertThat(ids(fileIndices.posts())).containsExactlyInAnyOrder(
                "x:1823000000000000001", "x:1823000000000000002", "x:1823000000000000003", "mastodon:112950000000000001");
        assertThat(document(fileIndices.posts(), "mastodon:112950000000000001").get("text").asText())
                .contains("minutes late").contains("Musk blames a \"massive DDoS\"").doesNotContain("<p>");
        assertThat(client.count(c -> c.index(fileIndices.deadLetters())).count()).isEqualTo(1);
    }

    @Test
    void aPressFeedFileIsRefusedWithTheReason() throws IOException {
        Path feed = Files.writeString(dir.resolve("feed.xml"), RSS_FEED);

        assertThatThrownBy(() -> MonitorRun.execute(List.of(feed), ReplaySpeed.AS_FAST_AS_POSSIBLE, elasticsearch.connection(), annotator(),
                settings(elasticsearch.uniqueNames(), SourceFormats.allIn("press-feed"), Duration.ZERO), null))
                .hasMessageContaining("feed.xml")
                .hasMessageContaining("read press feeds from Kafka");
    }

    private static MonitorSettings settings(IndexNames indices, SourceFormats formats, Duration idleness) {
        return MonitorSettings.builder().indices(indices).inputFormats(formats).sourceIdleness(idleness).build();
    }

    private void produce(String topic, String... values) throws Exception {
        Properties properties = new Properties();
        properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
            }
        }
    }

    private List<String> ids(String index) throws IOException {
        List<String> ids = new ArrayList<>();
        client.search(s -> s.index(index).size(100), ObjectNode.class).hits().hits().forEach(hit -> ids.add(hit.id()));
        return ids;
    }

    private JsonNode document(String index, String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
        assertThat(response.found()).as("%s/%s exists", index, id).isTrue();
        return response.source();
    }

    private static AnnotatorConfig annotator() throws URISyntaxException {
        Path entities = Path.of(PlatformFormatsITCase.class.getClassLoader().getResource("monitor").toURI()).resolve("tracked-entities.yaml");
        return AnnotatorConfig.builder().trackedEntitiesFile(entities).build();
    }
}
