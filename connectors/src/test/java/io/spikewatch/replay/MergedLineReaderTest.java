package io.spikewatch.replay;

import io.spikewatch.formats.SourceFormats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedLineReaderTest {

    @TempDir
    Path dir;

    @Test
    void mergesFilesByEventTimeAndKeepsMalformedLinesInPlace() throws IOException {
        Path posts = write("posts.ndjson",
                post("p1", "20:00"), post("p2", "20:02"), "{broken", "", post("p3", "20:05"));
        Path statements = write("statements.ndjson",
                statement("s1", "20:01"), statement("s2", "20:04"));

        List<String> order = readAll(new MergedLineReader(cursors(posts, statements), SourceFormats.ndjson()));

        assertThat(order).containsExactly("p1", "s1", "p2", "{broken", "s2", "p3");
    }

    @Test
    void aLateRecordComesOutWhereItStandsInItsFile() throws IOException {
        Path posts = write("posts.ndjson", post("p1", "20:00"), post("p2", "20:05"), post("late", "20:01"), post("p3", "20:06"));

        assertThat(readAll(new MergedLineReader(cursors(posts), SourceFormats.ndjson()))).containsExactly("p1", "p2", "late", "p3");
    }

    @Test
    void resumesFromTheCursorsOfACheckpoint() throws IOException {
        Path posts = write("posts.ndjson", post("p1", "20:00"), "", post("p2", "20:02"), post("p3", "20:05"));
        Path statements = write("statements.ndjson", statement("s1", "20:01"), statement("s2", "20:04"));
        List<FileCursor> checkpoint;
        try (MergedLineReader reader = new MergedLineReader(cursors(posts, statements), SourceFormats.ndjson())) {
            reader.next();
            reader.next();
            reader.next();
            checkpoint = reader.cursors();
        }

        assertThat(readAll(new MergedLineReader(checkpoint, SourceFormats.ndjson()))).containsExactly("s2", "p3");
    }

    @Test
    void recordsCarryTheirSourceAndLineNumber() throws IOException {
        Path posts = write("posts.ndjson", "", post("p1", "20:00"));
        try (MergedLineReader reader = new MergedLineReader(cursors(posts), SourceFormats.ndjson())) {
            MergedLineReader.TimedLine line = reader.next();
            assertThat(line.record().source()).isEqualTo(posts.toString());
            assertThat(line.record().location()).isEqualTo("line 2");
        }
    }

    @Test
    void readsEachFileInItsOwnFormatAndOrdersByTheTimeThatFormatGives() throws IOException {
        // a Jetstream event's time_us is when Jetstream saw it; the post's time is its createdAt
        Path bluesky = write("jetstream.ndjson",
                jetstreamPost("3kzpost1", "2024-08-13T00:01:00Z", 1723511000000000L),
                jetstreamPost("3kzpost2", "2024-08-13T00:03:00Z", 1723510000000000L));
        Path ours = write("posts.ndjson", post("p1", "20:02"));
        SourceFormats formats = SourceFormats.ndjson().with(bluesky.toString(), "bluesky-jetstream");

        List<String> order = new ArrayList<>();
        List<String> recordFormats = new ArrayList<>();
        try (MergedLineReader reader = new MergedLineReader(cursors(bluesky, ours), formats)) {
            MergedLineReader.TimedLine line;
            while ((line = reader.next()) != null) {
                order.add(line.eventTime().toString());
                recordFormats.add(line.record().format());
            }
        }

        assertThat(order).containsExactly("2024-08-13T00:01:00Z", "2024-08-13T00:02:00Z", "2024-08-13T00:03:00Z");
        assertThat(recordFormats).containsExactly("bluesky-jetstream", "ndjson", "bluesky-jetstream");
    }

    private static String jetstreamPost(String rkey, String createdAt, long timeMicros) {
        return "{\"did\":\"did:plc:example\",\"time_us\":" + timeMicros + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r\","
                + "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\",\"record\":{"
                + "\"$type\":\"app.bsky.feed.post\",\"text\":\"The Space will not load\",\"createdAt\":\"" + createdAt + "\"},"
                + "\"cid\":\"bafy\"}}";
    }

    private List<FileCursor> cursors(Path... files) {
        List<FileCursor> cursors = new ArrayList<>();
        for (Path file : files) {
            cursors.add(new FileCursor(file.toString(), 0));
        }
        return cursors;
    }

    private static List<String> readAll(MergedLineReader reader) throws IOException {
        List<String> ids = new ArrayList<>();
        try (reader) {
            MergedLineReader.TimedLine line;
            while ((line = reader.next()) != null) {
                String text = line.record().text();
                ids.add(text.startsWith("{\"") ? text.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1") : text);
            }
        }
        return ids;
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    static String post(String id, String time) {
        return "{\"id\":\"" + id + "\",\"text\":\"t\",\"created_at\":\"2024-08-12T" + time + ":00-04:00\"}";
    }

    static String statement(String id, String time) {
        return "{\"id\":\"" + id + "\",\"text\":\"t\",\"published_at\":\"2024-08-12T" + time + ":00-04:00\"}";
    }
}
