package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.alerts.AlertDocuments;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import io.spikewatch.schema.Json;
import io.spikewatch.spikes.EpisodePhase;
import io.spikewatch.spikes.SentimentBreakdown;
import io.spikewatch.spikes.Spike;
import io.spikewatch.spikes.SpikeExplanation;
import io.spikewatch.spikes.SpikeKind;
import io.spikewatch.spikes.TermWeight;
import io.spikewatch.spikes.TopPost;
import io.spikewatch.testing.LocalElasticsearch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The analyst commands against a real Elasticsearch, over a small hand-written fixture indexed
 * under a prefix of their own: seven posts, the per-minute metrics of 'Elon Musk' that those posts
 * make, and two spike episodes. Every number checked below is worked out by hand from them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystCommandsITCase {

    private static final Instant T0 = Instant.parse("2024-08-13T00:00:00Z");

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();
    private IndexNames indices;

    @BeforeAll
    void indexFixture() throws Exception {
        indices = elasticsearch.uniqueNames();
        ElasticsearchClient client = elasticsearch.client();
        IndexTemplates.install(client, indices);
        post(client, "p1", 10, "a1", "Space will not load", "negative", -0.8, "Elon Musk");
        post(client, "p2", 40, "a2", "Elon hosting Trump tonight", "neutral", 0.0, "Elon Musk", "Donald Trump");
        post(client, "p3", 65, "a1", "massive ddos attack they say", "negative", -0.6, "Elon Musk");
        post(client, "p4", 200, "a3", "ddos attack claim is a joke", "negative", -0.9, "Elon Musk", "X (platform)");
        post(client, "p5", 230, "a4", "ddos attack or not, great interview", "positive", 0.7, "Donald Trump");
        post(client, "p6", 270, "a1", "still waiting for the space", "neutral", 0.1, "X (platform)");
        post(client, "p7", 370, "a5", "good night", "positive", 0.5);
        // what the job counts for entity:Elon Musk from p1..p4 (no post in minute 2)
        metric(client, 0, 2, 1, 1, 0, -0.4, 2, 2);
        metric(client, 1, 1, 1, 0, 0, -0.6, 1, 1);
        metric(client, 3, 1, 1, 0, 0, -0.9, 1, 1);
        spike(client, new Spike("entity:Elon Musk", SpikeKind.VOLUME, EpisodePhase.ENDED, T0.plusSeconds(180), T0.plusSeconds(180),
                T0.plusSeconds(300), 70, 9, 1.5, new SpikeExplanation(3, 1.5, 3, new SentimentBreakdown(2, 0, 1, -0.37),
                        List.of(new TermWeight("ddos attack", 2, 0.1, 6.25), new TermWeight("joke", 1, 0.0, 2.5)),
                        List.of(), List.of(new TermWeight("X (platform)", 1, 0.2, 1.8)),
                        List.of(new TopPost("p4", "x", "a3", "ddos attack claim is a joke", "en", T0.plusSeconds(200), 4, 1200)))));
        spike(client, new Spike("all", SpikeKind.SENTIMENT_SHIFT, EpisodePhase.ENDED, T0.plusSeconds(180), T0.plusSeconds(180),
                T0.plusSeconds(300), 30, 0.6, 0.2, null));
        client.indices().refresh(r -> r.index(indices.posts(), indices.metrics(), indices.spikes()));
    }

    private String[] args(String... command) {
        String[] all = new String[command.length + 4];
        System.arraycopy(command, 0, all, 0, command.length);
        all[command.length] = "--es-url";
        all[command.length + 1] = elasticsearch.url();
        all[command.length + 2] = "--index-prefix";
        all[command.length + 3] = indices.prefix();
        return all;
    }

    private CommandRun run(String... command) {
        CommandRun result = CommandRun.of(args(command));
        assertThat(result.exitCode()).as(result.errors()).isZero();
        return result;
    }

    @Test
    void trendsOfAnEntityPerMinuteComeFromTheMetricsWithEmptyMinutesAsZeros() {
        CommandRun result = run("trends", "--entity", "Elon Musk", "--from", "2024-08-12T20:00", "--to", "2024-08-12T20:05",
                "--zone", "America/New_York");

        assertThat(result.output().split("\n")).containsExactly(
                "Entity 'Elon Musk', 2024-08-12 20:00 to 2024-08-12 20:05 America/New_York, per 1m (sentiment: mean score from -1 to +1):",
                "  start             posts  negative  neutral  positive  sentiment  unique_authors",
                "  2024-08-12 20:00      2         1        1         0      -0.40               2",
                "  2024-08-12 20:01      1         1        0         0      -0.60               1",
                "  2024-08-12 20:02      0         0        0         0          -               0",
                "  2024-08-12 20:03      1         1        0         0      -0.90               1",
                "  2024-08-12 20:04      0         0        0         0          -               0");
    }

    @Test
    void trendsOverFiveMinutesWeighTheSentimentAndCountEachAuthorOnce() throws Exception {
        CommandRun result = run("trends", "--entity", "Elon Musk", "--from", "2024-08-13T00:00:00Z", "--to", "2024-08-13T00:05:00Z",
                "--interval", "5m", "--format", "json");

        JsonNode rows = Json.MAPPER.readTree(result.output());
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("start").asText()).isEqualTo("2024-08-13T00:00:00Z");
        assertThat(row.get("posts").asLong()).isEqualTo(4);
        assertThat(row.get("negative").asLong()).isEqualTo(3);
        assertThat(row.get("neutral").asLong()).isEqualTo(1);
        assertThat(row.get("sentiment").asDouble()).isCloseTo((-0.4 * 2 - 0.6 - 0.9) / 4, within(1e-6));
        // a1 wrote in minutes 0 and 1: the sum of the minutes would say 4
        assertThat(row.get("unique_authors").asLong()).isEqualTo(3);
    }

    @Test
    void trendsOfAQueryComeFromThePostsAsCsv() {
        CommandRun result = run("trends", "--query", "ddos attack", "--from", "2024-08-13T00:00:00Z", "--to", "2024-08-13T00:04:00Z",
                "--interval", "2m", "--format", "csv");

        String[] lines = result.output().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("start,posts,negative,neutral,positive,sentiment,unique_authors");
        assertThat(lines[1]).startsWith("2024-08-13T00:00:00Z,1,1,0,0,-0.6").endsWith(",1");
        assertThat(lines[2]).startsWith("2024-08-13T00:02:00Z,2,1,0,1,").endsWith(",2");
        assertThat(Double.parseDouble(lines[2].split(",")[5])).isCloseTo(-0.1, within(1e-6));
    }

    @Test
    void spikesAreListedWithSeverityAndAOneLineExplanation() throws Exception {
        CommandRun table = run("spikes", "--min-severity", "50");

        assertThat(table.output()).startsWith("1 spike episode(s) with severity 50 or more");
        assertThat(table.output()).containsPattern("2024-08-13 00:03 +entity:Elon Musk +volume +ended +70 +9\\.00 +1\\.50"
                + " +entity:Elon Musk\\|volume\\|2024-08-13T00:03:00Z +ddos attack, joke; X \\(platform\\); 67% negative of 3");
        assertThat(table.output()).doesNotContain("sentiment-shift");

        JsonNode shifts = Json.MAPPER.readTree(run("spikes", "--kind", "sentiment-shift", "--format", "json",
                "--from", "2024-08-13T00:00Z", "--to", "2024-08-13T01:00Z").output());
        assertThat(shifts).singleElement().satisfies(s -> {
            assertThat(s.get("id").asText()).isEqualTo("all|sentiment_shift|2024-08-13T00:03:00Z");
            assertThat(s.get("severity").asInt()).isEqualTo(30);
            assertThat(s.get("explanation").asText()).isEqualTo("no explanation stored");
        });
    }

    @Test
    void explainShowsTheStoredExplanationAndOneSectionAsCsv() {
        CommandRun table = run("explain", "entity:Elon Musk|volume|2024-08-13T00:03:00Z");

        assertThat(table.output())
                .contains("  severity        70", "  observed        3", "  sentiment       -0.37")
                .containsPattern("negative +2 +66\\.7%")
                .containsPattern("ddos attack +2 +0\\.10 +6\\.25")
                .containsPattern("2024-08-13 00:03:20 +@a3 +x +4 +1,200 +p4 +ddos attack claim is a joke")
                .doesNotContain("Live terms");

        CommandRun csv = run("explain", "entity:Elon Musk|volume|2024-08-13T00:03:00Z", "--format", "csv", "--section", "terms");
        assertThat(csv.output()).isEqualTo("term,count,baseline_rate,lift\r\nddos attack,2,0.1,6.25\r\njoke,1,0.0,2.5\r\n");
    }

    @Test
    void explainOfAThinSpikeAsksElasticsearchForTheSignificantTermsAgainstTheBaseline() throws Exception {
        JsonNode json = Json.MAPPER.readTree(run("explain", "all|sentiment_shift|2024-08-13T00:03:00Z", "--format", "json").output());

        assertThat(json.get("live_query").get("spike_posts").asLong()).isEqualTo(3);
        assertThat(json.get("live_query").get("baseline_posts").asLong()).isEqualTo(3);
        assertThat(json.get("live_terms")).extracting(t -> t.get("term").asText()).contains("ddos", "attack");
        JsonNode ddos = json.get("live_terms").get(0);
        assertThat(ddos.get("spike_posts").asLong()).isEqualTo(2);
        assertThat(ddos.get("baseline_posts").asLong()).isEqualTo(1);
        assertThat(json.get("live_entities")).singleElement().satisfies(e -> {
            assertThat(e.get("term").asText()).isEqualTo("X (platform)");
            assertThat(e.get("spike_posts").asLong()).isEqualTo(2);
            assertThat(e.get("baseline_posts").asLong()).isZero();
        });
    }

    @Test
    void shareOfVoiceCountsPostsPerEntityAndTheirShare() {
        CommandRun result = run("share-of-voice", "--from", "2024-08-13T00:00:00Z", "--to", "2024-08-13T00:10:00Z",
                "--entities", "Elon Musk,Donald Trump,X (platform),Nobody");

        assertThat(result.output()).startsWith("7 posts 2024-08-13 00:00 to 2024-08-13 00:10 UTC");
        assertThat(result.output())
                .containsPattern("Elon Musk +4 +50\\.0% +3 +1 +0 +-0\\.5[78]")
                .containsPattern("Donald Trump +2 +25\\.0% +0 +1 +1 +\\+0\\.35")
                .containsPattern("X \\(platform\\) +2 +25\\.0% +1 +1 +0 +-0\\.40")
                .containsPattern("Nobody +0 +0\\.0% +0 +0 +0 +-");
    }

    @Test
    void emptyResultsSayWhereTheyLookedAndExitZero() {
        CommandRun trends = run("trends", "--entity", "Nobody", "--from", "2024-08-13T00:00Z", "--to", "2024-08-13T01:00Z");
        assertThat(trends.output().strip()).isEqualTo("no data in " + indices.metrics()
                + " for entity 'Nobody' from 2024-08-13 00:00 to 2024-08-13 01:00 UTC");

        CommandRun spikes = run("spikes", "--from", "2025-01-01", "--format", "json");
        assertThat(spikes.output()).isEmpty();
        assertThat(spikes.errors()).startsWith("no data in " + indices.spikes());

        CommandRun voices = run("share-of-voice", "--from", "2023-01-01", "--to", "2023-01-02");
        assertThat(voices.output()).startsWith("no data in " + indices.posts());
    }

    @Test
    void unknownIdsBadArgumentsAndAnUnreachableClusterAreClearErrors() {
        CommandRun unknown = CommandRun.of(args("explain", "entity:Nobody|volume|2024-08-13T00:03:00Z"));
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.errors()).contains("no spike with id 'entity:Nobody|volume|2024-08-13T00:03:00Z' in " + indices.spikes());

        CommandRun badInterval = CommandRun.of(args("trends", "--from", "2024-08-13T00:00Z", "--to", "2024-08-13T01:00Z",
                "--interval", "90s"));
        assertThat(badInterval.exitCode()).isNotZero();
        assertThat(badInterval.errors()).contains("--interval: '90s' is not an interval");

        CommandRun both = CommandRun.of(args("trends", "--entity", "A", "--query", "b", "--from", "2024-08-13", "--to", "2024-08-14"));
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.errors()).contains("--entity", "--query");

        CommandRun csvExplain = CommandRun.of(args("explain", "all|sentiment_shift|2024-08-13T00:03:00Z", "--format", "csv"));
        assertThat(csvExplain.exitCode()).isNotZero();
        assertThat(csvExplain.errors()).contains("--section");

        CommandRun down = CommandRun.of("spikes", "--es-url", "http://127.0.0.1:1", "--index-prefix", indices.prefix());
        assertThat(down.exitCode()).isNotZero();
        assertThat(down.errors()).contains("cannot reach Elasticsearch at http://127.0.0.1:1");
    }

    private void post(ElasticsearchClient client, String id, int second, String author, String text, String label, double score,
            String... entities) throws Exception {
        Instant at = T0.plusSeconds(second);
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", id).put("kind", "post").put("platform", "x").put("text", text).put("lang", "en")
                .put("created_at", at.toString()).put("minute", T0.plusSeconds(second / 60 * 60L).toString());
        doc.putObject("author").put("id", author).put("handle", author).put("followers", 100);
        doc.putObject("engagement").put("reposts", 0).put("views", 10);
        var canonical = doc.putArray("canonical_entities");
        var names = doc.putArray("entity_names");
        for (String entity : entities) {
            canonical.add(entity);
            names.add(entity);
        }
        doc.putObject("sentiment").put("label", label).put("score", score);
        doc.putObject("annotation").put("status", "ok");
        index(client, indices.posts(), id, doc);
    }

    private void metric(ElasticsearchClient client, int minute, long count, long negative, long neutral, long positive, double mean,
            long scored, long authors) throws Exception {
        Instant start = T0.plusSeconds(60L * minute);
        String id = "entity:Elon Musk@" + start;
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", id).put("scope", "entity").put("entity", "Elon Musk").put("minute", start.toString())
                .put("window_end", start.plusSeconds(60).toString()).put("count", count).put("sentiment_mean", mean)
                .put("sentiment_scored", scored).put("negative", negative).put("neutral", neutral).put("positive", positive)
                .put("unique_authors", authors);
        index(client, indices.metrics(), id, doc);
    }

    private void spike(ElasticsearchClient client, Spike spike) throws Exception {
        index(client, indices.spikes(), spike.id(), AlertDocuments.spike(spike, T0.plusSeconds(600)));
    }

    private static void index(ElasticsearchClient client, String index, String id, ObjectNode doc) throws Exception {
        byte[] json = Json.MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        client.index(i -> i.index(index).id(id).document(BinaryData.of(json, ContentType.APPLICATION_JSON)));
    }
}
