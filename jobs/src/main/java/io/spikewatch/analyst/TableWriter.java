package io.spikewatch.analyst;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned columns for a person: a header, numbers right-aligned with thousands separators, text
 * left-aligned and (in rows, not records) cut at {@link #MAX_TEXT_WIDTH}, times in the writer's zone to the minute (to
 * the second when a column has seconds), {@code -} for a missing value. A record table prints as
 * {@code name  value} lines.
 */
public final class TableWriter implements ReportWriter {

    /** Longer text cells are cut, with an ellipsis, to keep rows on one line. */
    public static final int MAX_TEXT_WIDTH = 90;
    static final String GAP = "  ";
    static final String INDENT = "  ";
    static final String MISSING = "-";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;

    public TableWriter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        if (report.note() != null) {
            out.println(report.note());
        }
        boolean titled = report.sections().size() > 1;
        for (int s = 0; s < report.sections().size(); s++) {
            ResultTable table = report.sections().get(s);
            if (s > 0) {
                out.println();
            }
            if (titled) {
                out.println(table.title() + ":");
            }
            if (table.isEmpty()) {
                out.println(INDENT + "(none)");
            } else if (table.isRecord()) {
                writeRecord(table, out);
            } else {
                writeRows(table, out);
            }
        }
        out.flush();
    }

    private void writeRecord(ResultTable table, PrintWriter out) {
        List<String> cells = render(table, false).get(0);
        int width = table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (int i = 0; i < cells.size(); i++) {
            out.println(INDENT + pad(table.columns().get(i).name(), width, false) + GAP + cells.get(i));
        }
    }

    private void writeRows(ResultTable table, PrintWriter out) {
        List<List<String>> cells = render(table, true);
        List<Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).name().length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> header = columns.stream().map(Column::name).toList();
        out.println(line(header, columns, widths));
        for (List<String> row : cells) {
            out.println(line(row, columns, widths));
        }
    }

    private static String line(List<String> cells, List<Column> columns, int[] widths) {
        StringBuilder text = new StringBuilder(INDENT);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(GAP);
            }
            boolean last = i == cells.size() - 1;
            boolean right = columns.get(i).type().numeric();
            text.append(last && !right ? cells.get(i) : pad(cells.get(i), widths[i], right));
        }
        return text.toString().stripTrailing();
    }

    private List<List<String>> render(ResultTable table, boolean cut) {
        List<Column> columns = table.columns();
        boolean[] withSeconds = new boolean[columns.size()];
        for (List<Object> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i) instanceof Instant t && t.getEpochSecond() % 60 != 0) {
                    withSeconds[i] = true;
                }
            }
        }
        List<List<String>> rendered = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(columns.get(i), row.get(i), withSeconds[i], cut));
            }
            rendered.add(cells);
        }
        return rendered;
    }

    private String cell(Column column, Object value, boolean withSeconds, boolean cut) {
        if (value == null) {
            return MISSING;
        }
        return switch (column.type()) {
            case TEXT -> {
                String text = value.toString().replaceAll("\\s+", " ").strip();
                yield cut ? abbreviate(text) : text;
            }
            case INTEGER -> String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
            case DECIMAL -> finite((Number) value, column.signed() ? "%+.2f" : "%.2f", 1);
            case PERCENT -> finite((Number) value, "%.1f%%", 100);
            case TIME -> (withSeconds ? SECONDS : MINUTES).format(((Instant) value).atZone(zone));
        };
    }

    private static String finite(Number value, String pattern, double factor) {
        double d = value.doubleValue();
        return Double.isFinite(d) ? String.format(Locale.ROOT, pattern, d * factor) : MISSING;
    }

    static String abbreviate(String text) {
        return text.codePointCount(0, text.length()) <= MAX_TEXT_WIDTH ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT_WIDTH - 1)) + "…";
    }

    private static String pad(String text, int width, boolean right) {
        int missing = width - text.length();
        if (missing <= 0) {
            return text;
        }
        return right ? " ".repeat(missing) + text : text + " ".repeat(missing);
    }
}
