package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.annotate.Annotation;
import io.spikewatch.annotate.Sentiment;
import io.spikewatch.annotate.TextAnnotator;
import io.spikewatch.schema.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemplateMoodsTest {

    /** Calls a text negative when it says "down": the sorting is under test here, not CoreNLP. */
    private final List<String> annotated = new ArrayList<>();
    private final TextAnnotator byWord = text -> {
        annotated.add(text);
        return new Annotation(List.of(), text.contains("down") ? new Sentiment(Sentiment.NEGATIVE, -0.5) : Sentiment.NONE, List.of());
    };

    private static ObjectNode post(String text, String lang) {
        ObjectNode post = Json.MAPPER.createObjectNode().put("text", text);
        return lang == null ? post : post.put("lang", lang);
    }

    @Test
    void sortsPostsByTheAnnotatorsSentimentSkipsLanguagesItDoesNotReadAndStopsWhenBothKindsAreFull() {
        List<ObjectNode> templates = new ArrayList<>();
        templates.add(post("X ist schon wieder down", "de"));
        IntStream.range(0, 5).forEach(i -> templates.add(post("the Space is down " + i, "en")));
        IntStream.range(0, 5).forEach(i -> templates.add(post("waiting for the Space " + i, null)));
        templates.add(post("never annotated", "en"));

        TemplateMoods moods = TemplateMoods.of(templates, byWord, 3);

        assertThat(moods.negative()).extracting(p -> p.get("text").asText())
                .containsExactly("the Space is down 0", "the Space is down 1", "the Space is down 2");
        assertThat(moods.other()).extracting(p -> p.get("text").asText())
                .containsExactly("waiting for the Space 0", "waiting for the Space 1", "waiting for the Space 2");
        assertThat(annotated).doesNotContain("X ist schon wieder down", "never annotated");
    }

    @Test
    void templatesWithoutOneOfTheKindsAreRefused() {
        assertThatThrownBy(() -> TemplateMoods.of(List.of(post("all calm", "en")), byWord, 3))
                .hasMessageContaining("found 0 negative and 1 others");
    }
}
