package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NDJSON plumbing, with an annotator that reports only tracked-entity matches so the test
 * is fast; {@link CoreNlpAnnotatorTest} runs the real pipeline through it once.
 */
class NdjsonAnnotatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reports tracked matches as entities and a positive sentiment when the text says "great". */
    private static final TrackedEntities SEED = TrackedEntities.load(SeedFiles.trackedEntities());

    private static final TextAnnotator TRACKED_ONLY = text -> {
        List<EntityMention> mentions = MentionMerger.merge(text, List.of(), SEED.match(text));
        Sentiment s = text.contains("great") ? new Sentiment(Sentiment.POSITIVE, 0.5) : Sentiment.NONE;
        List<EntitySentiment> per = new ArrayList<>();
        for (String name : new Annotation(mentions, s, List.of()).entityNames()) {
            per.add(new EntitySentiment(name, s.label(), s.score(), 1));
        }
        return new Annotation(mentions, s, per);
    };

    private record Run(int rejects, List<String> lines, String err) {}

    private static Run run(String input, int threads) throws Exception {
        return run(TRACKED_ONLY, input, threads);
    }

    private static Run run(TextAnnotator annotator, String input, int threads) throws Exception {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rejects = new NdjsonAnnotator(annotator, threads)
                .run("posts.ndjson", new StringReader(input), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rejects, out.toString().lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addsAnnotationFieldsAndKeepsEveryOtherField() throws Exception {
        Run r = run("{\"id\":\"p1\",\"platform\":\"x\",\"text\":\"🔥 great job @elonmusk\",\"engagement\":{\"likes\":3}}\n", 1);
        assertThat(r.rejects()).isZero();
        JsonNode node = MAPPER.readTree(r.lines().get(0));
        assertThat(node.get("platform").asText()).isEqualTo("x");
        assertThat(node.get("engagement").get("likes").asInt()).isEqualTo(3);
        JsonNode entity = node.get("entities").get(0);
        assertThat(entity.get("text").asText()).isEqualTo("@elonmusk");
        assertThat(entity.get("canonical").asText()).isEqualTo("Elon Musk");
        assertThat(entity.get("type").asText()).isEqualTo("PERSON");
        String text = node.get("text").asText();
        assertThat(text.substring(entity.get("start").asInt(), entity.get("end").asInt())).isEqualTo("@elonmusk");
        assertThat(node.get("sentiment").get("label").asText()).isEqualTo("positive");
        assertThat(node.get("entity_sentiment").get(0).get("entity").asText()).isEqualTo("Elon Musk");
        assertThat(node.get("entity_sentiment").get(0).get("mentions").asInt()).isEqualTo(1);
    }

    @Test
    void aRecordInALanguageTheSentimentModelsDoNotReadGetsItsEntitiesAndNoSentiment() throws Exception {
        List<String> entitiesOnly = new ArrayList<>();
        TextAnnotator recording = new TextAnnotator() {
            @Override
            public Annotation annotate(String text) {
                return TRACKED_ONLY.annotate(text);
            }

            @Override
            public Annotation annotateEntities(String text) {
                entitiesOnly.add(text);
                return TRACKED_ONLY.annotate(text).withoutSentiment();
            }
        };
        Run r = run(recording, "{\"id\":\"p1\",\"lang\":\"es\",\"text\":\"great, no me carga el Space de @elonmusk\"}\n"
                + "{\"id\":\"p2\",\"lang\":\"en-US\",\"text\":\"great job @elonmusk\",\"sentiment_skipped\":\"language\"}\n", 1);
        assertThat(entitiesOnly).as("only the Spanish post skips the parse").containsExactly("great, no me carga el Space de @elonmusk");
        JsonNode spanish = MAPPER.readTree(r.lines().get(0));
        assertThat(spanish.get("entities").get(0).get("canonical").asText()).isEqualTo("Elon Musk");
        assertThat(spanish.get("sentiment").isNull()).isTrue();
        assertThat(spanish.get("entity_sentiment")).isEmpty();
        assertThat(spanish.get("sentiment_skipped").asText()).isEqualTo("language");
        JsonNode english = MAPPER.readTree(r.lines().get(1));
        assertThat(english.get("sentiment").get("label").asText()).isEqualTo("positive");
        assertThat(english.get("entity_sentiment")).hasSize(1);
        assertThat(english.has("sentiment_skipped")).isFalse();
    }

    @Test
    void rejectsAreReportedWithLineAndReasonAndWrittenUnchanged() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"ok1\",\"text\":\"X is down\"}",
                "not json at all",
                "[1,2]",
                "",
                "{\"text\":\"no id\"}",
                "{\"id\":\"p5\"}",
                "{\"id\":\"p6\",\"text\":42}",
                "{\"id\":7,\"text\":\"numeric ids are fine\"}") + "\n";
        Run r = run(input, 1);
        assertThat(r.rejects()).isEqualTo(5);
        assertThat(r.lines()).hasSize(7);
        assertThat(r.lines().get(1)).isEqualTo("not json at all");
        assertThat(r.lines().get(2)).isEqualTo("[1,2]");
        assertThat(r.lines().get(3)).isEqualTo("{\"text\":\"no id\"}");
        assertThat(r.err())
                .contains("posts.ndjson:2: rejected: not valid JSON")
                .contains("posts.ndjson:3: rejected: expected a JSON object, found ARRAY")
                .contains("posts.ndjson:5: rejected: missing 'id'")
                .contains("posts.ndjson:6: rejected record 'p5': missing 'text'")
                .contains("posts.ndjson:7: rejected record 'p6': 'text' must be a string, found NUMBER")
                .contains("annotated 2 record(s), rejected 5")
                .contains("skipped 1 blank line(s)");
        assertThat(MAPPER.readTree(r.lines().get(6)).has("sentiment")).isTrue();
    }

    @Test
    void manyThreadsKeepInputOrder() throws Exception {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            input.append("{\"id\":\"p").append(i).append("\",\"text\":\"Trump on X, post ").append(i).append("\"}\n");
        }
        Run r = run(input.toString(), 4);
        assertThat(r.rejects()).isZero();
        assertThat(r.lines()).hasSize(150);
        for (int i = 0; i < 150; i++) {
            assertThat(MAPPER.readTree(r.lines().get(i)).get("id").asText()).isEqualTo("p" + i);
        }
    }

    @Test
    void anAnnotatorFailureIsARejectNotACrash() throws Exception {
        TextAnnotator failing = text -> {
            throw new IllegalStateException("model exploded");
        };
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rejects = new NdjsonAnnotator(failing, 2).run(new StringReader("{\"id\":\"a\",\"text\":\"hi\"}\n"), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rejects).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("{\"id\":\"a\",\"text\":\"hi\"}\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("input:1: rejected record 'a': annotation failed")
                .contains("model exploded");
    }
}
