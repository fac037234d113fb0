package io.spikewatch.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.index.ElasticsearchSink;
import io.spikewatch.index.IndexDocument;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.replay.NdjsonReplaySource;
import io.spikewatch.replay.ReplaySpeed;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor job end to end on a Flink MiniCluster, with real CoreNLP and the real
 * Elasticsearch: from NDJSON files to the four indices, twice, to show a replay overwrites.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private final IndexNames indices = elasticsearch.uniqueNames();
    private ElasticsearchClient client;

    @BeforeAll
    void runTheJobTwice() throws Exception {
        client = elasticsearch.client();
        IndexTemplates.install(client, indices);
        runJob();
        runJob();
        client.indices().refresh(r -> r.index(indices.all()).ignoreUnavailable(true));
    }

    @Test
    void indexesEveryRecordOnceEvenWhenReplayed() throws IOException {
        assertThat(count(indices.posts())).isEqualTo(9);
        assertThat(count(indices.statements())).isEqualTo(2);
        assertThat(count(indices.deadLetters())).isEqualTo(2);
    }

    @Test
    void keepsUnreadableRecordsAsDeadLettersWithSourceLineAndReason() throws IOException {
        List<JsonNode> letters = new ArrayList<>();
        client.search(s -> s.index(indices.deadLetters()).size(10), ObjectNode.class)
                .hits().hits().forEach(hit -> letters.add(hit.source()));

        assertThat(letters).extracting(l -> l.get("reason").asText())
                .anySatisfy(reason -> assertThat(reason).startsWith("invalid JSON"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo("missing required field 'created_at'"));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("source").asText()).endsWith("posts.ndjson");
            assertThat(letter.get("location").asText()).matches("line \\d+");
            assertThat(letter.get("raw").asText()).isNotEmpty();
            assertThat(letter.get("stage").asText()).isEqualTo("parse");
        });
        assertThat(letters).filteredOn(l -> l.has("record_id")).extracting(l -> l.get("record_id").asText()).containsExactly("t-no-time");
    }

    @Test
    void namesTrackedEntitiesByTheirCanonicalNameWithOffsetsIntoTheText() throws IOException {
        JsonNode ddos = post("t-2");

        assertThat(ddos.get("canonical_entities")).extracting(JsonNode::asText).contains("X (platform)");
        String text = ddos.get("text").asText();
        for (JsonNode entity : ddos.get("entities")) {
            assertThat(text.substring(entity.get("start").asInt(), entity.get("end").asInt())).isEqualTo(entity.get("text").asText());
        }
        assertThat(post("t-6").get("canonical_entities")).extracting(JsonNode::asText).contains("Ron DeSantis", "X (platform)");
        assertThat(post("t-5").get("canonical_entities")).extracting(JsonNode::asText).contains("Elon Musk");
    }

    @Test
    void givesClearCasesTheRightSentimentSign() throws IOException {
        assertThat(post("t-4").at("/sentiment/label").asText()).isEqualTo("positive");
        assertThat(post("t-4").at("/sentiment/score").asDouble()).isPositive();
        assertThat(post("t-3").at("/sentiment/label").asText()).isEqualTo("negative");
        assertThat(post("t-3").at("/sentiment/score").asDouble()).isNegative();
        assertThat(post("t-3").at("/annotation/status").asText()).isEqualTo("ok");
    }

    @Test
    void aPostInALanguageTheSentimentModelsDoNotReadIsIndexedWithItsEntitiesAndCountedWithoutSentiment() throws IOException {
        JsonNode spanish = post("t-es");
        assertThat(spanish.get("canonical_entities")).extracting(JsonNode::asText).contains("X (platform)");
        assertThat(spanish.has("sentiment")).isFalse();
        assertThat(spanish.at("/annotation/status").asText()).isEqualTo("ok");
        assertThat(spanish.at("/annotation/sentiment_skipped").asText()).isEqualTo("language");

        // 20:42 ET holds t-7 (English) and t-es: both counted, only t-7 has a sentiment
        JsonNode minute = document(indices.metrics(), "all@2024-08-13T00:42:00Z");
        assertThat(minute.get("count").asLong()).isEqualTo(2);
        assertThat(minute.get("sentiment_scored").asLong()).isEqualTo(1);
    }

    @Test
    void annotatesStatementsToo() throws IOException {
        JsonNode cheung = document(indices.statements(), "st-cheung");

        assertThat(cheung.get("canonical_entities")).extracting(JsonNode::asText).contains("European Union");
        assertThat(cheung.get("speaker").asText()).isEqualTo("Steven Cheung");
    }

    @Test
    void countsEachMinuteOverallAndPerEntityIncludingALateRecord() throws IOException {
        // 20:01 ET holds t-3, t-4 and t-late, which arrived after 20:05 when the minute had closed
        JsonNode minute = document(indices.metrics(), "all@2024-08-13T00:01:00Z");
        assertThat(minute.get("count").asLong()).isEqualTo(3);
        assertThat(minute.get("unique_authors").asLong()).isEqualTo(3);
        assertThat(minute.get("negative").asLong() + minute.get("neutral").asLong() + minute.get("positive").asLong()).isEqualTo(3);

        JsonNode platform = document(indices.metrics(), "entity:X (platform)@2024-08-13T00:01:00Z");
        assertThat(platform.get("count").asLong()).isEqualTo(2);
        assertThat(platform.get("entity").asText()).isEqualTo("X (platform)");
        assertThat(platform.get("scope").asText()).isEqualTo("entity");

        assertThat(document(indices.metrics(), "all@2024-08-13T00:05:00Z").get("count").asLong()).isEqualTo(2);
    }

    private void runJob() throws Exception {
        Path dir = resource("monitor");
        AnnotatorConfig annotator = AnnotatorConfig.builder().trackedEntitiesFile(dir.resolve("tracked-entities.yaml")).build();
        ElasticsearchSink<IndexDocument> sink = TestSinks.into(elasticsearch, indices);
        MonitorJob job = new MonitorJob(
                NdjsonReplaySource.of(List.of(dir.resolve("posts.ndjson"), dir.resolve("statements.ndjson")), ReplaySpeed.AS_FAST_AS_POSSIBLE),
                sink, new CoreNlpAnnotators(annotator), MonitorSettings.builder().indices(indices).build());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        job.buildInto(env);
        env.execute("monitor-job-itcase");
    }

    private JsonNode post(String id) throws IOException {
        return document(indices.posts(), id);
    }

    private JsonNode document(String index, String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
        assertThat(response.found()).as("%s/%s exists", index, id).isTrue();
        return response.source();
    }

    private long count(String index) throws IOException {
        return client.count(c -> c.index(index)).count();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MonitorJobITCase.class.getClassLoader().getResource(name).toURI());
    }
}
