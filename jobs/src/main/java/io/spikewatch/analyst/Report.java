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

    /**
     * The report of only the section named {@code name} ({@link ResultTable#key()}, any case, {@code -}
     * for {@code _}), for CSV, which holds one table; the error names {@code option} and the sections there are.
     */
    public Report only(String option, String name) {
        String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().map(s -> of(null, s))
                .orElseThrow(() -> new IllegalArgumentException(option + ": '" + name + "' is not a section of this report; it has "
                        + sections.stream().map(ResultTable::key).toList()));
    }
}
