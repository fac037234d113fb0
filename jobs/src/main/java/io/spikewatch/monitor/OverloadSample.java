package io.spikewatch.monitor;

import io.spikewatch.alerts.DurationText;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which posts get CoreNLP once annotation has fallen behind the input: all of them while it keeps
 * up, and a share of them, chosen by post id, while it trails the input by more than {@code after}
 * of event time. The others skip CoreNLP: they are indexed with the tracked entities their text
 * names by alias, handle or hashtag, counted in every volume, and have no sentiment. Sentiment is
 * then measured on the sample (each minute's metrics store how many posts were scored).
 *
 * <p>The share is fixed ({@code rate}: annotation catches up at about 1/rate times its speed, if
 * that is enough), or adaptive: it halves for every {@link #ADAPTIVE_HALVING} that annotation
 * trails beyond {@code after}, down to {@code rate}. An adaptive sample settles where annotation
 * keeps pace with the input, up to 1/{@code rate} times the capacity: as far behind as {@code
 * after} plus one {@link #ADAPTIVE_HALVING} for each doubling of the load over the capacity (by
 * computation, when posts left out cost nothing: 2 minutes 10 seconds at twice the capacity, 2
 * minutes 33 seconds at ten times, 2 minutes 56 seconds at fifty times), and it annotates as many
 * posts as the capacity allows, not a share guessed beforehand.
 *
 * <p>The choice is by a hash of the post id, below the share: a post and its replays are chosen
 * alike at the same share, and a smaller sample is part of every larger one. Whether annotation
 * is behind depends on timing: the same input may be sampled differently in two runs.
 *
 * @param rate the share of posts annotated in full while behind, in (0, 1] (1: every post); for an
 *     adaptive sample, the smallest share it goes down to
 * @param after how far annotation must trail the input, in event time, before it samples
 * @param adaptive whether the share adapts to how far annotation trails
 */
public record OverloadSample(double rate, Duration after, boolean adaptive) implements Serializable {

    public static final Duration DEFAULT_AFTER = Duration.ofMinutes(2);
    /** Every post annotated, however far behind: the default. */
    public static final OverloadSample OFF = new OverloadSample(1.0, DEFAULT_AFTER);
    /**
     * An adaptive sample halves for every this much event time annotation trails beyond {@code
     * after}: long enough that posts a few seconds out of order do not swing it, short enough that
     * the backlog it settles at grows by only 10 seconds per doubling of the overload, and a backlog
     * a little past {@code after} is already sampled thinly enough to drain before the next surge.
     */
    public static final Duration ADAPTIVE_HALVING = Duration.ofSeconds(10);
    /** The smallest share an adaptive sample goes down to: it keeps up with up to 100 times the capacity. */
    public static final double ADAPTIVE_MIN_RATE = 0.01;
    /** How the configuration and the command line name an adaptive sample. */
    public static final String AUTO = "auto";

    public OverloadSample {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("overload-sample must be more than 0 and at most 1, got " + rate);
        }
        Objects.requireNonNull(after, "overload-after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("overload-after must be zero or more, got " + after);
        }
    }

    /** A sample of a fixed share while behind. */
    public OverloadSample(double rate, Duration after) {
        this(rate, after, false);
    }

    /** An adaptive sample, down to {@link #ADAPTIVE_MIN_RATE}. */
    public static OverloadSample adaptive(Duration after) {
        return new OverloadSample(ADAPTIVE_MIN_RATE, after, true);
    }

    public boolean isOn() {
        return adaptive || rate < 1;
    }

    /**
     * The share of posts annotated for a post of event time {@code eventTimeMillis}, when the input
     * has been read up to event time {@code readUpToMillis} ({@link Long#MIN_VALUE} when not known
     * yet: then every post is).
     */
    public double rateFor(long eventTimeMillis, long readUpToMillis) {
        if (readUpToMillis == Long.MIN_VALUE) {
            return 1;
        }
        long beyond = readUpToMillis - eventTimeMillis - after.toMillis();
        if (beyond <= 0) {
            return 1;
        }
        return adaptive ? Math.max(rate, Math.pow(0.5, (double) beyond / ADAPTIVE_HALVING.toMillis())) : rate;
    }

    /** What the sample does, for a person. */
    public String describe() {
        if (!isOn()) {
            return "off, every post annotated";
        }
        String behind = "behind by more than " + DurationText.format(after);
        return adaptive
                ? String.format(Locale.ROOT, "adaptive: every post while annotation keeps up; %s, half as many for every %s"
                        + " further, down to %s%%", behind, DurationText.format(ADAPTIVE_HALVING), percent(rate))
                : String.format(Locale.ROOT, "%s%% of the posts %s", percent(rate), behind);
    }

    private static String percent(double share) {
        return new BigDecimal(share * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Whether the post gets CoreNLP (see {@link #rateFor}). */
    public boolean annotates(String postId, long eventTimeMillis, long readUpToMillis) {
        return inSample(postId, rateFor(eventTimeMillis, readUpToMillis));
    }

    /** Whether the post is in a sample of this share: its id's hash, as a fraction of the hash range, is below it. */
    public static boolean inSample(String postId, double share) {
        return share >= 1 || fraction(postId) < share;
    }

    /** The id's 64-bit FNV-1a hash of its UTF-8 bytes, mixed and mapped to [0, 1). */
    static double fraction(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly for short ids that differ in their last byte: finish with a mixer
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return (hash >>> 11) * 0x1.0p-53;
    }
}
