package io.spikewatch.dashboards;

/**
 * One entry of a saved object's {@code references}: how Kibana links objects without embedding
 * ids in the JSON strings of their attributes.
 *
 * @param name the name the attributes use for it, e.g. {@code indexpattern-datasource-layer-volume}
 *     in a Lens state or {@code volume:panel_volume} in a dashboard
 * @param type the saved-object type of the target, e.g. {@code index-pattern}
 * @param id the target's id
 */
public record SavedObjectReference(String name, String type, String id) {}
