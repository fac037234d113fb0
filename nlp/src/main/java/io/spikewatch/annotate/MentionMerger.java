package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the statistical NER's mentions with the tracked-entity matches into one list without
 * overlaps, each tracked entity reported with its canonical name.
 *
 * <p>For each NER mention:
 * <ul>
 *   <li>no tracked match overlaps it: kept as is, untracked;
 *   <li>exactly one tracked match overlaps it, inside it and of the same type: kept with the NER's
 *       (possibly wider) span and the tracked canonical name ("Donald J. Trump" found by NER,
 *       "Trump" by the tracker: one mention "Donald J. Trump" of Donald Trump);
 *   <li>otherwise the tracked matches replace it: the tracked type wins ("Elon Musk" tagged
 *       ORGANIZATION becomes PERSON), and a NER span that ran two tracked names together is split
 *       into them.
 * </ul>
 * Tracked matches the NER missed (handles, hashtags, "X", "𝕏") are added. The result is in
 * text order.
 */
final class MentionMerger {

    private MentionMerger() {}

    static List<EntityMention> merge(String text, List<NerSpan> nerSpans, List<TrackedMatch> trackedMatches) {
        List<EntityMention> merged = new ArrayList<>();
        Map<TrackedMatch, Boolean> used = new IdentityHashMap<>();
        for (NerSpan ner : nerSpans) {
            List<TrackedMatch> overlapping = new ArrayList<>();
            for (TrackedMatch match : trackedMatches) {
                if (match.overlaps(ner.start(), ner.end())) {
                    overlapping.add(match);
                }
            }
            if (overlapping.isEmpty()) {
                merged.add(new EntityMention(text.substring(ner.start(), ner.end()), ner.type().name(),
                        ner.start(), ner.end(), null));
                continue;
            }
            TrackedMatch only = overlapping.size() == 1 ? overlapping.get(0) : null;
            if (only != null && only.type() == ner.type() && ner.contains(only) && !used.containsKey(only)) {
                merged.add(new EntityMention(text.substring(ner.start(), ner.end()), only.type().name(),
                        ner.start(), ner.end(), only.canonical()));
                used.put(only, Boolean.TRUE);
                continue;
            }
            for (TrackedMatch match : overlapping) {
                if (used.put(match, Boolean.TRUE) == null) {
                    merged.add(match.mentionIn(text));
                }
            }
        }
        for (TrackedMatch match : trackedMatches) {
            if (!used.containsKey(match)) {
                merged.add(match.mentionIn(text));
            }
        }
        merged.sort(Comparator.comparingInt(EntityMention::start).thenComparingInt(EntityMention::end));
        return merged;
    }
}
