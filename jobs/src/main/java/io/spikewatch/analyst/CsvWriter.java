package io.spikewatch.analyst;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, then one row per table row, CRLF line ends, and a field quoted
 * (its quotes doubled) when it holds a comma, a quote, CR or LF. Numbers are written as they are
 * (a percentage as its fraction), times as ISO-8601 with the zone's offset, a missing value as an
 * empty field. A CSV file holds one table: a report of several sections is refused, naming them.
 */
public final class CsvWriter implements ReportWriter {

    static final String LINE_END = "\r\n";

    private final ZoneId zone;

    public CsvWriter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        if (report.sections().size() != 1) {
            throw new IllegalArgumentException("CSV holds one table and this report has " + report.sections().size()
                    + ": " + report.sections().stream().map(ResultTable::title).toList());
        }
        ResultTable table = report.sections().get(0);
        out.print(row(table.columns().stream().map(c -> (Object) c.name()).toList()));
        for (List<Object> row : table.rows()) {
            out.print(row(row));
        }
        out.flush();
    }

    private String row(List<Object> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(cells.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    private String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant t ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone))
                : value instanceof Double d && !Double.isFinite(d) ? "" : value.toString();
        return quote(text);
    }

    /** {@code text} as a CSV field: quoted, with its quotes doubled, when it has to be. */
    static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
