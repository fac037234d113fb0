package io.spikewatch.schema;

import java.time.Instant;

/**
 * A social media post, as described in the README's "Data formats" section.
 *
 * @param replyTo id of the post this one answers, or null
 * @param repostOf id of the post this one reposts (a retweet), or null
 * @param quoteOf id of the post this one quotes, or null
 */
public record Post(
        String id,
        String platform,
        Author author,
        String text,
        Instant createdAt,
        String lang,
        String url,
        String replyTo,
        String repostOf,
        String quoteOf,
        Engagement engagement)
        implements InputDocument {

    @Override
    public Instant eventTime() {
        return createdAt;
    }

    /** The author id, or the handle when the platform gave no id; used for unique-author counts. */
    public String authorKey() {
        if (author == null) {
            return null;
        }
        return author.id() != null ? author.id() : author.handle();
    }
}
