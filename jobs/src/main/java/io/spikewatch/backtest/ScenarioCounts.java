package io.spikewatch.backtest;

import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.Post;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RecordParser;
import io.spikewatch.schema.RejectedRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts posts per bucket and series the way the monitor job keys its metrics: {@code all} for
 * every post and {@code entity:NAME} once per tracked entity a post names (twice named is still
 * one post). A silence longer than {@code newStreamGap} between two posts starts a new {@link
 * CountStream}, as a new deployment would; every stream has a series for every tracked entity,
 * zero where it is not named.
 */
public final class ScenarioCounts {

    /** The series of all posts. */
    public static final String ALL = "all";
    /** The prefix of an entity's series key. */
    public static final String ENTITY_PREFIX = "entity:";

    private final TrackedEntities tracked;
    private final Duration bucketWidth;
    private final Duration newStreamGap;

    public ScenarioCounts(TrackedEntities tracked, Duration bucketWidth, Duration newStreamGap) {
        this.tracked = Objects.requireNonNull(tracked, "tracked");
        if (bucketWidth.isZero() || bucketWidth.isNegative()) {
            throw new IllegalArgumentException("bucketWidth must be positive, got " + bucketWidth);
        }
        if (newStreamGap.compareTo(bucketWidth) < 0) {
            throw new IllegalArgumentException("newStreamGap (" + newStreamGap + ") must be at least the bucket width (" + bucketWidth + ")");
        }
        this.bucketWidth = bucketWidth;
        this.newStreamGap = newStreamGap;
    }

    /** The series key of a label scope: {@code all}, else {@code entity:SCOPE}. */
    public static String seriesKey(String scope) {
        return ALL.equals(scope) ? ALL : ENTITY_PREFIX + scope;
    }

    /** Parses NDJSON lines and keeps the posts; unreadable lines and statements are skipped. */
    public static List<Post> posts(List<String> lines) {
        RecordParser parser = new RecordParser();
        List<Post> posts = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                InputDocument document = parser.parse(new RawRecord("scenario", "line " + (i + 1), lines.get(i)));
                if (document instanceof Post post) {
                    posts.add(post);
                }
            } catch (RejectedRecordException rejected) {
                // the scenario's deliberately malformed lines: the job sends them to the dead letters
            }
        }
        return posts;
    }

    /** The streams of these posts (in any order), oldest first. */
    public List<CountStream> streams(List<Post> posts) {
        List<Post> sorted = new ArrayList<>(posts);
        sorted.sort(Comparator.comparing(Post::eventTime));
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ALL);
        tracked.entities().forEach(entity -> keys.add(ENTITY_PREFIX + entity.name()));

        List<CountStream> streams = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || Duration.between(sorted.get(i - 1).eventTime(), sorted.get(i).eventTime()).compareTo(newStreamGap) > 0) {
                streams.add(stream(sorted.subList(from, i), keys));
                from = i;
            }
        }
        return streams;
    }

    private CountStream stream(List<Post> posts, Set<String> keys) {
        long width = bucketWidth.toMillis();
        long first = Math.floorDiv(posts.get(0).eventTime().toEpochMilli(), width) * width;
        long last = Math.floorDiv(posts.get(posts.size() - 1).eventTime().toEpochMilli(), width) * width;
        int buckets = Math.toIntExact((last - first) / width + 1);
        Map<String, double[]> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, new double[buckets]));
        for (Post post : posts) {
            int bucket = (int) ((post.eventTime().toEpochMilli() - first) / width);
            counts.get(ALL)[bucket]++;
            for (String entity : new TreeSet<>(tracked.namedIn(post.text()))) {
                counts.computeIfAbsent(ENTITY_PREFIX + entity, k -> new double[buckets])[bucket]++;
            }
        }
        return new CountStream(Instant.ofEpochMilli(first), bucketWidth, counts);
    }
}
