package io.spikewatch.dashboards;

/**
 * A field as an index mapping declares it.
 *
 * @param name the full dotted name, e.g. {@code author.followers} or the multi-field {@code text.raw}
 * @param type the Elasticsearch field type ({@code keyword}, {@code text}, {@code date}, {@code long}...);
 *     {@link #CONFLICT} when the indices behind one data view map it differently
 * @param insideNested whether it lies inside a {@code nested} field, where Lens cannot reach it and
 *     KQL needs the {@code parent:{ child: value }} form
 */
public record MappedField(String name, String type, boolean insideNested) {

    /** The type Kibana shows for a field mapped differently in the indices of one data view. */
    public static final String CONFLICT = "conflict";
}
