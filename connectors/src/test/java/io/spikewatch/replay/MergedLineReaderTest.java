package io.spikewatch.replay;

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

        List<String> order = readAll(new MergedLineReader(cursors(posts, statements)));

        assertThat(order).containsExactly("p1", "s1", "p2", "{broken", "s2", "p3");
    }

    @Test
    void aLateRecordComesOutWhereItStandsInItsFile() throws IOException {
        Path posts = write("posts.ndjson", post("p1", "20:00"), post("p2", "20:05"), post("late", "20:01"), post("p3", "20:06"));

        assertThat(readAll(new MergedLineReader(cursors(posts)))).containsExactly("p1", "p2", "late", "p3");
    }

    @Test
    void resumesFromTheCursorsOfACheckpoint() throws IOException {
        Path posts = write("posts.ndjson", post("p1", "20:00"), "", post("p2", "20:02"), post("p3", "20:05"));
        Path statements = write("statements.ndjson", statement("s1", "20:01"), statement("s2", "20:04"));
        List<FileCursor> checkpoint;
        try (MergedLineReader reader = new MergedLineReader(cursors(posts, statements))) {
            reader.next();
            reader.next();
            reader.next();
            checkpoint = reader.cursors();
        }

        assertThat(readAll(new MergedLineReader(checkpoint))).containsExactly("s2", "p3");
    }

    @Test
    void recordsCarryTheirSourceAndLineNumber() throws IOException {
        Path posts = write("posts.ndjson", "", post("p1", "20:00"));
        try (MergedLineReader reader = new MergedLineReader(cursors(posts))) {
            MergedLineReader.TimedLine line = reader.next();
            assertThat(line.record().source()).isEqualTo(posts.toString());
            assertThat(line.record().location()).isEqualTo("line 2");
        }
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
