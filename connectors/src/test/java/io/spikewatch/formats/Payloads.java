package io.spikewatch.formats;

import io.spikewatch.schema.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written payloads under {@code src/test/resources/formats/}. */
final class Payloads {

    private Payloads() {}

    static String text(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload formats/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawRecord record(String name) {
        return new RawRecord("formats/" + name, "1", text(name));
    }

    static RawRecord inline(String text) {
        return new RawRecord("inline", "1", text);
    }
}
