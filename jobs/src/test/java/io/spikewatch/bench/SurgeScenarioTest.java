package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurgeScenarioTest {

    @TempDir
    Path dir;

    @Test
    void writesEvenlySpacedPostsFromTheTemplatesWithFreshIdsAndNoReferences() throws Exception {
        Path templates = dir.resolve("templates.ndjson");
        Files.writeString(templates, """
                {"kind":"post","id":"x-1","text":"Can't join the Space","author":{"handle":"a"},"repost_of":"x-0","created_at":"2024-08-12T20:07:00-04:00"}
                {"kind":"statement","id":"s-1","text":"A statement","published_at":"2024-08-12T21:50:00-04:00"}
                {"id":"x-2","text":"DDoS they say","created_at":"2024-08-12T20:19:00-04:00"}
                """);
        List<com.fasterxml.jackson.databind.node.ObjectNode> posts = SurgeScenario.readTemplates(templates);
        assertThat(posts).hasSize(2);

        SurgeProfile profile = new SurgeProfile(Instant.parse("2024-08-13T00:00:00Z"), 1, 1, 1, 1, 1, 1, 4);
        Path out = dir.resolve("posts.ndjson");
        long written = new SurgeScenario(posts).write(profile, out);

        List<String> lines = Files.readAllLines(out);
        assertThat(written).isEqualTo(profile.totalPosts()).isEqualTo(lines.size()).isEqualTo(6);
        JsonNode second = Json.MAPPER.readTree(lines.get(1));
        assertThat(second.get("id").asText()).isEqualTo("bench-1");
        assertThat(second.get("created_at").asText()).isEqualTo("2024-08-13T00:01:00Z");
        assertThat(second.get("text").asText()).isEqualTo("DDoS they say");
        assertThat(Json.MAPPER.readTree(lines.get(2)).get("created_at").asText()).isEqualTo("2024-08-13T00:01:15Z");
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertThat(first.has("repost_of")).isFalse();
        assertThat(first.get("author").get("handle").asText()).isEqualTo("a");
        assertThat(new SurgeScenario(posts).write(profile, dir.resolve("again.ndjson"))).isEqualTo(written);
        assertThat(Files.readString(dir.resolve("again.ndjson"))).isEqualTo(Files.readString(out));
    }

    @Test
    void theLastSurgeMayTakeItsTextsFromTemplatesOfItsOwn() throws Exception {
        ObjectNode calm = (ObjectNode) Json.MAPPER.readTree("{\"text\":\"Waiting for the Space\"}");
        ObjectNode angry = (ObjectNode) Json.MAPPER.readTree("{\"text\":\"The Space is down again, useless\"}");
        // quiet 1, two surges of 2 minutes 1 apart, tail 1: minutes 4 and 5 are the last surge
        SurgeProfile profile = new SurgeProfile(Instant.parse("2024-08-13T00:00:00Z"), 1, 2, 2, 1, 1, 1, 4);
        Path out = dir.resolve("moods.ndjson");
        new SurgeScenario(List.of(calm), List.of(angry)).write(profile, out);

        Map<String, List<String>> textsByMinute = Files.readAllLines(out).stream().map(line -> {
            try {
                return Json.MAPPER.readTree(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(Collectors.groupingBy(post -> post.get("created_at").asText().substring(11, 16), TreeMap::new,
                Collectors.mapping(post -> post.get("text").asText(), Collectors.toList())));
        assertThat(textsByMinute.keySet()).containsExactly("00:00", "00:01", "00:02", "00:03", "00:04", "00:05", "00:06");
        textsByMinute.forEach((minute, texts) -> assertThat(texts).as(minute).containsOnly(
                minute.equals("00:04") || minute.equals("00:05") ? angry.get("text").asText() : calm.get("text").asText()));
    }

    @Test
    void aTemplateThatIsNotAnObjectIsNamedByFileAndLine() throws Exception {
        Path templates = dir.resolve("bad.ndjson");
        Files.writeString(templates, "{\"text\":\"ok\"}\n[1,2]\n");
        assertThatThrownBy(() -> SurgeScenario.readTemplates(templates)).hasMessageContaining("bad.ndjson:2");
        assertThatThrownBy(() -> new SurgeScenario(List.of())).hasMessageContaining("no template posts");
    }
}
