package io.spikewatch.cli;

import io.spikewatch.fixtures.ScenarioGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The seed scenario's tracked-entities file, as the fixtures jar carries it. */
final class SeedTrackedEntities {

    static final String SOURCE = "fixtures/seed/tracked-entities.yaml";
    private static final String RESOURCE = "seed/tracked-entities.yaml";

    private SeedTrackedEntities() {}

    static String yaml() {
        try (InputStream in = ScenarioGenerator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the fixtures jar has no " + RESOURCE + " next to " + ScenarioGenerator.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
