package io.spikewatch.annotate;

import java.util.Objects;

/**
 * A social-media text rewritten for CoreNLP (see {@link SocialTextNormalizer}) together with the
 * way back: every character of the normalized text knows the range of original characters it
 * came from, so a span found in the normalized text (a token, a named entity, a clause) maps to
 * the exact span of the original text. Offsets are UTF-16 code units on both sides.
 *
 * <p>A character copied unchanged maps to its own one-character range; the characters of a
 * replacement ("&amp;amp;" to "&amp;", "sooo" to "so", "u" to "you") all map to the whole
 * replaced range; a space inserted between the words of a hashtag maps to an empty range.
 * Immutable.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;
    private final Cues cues;

    /**
     * Counts of what the normalizer removed or rewrote, which say something about tone but are no
     * longer visible in {@link #text()}.
     *
     * @param urls links removed
     * @param elongatedWords words with a letter repeated three times or more ("sooo")
     * @param shoutedWords words of three or more letters written in capitals that were lowercased
     *     because they are ordinary words ("TERRIBLE"), not acronyms
     * @param hashtags hashtags turned into words
     */
    public record Cues(int urls, int elongatedWords, int shoutedWords, int hashtags) {}

    NormalizedText(String original, String text, int[] originalStart, int[] originalEnd, Cues cues) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        if (originalStart.length != text.length() || originalEnd.length != text.length()) {
            throw new IllegalArgumentException("offset maps must have one entry per normalized character");
        }
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.cues = Objects.requireNonNull(cues, "cues");
    }

    /** A text that needs no normalization: the identity map. */
    public static NormalizedText unchanged(String text) {
        int[] starts = new int[text.length()];
        int[] ends = new int[text.length()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new NormalizedText(text, text, starts, ends, new Cues(0, 0, 0, 0));
    }

    /** The text as written. */
    public String original() {
        return original;
    }

    /** The text CoreNLP reads. */
    public String text() {
        return text;
    }

    public Cues cues() {
        return cues;
    }

    /**
     * Where a span starting at normalized offset {@code start} starts in the original text. An
     * offset at the end of the normalized text maps to the end of the original.
     */
    public int originalStart(int start) {
        checkOffset(start);
        if (start == text.length()) {
            return original.length();
        }
        return originalStart[start];
    }

    /**
     * Where a span ending (exclusive) at normalized offset {@code end} ends in the original text.
     * An empty span at 0 maps to 0.
     */
    public int originalEnd(int end) {
        checkOffset(end);
        if (end == 0) {
            return text.isEmpty() ? 0 : originalStart[0];
        }
        return originalEnd[end - 1];
    }

    /** The original characters behind the normalized span [start, end). */
    public String originalText(int start, int end) {
        int from = originalStart(start);
        int to = Math.max(from, originalEnd(end));
        return original.substring(from, to);
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("normalized offset " + offset + " outside [0, " + text.length() + "]");
        }
    }

    @Override
    public String toString() {
        return "NormalizedText{" + text + "}";
    }
}
