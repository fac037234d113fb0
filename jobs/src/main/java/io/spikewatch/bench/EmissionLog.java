package io.spikewatch.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a source emitted its records, as a map from event time to wall-clock time: one entry,
 * {@code EVENT_MILLIS WALL_MILLIS}, for the first record of each new event-time second. An
 * event instant {@code t} "happened" on the wall clock when the first record at or after
 * {@code t} was emitted: for the end of a minute, that is the record that lets the minute
 * close. With one entry per event second the answer is exact at second boundaries (minute ends
 * are) and otherwise at most one event second late.
 *
 * <p>Entries are appended as they happen and flushed each time, so a reader sees them while the
 * job runs. A restart from a checkpoint emits some records again, later: only the first
 * emission of a second counts.
 */
public final class EmissionLog {

    /** One entry: an event time and the wall-clock time its record left the source. */
    public record Entry(Instant eventTime, Instant emittedAt) {}

    private static final long SECOND_MILLIS = Duration.ofSeconds(1).toMillis();

    private final List<Entry> entries;

    private EmissionLog(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads the log at {@code file} (an absent file is an empty log).
     *
     * @throws IllegalArgumentException naming the file and line of an entry that is not two numbers
     */
    public static EmissionLog read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return new EmissionLog(entries);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException("expected 2 fields, found " + parts.length);
                }
                Entry entry = new Entry(Instant.ofEpochMilli(Long.parseLong(parts[0])), Instant.ofEpochMilli(Long.parseLong(parts[1])));
                if (entries.isEmpty() || entry.eventTime().isAfter(entries.get(entries.size() - 1).eventTime())) {
                    entries.add(entry);
                }
            } catch (NumberFormatException e) {
                // a line cut short by a crash while writing is the last one; anything else is an error
                if (i == lines.size() - 1) {
                    break;
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'EVENT_MILLIS WALL_MILLIS' but was '" + line + "'", e);
            }
        }
        return new EmissionLog(entries);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** When the first record at or after {@code eventTime} was emitted; empty when none has been yet. */
    public Optional<Instant> emittedAt(Instant eventTime) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).eventTime().isBefore(eventTime)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < entries.size() ? Optional.of(entries.get(low).emittedAt()) : Optional.empty();
    }

    /** The event time the source had reached at wall-clock {@code wall}: its last entry emitted by then. */
    public Optional<Instant> eventTimeAt(Instant wall) {
        Instant reached = null;
        for (Entry entry : entries) {
            if (entry.emittedAt().isAfter(wall)) {
                break;
            }
            reached = entry.eventTime();
        }
        return Optional.ofNullable(reached);
    }

    /** The event time of the last entry, empty for an empty log. */
    public Optional<Instant> lastEventTime() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).eventTime());
    }

    /**
     * When {@code eventTime} was due on the wall clock by a pace of {@code speed} times real time
     * that started with the first entry: when a source that never fell behind would have reached
     * it. Empty for an empty log.
     */
    public Optional<Instant> dueAt(Instant eventTime, double speed) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Entry first = entries.get(0);
        long eventMillis = Duration.between(first.eventTime(), eventTime).toMillis();
        return Optional.of(first.emittedAt().plusMillis(Math.round(eventMillis / speed)));
    }

    /**
     * How far emission fell behind a replay paced at {@code speed} times real time from its first
     * entry: the largest delay of an entry against the pace, zero when it kept up.
     */
    public Duration maxBehindPace(double speed) {
        Duration worst = Duration.ZERO;
        for (Entry entry : entries) {
            Duration behind = Duration.between(dueAt(entry.eventTime(), speed).orElseThrow(), entry.emittedAt());
            if (behind.compareTo(worst) > 0) {
                worst = behind;
            }
        }
        return worst;
    }

    /** Appends entries; writes one only when a record starts a new event-time second. */
    public static final class Writer implements Closeable {

        private final BufferedWriter out;
        private long lastSecond = Long.MIN_VALUE;

        public Writer(Path file) {
            try {
                this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the emission log " + file, e);
            }
        }

        /** Notes that a record with {@code eventMillis} was emitted at {@code wallMillis}. */
        public void emitted(long eventMillis, long wallMillis) {
            long second = Math.floorDiv(eventMillis, SECOND_MILLIS);
            if (second <= lastSecond) {
                return;
            }
            lastSecond = second;
            try {
                out.write(eventMillis + " " + wallMillis);
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the emission log", e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
