package io.spikewatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.index.IndexKind;
import io.spikewatch.index.IndexNames;
import io.spikewatch.index.IndexTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saved objects we ship ({@code dashboards/kibana/spikewatch.ndjson}) against the index
 * templates the job installs (read from the connectors module's class path, for the default
 * prefix): Kibana cannot run in the build, so this is what keeps the files true to the indices.
 */
class ShippedSavedObjectsTest {

    /** Relative to the module's directory, where Maven runs the tests. */
    static final Path SHIPPED = Path.of("kibana", "spikewatch.ndjson");

    private static List<SavedObject> objects;
    private static String text;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(SHIPPED, StandardCharsets.UTF_8);
        objects = SavedObjectsReader.read(SHIPPED);
    }

    /** The indices the job writes with the default prefix, each with the fields of its template. */
    static IndexCatalog jobIndices() {
        IndexNames names = IndexNames.defaults();
        Map<String, MappedFields> fields = new LinkedHashMap<>();
        for (IndexKind kind : IndexKind.values()) {
            fields.put(names.nameOf(kind), MappedFields.of(IndexTemplates.mappings(kind)));
        }
        return new IndexCatalog(fields);
    }

    private static List<String> check(String ndjson) {
        return new SavedObjectsCheck(jobIndices()).check(SavedObjectsReader.parse(SHIPPED.toString(), ndjson))
                .stream().map(SavedObjectProblem::toString).toList();
    }

    @Test
    void everyFieldTypeAndReferenceChecksOut() {
        assertThat(check(text)).isEmpty();
    }

    @Test
    void thereIsADataViewPerIndexTheDashboardsShowWithItsTimeField() {
        Map<String, String> timeFields = objects.stream()
                .filter(o -> o.type().equals("index-pattern"))
                .collect(Collectors.toMap(SavedObject::title, o -> o.attributes().path("timeFieldName").asText()));
        IndexNames names = IndexNames.defaults();
        assertThat(timeFields).containsExactlyInAnyOrderEntriesOf(Map.of(
                names.posts(), "created_at",
                names.statements(), "published_at",
                names.metrics(), "minute",
                names.spikes(), "start",
                names.alerts(), "created_at"));
        assertThat(objects).filteredOn(o -> o.type().equals("index-pattern"))
                .allSatisfy(o -> assertThat(o.id()).isEqualTo(o.title()));
    }

    @Test
    void bothDashboardsAreThereUnderTheirStableIds() {
        Map<String, SavedObject> dashboards = objects.stream().filter(o -> o.type().equals("dashboard"))
                .collect(Collectors.toMap(SavedObject::id, Function.identity()));
        assertThat(dashboards).containsOnlyKeys("spikewatch-live-monitor", "spikewatch-trends");
        assertThat(dashboards.get("spikewatch-live-monitor").title()).isEqualTo("[Spikewatch] Live monitor");
        assertThat(dashboards.get("spikewatch-live-monitor").references()).extracting(SavedObjectReference::id)
                .containsExactlyInAnyOrder(
                        "spikewatch-volume-by-sentiment", "spikewatch-alerts-table", "spikewatch-share-of-voice",
                        "spikewatch-sentiment-per-entity", "spikewatch-top-entities", "spikewatch-most-reach-posts",
                        "spikewatch-latest-negative-posts", "spikewatch-statements-timeline");
    }

    @Test
    void theVolumeChartMarksSpikesWithAnAnnotationLayerOnTheSpikesDataView() {
        SavedObject volume = objects.stream().filter(o -> o.id().equals("spikewatch-volume-by-sentiment")).findFirst().orElseThrow();
        assertThat(volume.reference("xy-visualization-layer-spikes")).get()
                .extracting(SavedObjectReference::id).isEqualTo(IndexNames.defaults().spikes());
        assertThat(volume.attributes().at("/state/visualization/layers/1/layerType").asText()).isEqualTo("annotations");
        assertThat(volume.attributes().at("/state/visualization/layers/1/annotations/0/timeField").asText()).isEqualTo("start");
    }

    @Test
    void everyObjectOfTheFileIsUsedByADashboard() {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (SavedObject object : objects) {
            object.references().forEach(r -> used.add(r.type() + "/" + r.id()));
        }
        assertThat(objects).filteredOn(o -> !o.type().equals("dashboard"))
                .allSatisfy(o -> assertThat(used).as("%s is used", o.label()).contains(o.type() + "/" + o.id()));
    }

    // The check fails on a broken copy of the shipped file, not just on the small fixtures.

    @Test
    void theShippedFileWithATextFieldAsTopValuesFails() {
        String broken = replaceOnce(text, "\"sourceField\":\"canonical_entities\"", "\"sourceField\":\"text\"");
        assertThat(check(broken)).singleElement().asString().contains(
                "lens 'spikewatch-share-of-voice'", "column 'voice-entity' (terms) uses field 'text' of type text");
    }

    @Test
    void theShippedFileWithADataViewOnAnotherIndexFails() {
        String broken = replaceOnce(text, "\"title\":\"spikewatch-metrics\"", "\"title\":\"metricbeat-*\"");
        assertThat(check(broken)).singleElement().asString().contains(
                "index-pattern 'spikewatch-metrics'", "[metricbeat-*]", "match no index the job writes");
    }

    @Test
    void theShippedFileWithoutADataViewFails() {
        String broken = text.lines()
                .filter(line -> line.isBlank() || !isObject(line, "index-pattern", IndexNames.defaults().alerts()))
                .collect(Collectors.joining("\n"));
        assertThat(broken.lines().count()).isEqualTo(text.lines().count() - 1);
        assertThat(check(broken)).anySatisfy(p -> assertThat(p).contains(
                "search 'spikewatch-alerts-table'", "points at index-pattern 'spikewatch-alerts', which is not in the files"));
    }

    private static boolean isObject(String line, String type, String id) {
        SavedObject object = SavedObjectsReader.parse("line", line).get(0);
        return object.type().equals(type) && object.id().equals(id);
    }

    private static String replaceOnce(String in, String target, String replacement) {
        int at = in.indexOf(target);
        assertThat(at).as("'%s' occurs in the shipped file", target).isNotNegative();
        assertThat(in.indexOf(target, at + 1)).as("'%s' occurs once in the shipped file", target).isNegative();
        return in.substring(0, at) + replacement + in.substring(at + target.length());
    }
}
