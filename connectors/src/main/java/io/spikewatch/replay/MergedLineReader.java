package io.spikewatch.replay;

import io.spikewatch.schema.RawRecord;
import io.spikewatch.formats.FormatAdapter;
import io.spikewatch.formats.FormatAdapterCache;
import io.spikewatch.formats.SourceFormats;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads several line-delimited files (NDJSON, or one platform record a line) at once and hands out their lines merged by event time: the next
 * line is always the earliest among the files' next lines. Each file is expected to be in
 * (roughly) event-time order; records out of order within a file come out where they stand,
 * which is how late records reach the pipeline. A line whose time cannot be read takes the time
 * of the line before it in its file, so it still flows (the parser rejects it later). Blank lines
 * are not records and are skipped. Plain Java, no Flink.
 */
final class MergedLineReader implements AutoCloseable {

    /** A line with its event time, ready to be emitted. */
    record TimedLine(RawRecord record, Instant eventTime) {}

    private final FormatAdapterCache adapters = new FormatAdapterCache();
    private final SourceFormats formats;
    private final List<FileLines> files = new ArrayList<>();

    /** Reads each file's lines as records of the format {@code formats} gives its path. */
    MergedLineReader(List<FileCursor> cursors, SourceFormats formats) throws IOException {
        this.formats = formats;
        try {
            for (FileCursor cursor : cursors) {
                files.add(new FileLines(cursor, adapters.of(formats.formatOf(cursor.path()))));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The next line in event-time order without consuming it, or null when every file is done. */
    TimedLine peek() {
        FileLines earliest = earliest();
        return earliest == null ? null : earliest.head;
    }

    /** Consumes and returns the next line in event-time order, or null when every file is done. */
    TimedLine next() throws IOException {
        FileLines earliest = earliest();
        if (earliest == null) {
            return null;
        }
        TimedLine line = earliest.head;
        earliest.advance();
        return line;
    }

    /** Where each file stands, for a checkpoint: lines emitted so far. */
    List<FileCursor> cursors() {
        return files.stream().map(FileLines::cursor).toList();
    }

    private FileLines earliest() {
        FileLines best = null;
        for (FileLines file : files) {
            if (file.head != null && (best == null || file.head.eventTime().isBefore(best.head.eventTime()))) {
                best = file;
            }
        }
        return best;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileLines file : files) {
            try {
                file.reader.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One file: its reader, how many lines were consumed, and the next line not yet emitted. */
    private static final class FileLines {
        private final String path;
        private final BufferedReader reader;
        private final FormatAdapter format;
        private long linesRead;
        private long linesEmitted;
        private Instant lastTime = Instant.EPOCH;
        private TimedLine head;

        FileLines(FileCursor cursor, FormatAdapter format) throws IOException {
            this.path = cursor.path();
            this.format = format;
            this.reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
            for (long i = 0; i < cursor.linesConsumed(); i++) {
                if (reader.readLine() == null) {
                    break;
                }
                linesRead++;
            }
            linesEmitted = linesRead;
            advance();
        }

        void advance() throws IOException {
            linesEmitted = linesRead;
            head = null;
            String line;
            while ((line = reader.readLine()) != null) {
                linesRead++;
                if (line.isBlank()) {
                    continue;
                }
                RawRecord record = new RawRecord(path, "line " + linesRead, line, format.name());
                Instant time = format.eventTime(record).orElse(lastTime);
                lastTime = time.isAfter(lastTime) ? time : lastTime;
                head = new TimedLine(record, time);
                return;
            }
            linesEmitted = linesRead;
        }

        FileCursor cursor() {
            return new FileCursor(path, linesEmitted);
        }
    }
}
