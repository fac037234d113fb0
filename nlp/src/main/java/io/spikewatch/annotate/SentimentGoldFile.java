package io.spikewatch.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads sentiment gold files: one text a line, {@code id<TAB>label<TAB>text}, the label
 * {@code positive}, {@code negative} or {@code neutral} (any case), the format of the SemEval
 * message-polarity task. Blank lines are skipped. The SemEval distribution writes some characters
 * as Java-style escapes ({@code \u2019}, {@code \u002c}); they are decoded, since a real post holds
 * the character. Anything else malformed stops the reading with the file, line and reason.
 */
public final class SentimentGoldFile {

    /** Value of {@code limit} meaning every line is read. */
    public static final int ALL = Integer.MAX_VALUE;

    private SentimentGoldFile() {}

    /** Every text of the file. */
    public static List<LabeledText> read(Path file) throws IOException {
        return read(file, ALL);
    }

    /**
     * The first {@code limit} texts of the file.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line
     */
    public static List<LabeledText> read(Path file, int limit) throws IOException {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<LabeledText> texts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while (texts.size() < limit && (line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                texts.add(parse(line, file + ":" + number));
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labeled text in the file");
        }
        return texts;
    }

    static LabeledText parse(String line, String where) {
        String[] fields = line.split("\t", 3);
        if (fields.length != 3) {
            throw new IllegalArgumentException(where + ": expected id<TAB>label<TAB>text, found "
                    + fields.length + " field(s)");
        }
        String id = fields[0].strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException(where + ": the id is empty");
        }
        String label = fields[1].strip().toLowerCase(Locale.ROOT);
        if (!PolarityModel.LABELS.contains(label)) {
            throw new IllegalArgumentException(where + ": label must be one of " + PolarityModel.LABELS
                    + ", was '" + fields[1] + "'");
        }
        return new LabeledText(id, label, unescape(fields[2]));
    }

    /** Decodes {@code \}{@code uXXXX} escapes; other backslashes stay as written. */
    static String unescape(String text) {
        if (text.indexOf("\\u") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
