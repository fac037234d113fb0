package io.spikewatch.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SavedObjectsReaderTest {

    @Test
    void readsObjectsAndSkipsBlankLinesAndTheExportSummary() {
        List<SavedObject> objects = SavedObjectsReader.parse("x.ndjson", """
                {"type":"index-pattern","id":"a","attributes":{"title":"a"},"references":[],"coreMigrationVersion":"8.8.0","typeMigrationVersion":"8.0.0"}

                {"type":"lens","id":"b","attributes":{"title":"B"},"references":[{"name":"r","type":"index-pattern","id":"a"}]}
                {"excludedObjects":[],"excludedObjectsCount":0,"exportedCount":2,"missingRefCount":0,"missingReferences":[]}
                """);
        assertThat(objects).extracting(SavedObject::id).containsExactly("a", "b");
        assertThat(objects.get(0).migrationVersions()).isTrue();
        assertThat(objects.get(1).migrationVersions()).isFalse();
        assertThat(objects.get(1).source()).isEqualTo("x.ndjson line 3");
        assertThat(objects.get(1).reference("r")).contains(new SavedObjectReference("r", "index-pattern", "a"));
    }

    @Test
    void aLineThatIsNotJsonNamesFileAndLine() {
        assertThatThrownBy(() -> SavedObjectsReader.parse("x.ndjson", "{\"type\":\"lens\",\"id\":\"b\",\"attributes\":{}}\n{oops"))
                .hasMessageStartingWith("x.ndjson line 2: not JSON");
    }

    @Test
    void anObjectWithoutIdNamesTheKey() {
        assertThatThrownBy(() -> SavedObjectsReader.parse("x.ndjson", "{\"type\":\"lens\",\"attributes\":{}}"))
                .hasMessage("x.ndjson line 1: key 'id' must be a non-empty string");
    }

    @Test
    void aMalformedReferenceNamesItsPosition() {
        assertThatThrownBy(() -> SavedObjectsReader.parse("x.ndjson",
                "{\"type\":\"lens\",\"id\":\"b\",\"attributes\":{},\"references\":[{\"name\":\"r\",\"type\":\"index-pattern\"}]}"))
                .hasMessage("x.ndjson line 1 references[0]: key 'id' must be a non-empty string");
    }
}
