package io.spikewatch.spikes;

import java.time.Instant;

/**
 * A post that carried a spike: the most reposted or the most seen.
 *
 * @param lang the post's language tag, or null when not known
 * @param reach the author's followers plus the post's views, a rough audience size
 */
public record TopPost(String id, String platform, String authorHandle, String text, String lang, Instant createdAt, long reposts,
        long reach) {}
