package io.spikewatch.monitor;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Which posts get CoreNLP once annotation has fallen behind the input: all of them while it keeps
 * up, and a stated share of them, chosen by post id, while it trails the input by more than
 * {@code after} of event time. The others skip CoreNLP: they are indexed with the tracked
 * entities their text names by alias, handle or hashtag, counted in every volume, and have no
 * sentiment. Sentiment is then measured on the sample (each minute's metrics store how many posts
 * were scored), and annotation catches up at about 1/rate times its speed.
 *
 * <p>The choice is by a hash of the post id, so a post and its replays are chosen alike and the
 * sample is the same whichever task annotates it. Whether annotation is behind depends on timing:
 * the same input may be sampled differently in two runs.
 *
 * @param rate the share of posts annotated in full while behind, in (0, 1]; 1 for every post
 * @param after how far annotation must trail the input, in event time, before it samples
 */
public record OverloadSample(double rate, Duration after) implements Serializable {

    public static final Duration DEFAULT_AFTER = Duration.ofMinutes(2);
    /** Every post annotated, however far behind: the default. */
    public static final OverloadSample OFF = new OverloadSample(1.0, DEFAULT_AFTER);

    public OverloadSample {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("overload-sample must be more than 0 and at most 1, got " + rate);
        }
        Objects.requireNonNull(after, "overload-after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("overload-after must be zero or more, got " + after);
        }
    }

    public boolean isOn() {
        return rate < 1;
    }

    /**
     * Whether the post gets CoreNLP, when the input has been read up to event time {@code readUpToMillis}
     * ({@link Long#MIN_VALUE} when not known yet: then every post does).
     */
    public boolean annotates(String postId, long eventTimeMillis, long readUpToMillis) {
        boolean behind = readUpToMillis != Long.MIN_VALUE && readUpToMillis - eventTimeMillis > after.toMillis();
        return !behind || inSample(postId);
    }

    /** Whether the post is in the sample: its id's hash, as a fraction of the hash range, is below the rate. */
    public boolean inSample(String postId) {
        return fraction(postId) < rate;
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
