package io.spikewatch.analyst;

import java.util.List;

/**
 * What a command prints: one or more {@link ResultTable}s (sections), and a note that says what
 * was searched, printed as a line above a table and left out of CSV and JSON.
 *
 * @param note a line for a person, such as the range and zone; null for none
 */
public record Report(String note, List<ResultTable> sections) {

    public Report {
        sections = List.copyOf(sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one table");
        }
    }

    public static Report of(String note, ResultTable... sections) {
        return new Report(note, List.of(sections));
    }

    /** The section titled {@code title}; for CSV, which holds one table. */
    public ResultTable section(String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no section '" + title + "'; the sections are " + sections.stream().map(ResultTable::title).toList()));
    }
}
