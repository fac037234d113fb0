package io.spikewatch.schema;

import java.time.Instant;

/**
 * A campaign or organisation statement (press release, spokesperson quote).
 *
 * @param organization the campaign or organisation that issued it
 * @param speaker the person quoted, or null
 */
public record Statement(
        String id,
        String organization,
        String speaker,
        String title,
        String text,
        Instant publishedAt,
        String url)
        implements InputDocument {

    @Override
    public Instant eventTime() {
        return publishedAt;
    }
}
