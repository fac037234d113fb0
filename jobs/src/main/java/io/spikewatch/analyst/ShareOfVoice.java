package io.spikewatch.analyst;

import java.util.List;

/**
 * Share of voice over a range.
 *
 * @param totalPosts every post in the range, naming a tracked entity or not
 * @param rows the entities, most posts first
 */
public record ShareOfVoice(TimeRange range, long totalPosts, List<VoiceRow> rows) {

    public ShareOfVoice {
        rows = List.copyOf(rows);
    }

    /** Whether any entity was named in the range. */
    public boolean isEmpty() {
        return rows.stream().allMatch(r -> r.posts() == 0);
    }
}
