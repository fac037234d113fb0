package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Benchmark streams built from real post texts: the distinct texts in order ("unique"), and a
 * repost-heavy stream in which a stated share of the posts repeat a text already seen, as
 * reposts and copy-paste campaigns do. A repeat copies one of the {@value #RECENT_TEXTS} most
 * recent new texts (surges repost what is spreading now, not what spread hours ago), uniformly;
 * draws are seeded, so a run is reproducible.
 */
public final class RepostMix {

    /** How far back a repeat reaches, in new texts. */
    public static final int RECENT_TEXTS = 100;
    /** The share of repeated posts issue 4 speaks of ("about half the posts repeat text already seen"). */
    public static final double DEFAULT_REPEAT_SHARE = 0.5;
    public static final long DEFAULT_SEED = 20240812L;

    private RepostMix() {}

    /** The distinct texts in order of first appearance. */
    public static List<String> distinct(List<String> texts) {
        return List.copyOf(new LinkedHashSet<>(texts));
    }

    /**
     * A stream of {@code size} posts drawn from {@code distinctTexts} in order, in which each post
     * after the first repeats a recent text with probability {@code repeatShare}.
     *
     * @throws IllegalArgumentException when the share is outside [0, 1) or there are too few distinct texts
     */
    public static List<String> repostHeavy(List<String> distinctTexts, int size, double repeatShare, long seed) {
        Objects.requireNonNull(distinctTexts, "distinctTexts");
        if (!(repeatShare >= 0 && repeatShare < 1)) {
            throw new IllegalArgumentException("repeat share must be in [0, 1), was " + repeatShare);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, was " + size);
        }
        Random random = new Random(seed);
        List<String> stream = new ArrayList<>(size);
        int fresh = 0;
        while (stream.size() < size) {
            if (fresh > 0 && random.nextDouble() < repeatShare) {
                int window = Math.min(fresh, RECENT_TEXTS);
                stream.add(distinctTexts.get(fresh - 1 - random.nextInt(window)));
            } else {
                if (fresh == distinctTexts.size()) {
                    throw new IllegalArgumentException("a repost-heavy stream of " + size + " posts needs more than the "
                            + distinctTexts.size() + " distinct texts given");
                }
                stream.add(distinctTexts.get(fresh++));
            }
        }
        return stream;
    }

    /** The share of posts whose text appeared earlier in the stream. */
    public static double repeatShare(List<String> stream) {
        if (stream.isEmpty()) {
            return 0.0;
        }
        return 1.0 - (double) new LinkedHashSet<>(stream).size() / stream.size();
    }
}
