package io.spikewatch.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the files of the Numenta Anomaly Benchmark: series ({@code timestamp,value}),
 * scored series (at least {@code timestamp} and {@code anomaly_score}, any other columns ignored)
 * and labeled windows ({@code windows.json}: file name to a list of {@code [start, end]}). Every
 * error names the file, the line and what was wrong.
 */
public final class NabFiles {

    static final String TIMESTAMP = "timestamp";
    static final String VALUE = "value";
    static final String ANOMALY_SCORE = "anomaly_score";
    private static final double SCORE_SCALE = 1e6;

    private NabFiles() {}

    /** A series: {@code timestamp,value} with a header. */
    public static List<SeriesRow> readSeries(Path file) {
        List<SeriesRow> rows = new ArrayList<>();
        readCsv(file, List.of(TIMESTAMP, VALUE), (columns, line, cells) -> rows.add(
                new SeriesRow(NabTimestamps.parse(cells[columns[0]]), number(file, line, VALUE, cells[columns[1]]))));
        return rows;
    }

    /** A scored series; the {@code value} column is optional (0 when absent). */
    public static List<ScoredRow> readScored(Path file) {
        List<ScoredRow> rows = new ArrayList<>();
        readCsv(file, List.of(TIMESTAMP, ANOMALY_SCORE), (columns, line, cells) -> rows.add(new ScoredRow(
                NabTimestamps.parse(cells[columns[0]]), 0.0, number(file, line, ANOMALY_SCORE, cells[columns[1]]))));
        return rows;
    }

    /** Writes {@code timestamp,value,anomaly_score}. */
    public static void writeScored(Path file, List<ScoredRow> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file + ": " + e, e);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(TIMESTAMP + "," + VALUE + "," + ANOMALY_SCORE + "\n");
            for (ScoredRow row : rows) {
                writer.write(NabTimestamps.format(row.timestamp()) + "," + plain(row.value()) + ","
                        + String.format(Locale.ROOT, "%.6f", roundedDown(row.anomalyScore())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
    }

    /** The labeled windows per file name, in the order of the file. */
    public static Map<String, List<LabeledWindow>> readWindows(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected an object of file name -> list of [start, end]");
        }
        Map<String, List<LabeledWindow>> windows = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = file + ": \"" + entry.getKey() + "\"";
            if (!entry.getValue().isArray()) {
                throw new IllegalArgumentException(where + ": expected a list of [start, end]");
            }
            List<LabeledWindow> list = new ArrayList<>();
            for (JsonNode pair : entry.getValue()) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                    throw new IllegalArgumentException(where + ": expected [start, end] timestamps, got " + pair);
                }
                try {
                    list.add(new LabeledWindow(NabTimestamps.parse(pair.get(0).asText()), NabTimestamps.parse(pair.get(1).asText())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            windows.put(entry.getKey(), List.copyOf(list));
        }
        return windows;
    }

    /** The name a scored file has in {@code windows.json}: its file name, without a {@code DETECTOR_} prefix when the plain name is not a key. */
    public static String windowsKey(Path scoredFile, Map<String, ?> windows) {
        String name = scoredFile.getFileName().toString();
        if (windows.containsKey(name)) {
            return name;
        }
        for (String key : windows.keySet()) {
            if (name.endsWith("_" + key)) {
                return key;
            }
        }
        throw new IllegalArgumentException(scoredFile + ": no entry named '" + name + "' (or ending it) in the windows file; keys: " + windows.keySet());
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(int[] columns, int line, String[] cells);
    }

    private static void readCsv(Path file, List<String> required, RowHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty, expected a header with " + required);
            }
            List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
            int[] columns = new int[required.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = names.indexOf(required.get(c));
                if (columns[c] < 0) {
                    throw new IllegalArgumentException(file + ": the header " + names + " has no column '" + required.get(c) + "'");
                }
            }
            String text;
            int line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length < names.size()) {
                    throw new IllegalArgumentException(file + ":" + line + ": " + cells.length + " columns, the header has " + names.size());
                }
                try {
                    handler.accept(columns, line, cells);
                } catch (IllegalArgumentException e) {
                    String message = e.getMessage();
                    throw new IllegalArgumentException(message.startsWith(file.toString()) ? message : file + ":" + line + ": " + message, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double number(Path file, int line, String column, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": " + column + " '" + text + "' is not a finite number", e);
        }
    }

    /** Six decimals, rounded down: a score just under a threshold must not be written as the threshold. */
    private static double roundedDown(double score) {
        return Math.floor(score * SCORE_SCALE) / SCORE_SCALE;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
