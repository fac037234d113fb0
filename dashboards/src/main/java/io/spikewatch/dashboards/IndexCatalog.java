package io.spikewatch.dashboards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The indices the job writes, each with the fields its template maps: what a data view may point
 * at. A data view title is a comma-separated list of index names or patterns ({@code *} matching
 * any characters), and resolves to the indices they match.
 */
public final class IndexCatalog {

    private final Map<String, MappedFields> fieldsByIndex;

    /** @param fieldsByIndex each index name with the fields of its template */
    public IndexCatalog(Map<String, MappedFields> fieldsByIndex) {
        if (fieldsByIndex.isEmpty()) {
            throw new IllegalArgumentException("an index catalog needs at least one index");
        }
        this.fieldsByIndex = Collections.unmodifiableMap(new LinkedHashMap<>(fieldsByIndex));
    }

    /** The indices a data view title names, in catalog order; a part that matches none is in {@code unmatched}. */
    public Resolution resolve(String title) {
        List<String> indices = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String raw : title.split(",")) {
            String part = raw.strip();
            Pattern pattern = Pattern.compile(Pattern.quote(part).replace("*", "\\E.*\\Q"));
            List<String> matched = fieldsByIndex.keySet().stream().filter(i -> pattern.matcher(i).matches()).toList();
            if (part.isEmpty() || part.startsWith("-") || part.contains(":") || matched.isEmpty()) {
                unmatched.add(part);
            }
            matched.stream().filter(i -> !indices.contains(i)).forEach(indices::add);
        }
        return new Resolution(List.copyOf(indices), List.copyOf(unmatched),
                indices.isEmpty() ? null : MappedFields.union(indices.stream().map(fieldsByIndex::get).toList()));
    }

    public List<String> indexNames() {
        return List.copyOf(fieldsByIndex.keySet());
    }

    /**
     * What a data view title resolved to.
     *
     * @param indices the catalog indices it matches
     * @param unmatched the parts of the title that match no index we write (exclusions and remote
     *     clusters count as unmatched: the job writes neither)
     * @param fields the union of the matched indices' fields, or null when none matched
     */
    public record Resolution(List<String> indices, List<String> unmatched, MappedFields fields) {}
}
