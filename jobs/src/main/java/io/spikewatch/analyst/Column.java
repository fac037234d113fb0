package io.spikewatch.analyst;

import java.util.Objects;

/**
 * One column of a {@link ResultTable}.
 *
 * @param name the header, also the JSON key and the CSV header cell
 * @param signed whether a {@link ColumnType#DECIMAL} shows its sign ({@code +0.12}), as sentiment does
 */
public record Column(String name, ColumnType type, boolean signed) {

    public Column {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }

    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT, false);
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER, false);
    }

    public static Column decimal(String name) {
        return new Column(name, ColumnType.DECIMAL, false);
    }

    /** A decimal shown with its sign, for scores in [-1, 1]. */
    public static Column score(String name) {
        return new Column(name, ColumnType.DECIMAL, true);
    }

    public static Column percent(String name) {
        return new Column(name, ColumnType.PERCENT, false);
    }

    public static Column time(String name) {
        return new Column(name, ColumnType.TIME, false);
    }
}
