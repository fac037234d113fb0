package io.spikewatch.cli;

import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.annotate.AnnotatorConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How posts are annotated; shared by the commands that annotate. */
public class AnnotatorOptions {

    @Option(names = "--tracked-entities", paramLabel = "FILE",
            description = "The tracked-entities YAML file (aliases, handles and hashtags of the entities you follow).")
    Path trackedEntities;

    @Option(names = "--annotation-cache", paramLabel = "ENTRIES", defaultValue = "" + AnnotationCacheSettings.DEFAULT_MAX_ENTRIES,
            description = "Annotations of recent texts kept, so reposts are annotated once (at most "
                    + AnnotationCacheSettings.DEFAULT_MAX_MEBIBYTES + " MiB; 0: no cache; default: ${DEFAULT-VALUE}).")
    int annotationCacheEntries = AnnotationCacheSettings.DEFAULT_MAX_ENTRIES;

    /** The annotation cache's bounds; the entries as given, the byte bound the default. */
    AnnotationCacheSettings cacheSettings() {
        try {
            return AnnotationCacheSettings.ofEntries(annotationCacheEntries);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--annotation-cache: " + e.getMessage(), e);
        }
    }

    /** The annotator configuration: the tracked-entities file if given, else {@code fallbackYaml} (may be null). */
    AnnotatorConfig config(String fallbackYaml, String fallbackSource) {
        AnnotatorConfig.Builder config = AnnotatorConfig.builder();
        if (trackedEntities != null) {
            config.trackedEntitiesFile(trackedEntities);
        } else if (fallbackYaml != null) {
            config.trackedEntitiesYaml(fallbackYaml, fallbackSource);
        }
        return config.build();
    }

    AnnotatorConfig config() {
        return config(null, null);
    }
}
