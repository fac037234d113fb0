package io.spikewatch.analyst;

/**
 * How a column's values are rendered: a table right-aligns every numeric type and fixes the
 * decimals of {@link #DECIMAL} and {@link #PERCENT}; CSV and JSON carry the value itself.
 */
public enum ColumnType {
    /** Free text, left-aligned. */
    TEXT,
    /** A whole number ({@link Long} or {@link Integer}), with thousands separators in a table. */
    INTEGER,
    /** A number shown with two decimals in a table, signed when {@link Column#signed()}. */
    DECIMAL,
    /** A fraction in [0, 1], shown as a percentage with one decimal in a table. */
    PERCENT,
    /** An {@link java.time.Instant}, shown in the report's zone. */
    TIME;

    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == PERCENT;
    }
}
