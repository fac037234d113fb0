package io.spikewatch.annotate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's seed files from a test, whether run by Surefire (module dir) or Failsafe. */
final class SeedFiles {

    private SeedFiles() {}

    static Path trackedEntities() {
        Path home = Path.of(System.getProperty("spikewatch.home", ".."));
        Path file = home.resolve("fixtures/seed/tracked-entities.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("seed tracked-entities file not found at " + file.toAbsolutePath());
        }
        return file;
    }
}
