package io.spikewatch.analyst;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A titled table of typed cells, what every analyst command prints. A cell is null (shown as
 * {@code -} in a table, empty in CSV, {@code null} in JSON), a {@link String}, a {@link Number}
 * or an {@link Instant}, and must fit its column's {@link ColumnType}.
 *
 * <p>A <em>record</em> table holds a single row about one thing (a spike); a table writer shows
 * it as {@code name: value} lines and JSON as one object rather than an array.
 */
public final class ResultTable {

    private final String title;
    private final List<Column> columns;
    private final boolean record;
    private final List<List<Object>> rows = new ArrayList<>();

    private ResultTable(String title, List<Column> columns, boolean record) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a table needs a title");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + title + "' needs at least one column");
        }
        if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
            throw new IllegalArgumentException("table '" + title + "' has two columns of the same name: " + columns);
        }
        this.title = title;
        this.columns = List.copyOf(columns);
        this.record = record;
    }

    /** A table of rows under {@code title}. */
    public static ResultTable of(String title, Column... columns) {
        return new ResultTable(title, Arrays.asList(columns), false);
    }

    /** A one-row table about a single thing; {@link #add} it exactly once. */
    public static ResultTable record(String title, Column... columns) {
        return new ResultTable(title, Arrays.asList(columns), true);
    }

    /** Appends a row; refuses a wrong number of cells or a cell its column cannot show. */
    public ResultTable add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("table '" + title + "' has " + columns.size() + " columns, got a row of " + cells.length);
        }
        if (record && !rows.isEmpty()) {
            throw new IllegalStateException("record table '" + title + "' holds one row");
        }
        for (int i = 0; i < cells.length; i++) {
            check(columns.get(i), cells[i]);
        }
        rows.add(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(cells))));
        return this;
    }

    private void check(Column column, Object cell) {
        if (cell == null) {
            return;
        }
        boolean fits = switch (column.type()) {
            case TEXT -> cell instanceof String;
            case INTEGER -> cell instanceof Long || cell instanceof Integer;
            case DECIMAL, PERCENT -> cell instanceof Number;
            case TIME -> cell instanceof Instant;
        };
        if (!fits) {
            throw new IllegalArgumentException("table '" + title + "', column '" + column.name() + "' (" + column.type()
                    + ") cannot hold " + cell.getClass().getSimpleName() + " " + cell);
        }
    }

    public String title() {
        return title;
    }

    /** The title in snake case ({@code Top posts}: {@code top_posts}): the JSON key and the name {@code --section} takes. */
    public String key() {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean isRecord() {
        return record;
    }

    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
