package io.spikewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikewatch.schema.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the posts of a {@link SurgeProfile} as NDJSON, taking text, author and platform from
 * template posts (the seed scenario's, so annotation costs what it costs on realistic posts)
 * round-robin, with new ids and times spread evenly over each minute. The last surge's posts may
 * come from templates of their own (negative texts, so that surge is also a sentiment shift).
 * Reposts, replies and quotes are dropped: the ids they name are not in the file. Deterministic:
 * the same profile and templates give the same bytes.
 */
public final class SurgeScenario {

    static final String ID_PREFIX = "bench-";
    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final List<String> DROPPED_FIELDS = List.of("reply_to", "repost_of", "quote_of", "url");

    private final List<ObjectNode> templates;
    private final List<ObjectNode> lastSurgeTemplates;

    public SurgeScenario(List<ObjectNode> templates) {
        this(templates, templates);
    }

    /** Posts of the last surge come from {@code lastSurgeTemplates}, all others from {@code templates}. */
    public SurgeScenario(List<ObjectNode> templates, List<ObjectNode> lastSurgeTemplates) {
        if (templates.isEmpty() || lastSurgeTemplates.isEmpty()) {
            throw new IllegalArgumentException("no template posts to build the benchmark scenario from");
        }
        this.templates = List.copyOf(templates);
        this.lastSurgeTemplates = List.copyOf(lastSurgeTemplates);
    }

    /**
     * The posts of an NDJSON file (records with {@code kind: post} or no kind and no
     * {@code published_at}) that have a text.
     *
     * @throws IllegalArgumentException naming the file and line of a record that is not a JSON object
     */
    public static List<ObjectNode> readTemplates(Path ndjson) throws IOException {
        List<ObjectNode> posts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(ndjson + ":" + number + ": not valid JSON: " + e.getMessage(), e);
                }
                if (!(node instanceof ObjectNode post)) {
                    throw new IllegalArgumentException(ndjson + ":" + number + ": expected a JSON object");
                }
                boolean statement = "statement".equals(post.path("kind").asText()) || post.has("published_at");
                if (!statement && post.path("text").isTextual()) {
                    posts.add(post);
                }
            }
        }
        return posts;
    }

    /** Writes the profile's posts to {@code file} in event-time order; returns how many. */
    public long write(SurgeProfile profile, Path file) throws IOException {
        long written = 0;
        List<Integer> counts = profile.postsPerMinute();
        Instant lastSurge = profile.surgeStarts().get(profile.surges() - 1);
        Instant lastSurgeEnd = lastSurge.plus(Duration.ofMinutes(profile.surgeMinutes()));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int minute = 0; minute < counts.size(); minute++) {
                Instant minuteStart = profile.start().plus(Duration.ofMinutes(minute));
                boolean inLastSurge = !minuteStart.isBefore(lastSurge) && minuteStart.isBefore(lastSurgeEnd);
                List<ObjectNode> source = inLastSurge ? lastSurgeTemplates : templates;
                int n = counts.get(minute);
                for (int i = 0; i < n; i++) {
                    ObjectNode post = source.get((int) (written % source.size())).deepCopy();
                    DROPPED_FIELDS.forEach(post::remove);
                    post.put("kind", "post");
                    post.put("id", ID_PREFIX + written);
                    post.put("created_at", minuteStart.plusMillis(i * MINUTE_MILLIS / n).toString());
                    out.write(Json.MAPPER.writeValueAsString(post));
                    out.newLine();
                    written++;
                }
            }
        }
        return written;
    }
}
