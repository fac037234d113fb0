package io.spikewatch.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A small, valid set of saved objects over one small index, for tests that break it in one way
 * each: a data view, a Lens chart with a spike annotation layer, a saved search and a dashboard
 * showing both. Its JSON-in-a-string attributes ({@code panelsJSON}, {@code searchSourceJSON})
 * are kept as objects ({@link #panels}, {@link #searchSource}) and encoded by {@link #ndjson()}.
 */
final class SavedObjectsFixture {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String POSTS_MAPPING = """
            {"properties": {
              "created_at": {"type": "date"},
              "platform": {"type": "keyword"},
              "text": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
              "engagement": {"properties": {"views": {"type": "long"}}},
              "sentiment": {"properties": {"label": {"type": "keyword"}, "score": {"type": "float"}}},
              "entities": {"type": "nested", "properties": {"text": {"type": "keyword"}}}
            }}""";

    static final String SPIKES_MAPPING = """
            {"properties": {
              "start": {"type": "date"},
              "series": {"type": "keyword"},
              "severity": {"type": "integer"}
            }}""";

    final ObjectNode postsView = parse("""
            {"type": "index-pattern", "id": "t-posts", "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.0.0",
             "attributes": {"title": "t-posts", "name": "Posts", "timeFieldName": "created_at"}, "references": []}""");

    final ObjectNode spikesView = parse("""
            {"type": "index-pattern", "id": "t-spikes", "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.0.0",
             "attributes": {"title": "t-spikes", "name": "Spikes", "timeFieldName": "start"}, "references": []}""");

    final ObjectNode lens = parse("""
            {"type": "lens", "id": "t-volume", "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.9.0",
             "attributes": {"title": "Volume", "visualizationType": "lnsXY", "state": {
               "datasourceStates": {"formBased": {"layers": {"volume": {
                 "columnOrder": ["time", "platform", "posts", "views"],
                 "columns": {
                   "time": {"operationType": "date_histogram", "sourceField": "created_at", "dataType": "date", "isBucketed": true},
                   "platform": {"operationType": "terms", "sourceField": "platform", "dataType": "string", "isBucketed": true,
                                "params": {"size": 5, "orderBy": {"type": "column", "columnId": "posts"}}},
                   "posts": {"operationType": "count", "sourceField": "___records___", "dataType": "number",
                             "filter": {"query": "sentiment.label:negative", "language": "kuery"}},
                   "views": {"operationType": "sum", "sourceField": "engagement.views", "dataType": "number"}
                 }}}}},
               "visualization": {"preferredSeriesType": "bar_stacked", "layers": [
                 {"layerId": "volume", "layerType": "data", "seriesType": "bar_stacked", "xAccessor": "time",
                  "accessors": ["posts", "views"], "splitAccessor": "platform"},
                 {"layerId": "spikes", "layerType": "annotations", "persistanceType": "byValue", "annotations": [
                   {"type": "query", "id": "starts", "label": "Spike", "key": {"type": "point_in_time"}, "timeField": "start",
                    "filter": {"type": "kibana_query", "query": "severity >= 40", "language": "kuery"}, "extraFields": ["series"]}]}]},
               "query": {"query": "platform:x", "language": "kuery"}, "filters": []}},
             "references": [
               {"type": "index-pattern", "id": "t-posts", "name": "indexpattern-datasource-layer-volume"},
               {"type": "index-pattern", "id": "t-spikes", "name": "xy-visualization-layer-spikes"}]}""");

    final ObjectNode search = parse("""
            {"type": "search", "id": "t-latest", "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.0.0",
             "attributes": {"title": "Latest", "columns": ["platform", "text"], "sort": [["created_at", "desc"]],
                            "kibanaSavedObjectMeta": {}},
             "references": [{"type": "index-pattern", "id": "t-posts", "name": "kibanaSavedObjectMeta.searchSourceJSON.index"}]}""");

    final ObjectNode searchSource = parse("""
            {"query": {"query": "sentiment.label:negative", "language": "kuery"}, "filter": [],
             "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"}""");

    final ObjectNode dashboard = parse("""
            {"type": "dashboard", "id": "t-monitor", "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.9.0",
             "attributes": {"title": "Monitor", "description": "", "timeRestore": false, "optionsJSON": "{}",
                            "kibanaSavedObjectMeta": {"searchSourceJSON": "{\\"query\\":{\\"query\\":\\"\\",\\"language\\":\\"kuery\\"},\\"filter\\":[]}"}},
             "references": [
               {"name": "volume:panel_volume", "type": "lens", "id": "t-volume"},
               {"name": "latest:panel_latest", "type": "search", "id": "t-latest"}]}""");

    final ArrayNode panels = (ArrayNode) parse("""
            [{"type": "lens", "panelIndex": "volume", "gridData": {"x": 0, "y": 0, "w": 24, "h": 10, "i": "volume"},
              "embeddableConfig": {}, "panelRefName": "panel_volume"},
             {"type": "search", "panelIndex": "latest", "gridData": {"x": 24, "y": 0, "w": 24, "h": 10, "i": "latest"},
              "embeddableConfig": {}, "panelRefName": "panel_latest"}]""");

    static IndexCatalog catalog() {
        return new IndexCatalog(Map.of(
                "t-posts", MappedFields.of(parse(POSTS_MAPPING)),
                "t-spikes", MappedFields.of(parse(SPIKES_MAPPING))));
    }

    /** The layer {@code volume} of the Lens chart. */
    ObjectNode volumeLayer() {
        return (ObjectNode) lens.at("/attributes/state/datasourceStates/formBased/layers/volume");
    }

    ObjectNode column(String id) {
        return (ObjectNode) volumeLayer().get("columns").get(id);
    }

    ObjectNode annotation() {
        return (ObjectNode) lens.at("/attributes/state/visualization/layers/1/annotations/0");
    }

    String ndjson() {
        ObjectNode search = this.search.deepCopy();
        ((ObjectNode) search.at("/attributes/kibanaSavedObjectMeta")).put("searchSourceJSON", searchSource.toString());
        ObjectNode dashboard = this.dashboard.deepCopy();
        ((ObjectNode) dashboard.get("attributes")).put("panelsJSON", panels.toString());
        StringBuilder out = new StringBuilder();
        for (JsonNode object : List.of(postsView, spikesView, lens, search, dashboard)) {
            out.append(object).append('\n');
        }
        return out.toString();
    }

    List<SavedObjectProblem> check() {
        return new SavedObjectsCheck(catalog()).check(SavedObjectsReader.parse("fixture.ndjson", ndjson()));
    }

    static <T extends JsonNode> T parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            T node = (T) MAPPER.readTree(json);
            return node;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
