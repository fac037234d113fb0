/**
 * Kibana saved objects for the Spikewatch indices, checked against the index templates.
 *
 * <p>The saved objects themselves live in {@code dashboards/kibana/} as the NDJSON Kibana's
 * saved-objects import API takes. Kibana does not run in the build, so {@link
 * io.spikewatch.dashboards.SavedObjectsCheck} is what keeps them honest: every field a data view,
 * Lens column, saved search, query or annotation uses must exist in the template of an index the
 * job writes, with a type the use can work with, and every reference must resolve. Plain Java, no
 * Kibana or Elasticsearch client.
 */
package io.spikewatch.dashboards;
