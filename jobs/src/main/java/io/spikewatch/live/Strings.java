package io.spikewatch.live;

/** Small text helpers for error messages that quote what a client sent. */
final class Strings {

    /** How much of a rejected value an error message quotes. */
    static final int MAX_QUOTED = 80;

    private Strings() {}

    /** {@code text} cut to {@link #MAX_QUOTED} characters, control characters replaced, for quoting in a message. */
    static String clip(String text) {
        String clean = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() <= MAX_QUOTED ? clean : clean.substring(0, MAX_QUOTED) + "...";
    }
}
