package io.spikewatch.annotate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a social-media post into text CoreNLP's models (trained on newswire and film reviews)
 * read well, keeping a map back to the original offsets ({@link NormalizedText}):
 * <ul>
 *   <li>HTML entities are decoded: "&amp;amp;" becomes "&amp;";
 *   <li>links are removed (and counted);
 *   <li>hashtags become words, CamelCase and digits split: "#TwitterBlackout" becomes
 *       "Twitter Blackout", "#trump2024" becomes "trump 2024";
 *   <li>elongated words are shortened to a word the lexicon knows when there is one, else to a
 *       single letter per run: "sooo" becomes "so", "goooood" "good", "yesss" "yes";
 *   <li>ordinary words written in capitals for emphasis are lowercased ("TERRIBLE"), acronyms
 *       ("FBI", "DDOS") are not, and a lone capital letter is never slang ("U.S." stays), nor
 *       are two capitals ("TY Hilton");
 *   <li>common slang spellings become English: "u" becomes "you", "gr8" "great", "idk"
 *       "I don't know" (the list is {@code sentiment/slang.tsv});
 *   <li>typographic apostrophes become ASCII ones, and an emoji glued to a word is set apart by
 *       a space so it is a token of its own.
 * </ul>
 * Hashtags that end a post after its text ("... in Florida #TwitterBlackout #fail") tag the post
 * rather than belong to its last sentence: a sentence break that maps to no original character
 * is put before them, so the tagger does not read "Florida Twitter Blackout" as one name.
 * Handles ("@elonmusk") and emoticons are left as written. Thread-safe.
 */
public final class SocialTextNormalizer {

    private static final Pattern SPECIAL = Pattern.compile(
            "(?<entity>&(?:amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)"
                    + "|(?<url>(?:https?://|www\\.)\\S+)"
                    + "|(?<handle>(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_]+)"
                    + "|(?<hashtag>(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)"
                    + "|(?<word>(?<![\\p{L}\\p{N}_])[\\p{L}\\p{N}]+(?:['\u2019]\\p{L}+)*)");

    /** What may follow a hashtag that tags the post rather than being part of its sentence. */
    private static final Pattern TAG_TAIL = Pattern.compile(
            "(?:\\s|#[\\p{L}\\p{N}_]+|@[\\p{L}\\p{N}_]+|(?:https?://|www\\.)\\S+|[\\p{P}\\p{S}\\p{M}\u200D])*");

    /** Characters a link may not end with: they close the sentence or a bracket around it. */
    private static final String URL_TRAILING = ".,;:!?)]}\"'\u2019";

    /**
     * Slang written in capitals is rewritten only from this length ("IDK", "OMG"): two capitals
     * are more often initials or a name ("TY Hilton").
     */
    private static final int MIN_SHOUTED_SLANG = 3;

    /** A word with more combinations of elongated runs than this is shortened without lookups. */
    private static final int MAX_RUNS_TRIED = 4;

    private final SocialLexicon lexicon;

    public SocialTextNormalizer(SocialLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** The normalizer with the shipped lexicons. */
    public static SocialTextNormalizer standard() {
        return new SocialTextNormalizer(SocialLexicon.standard());
    }

    public NormalizedText normalize(String original) {
        Objects.requireNonNull(original, "original");
        Output out = new Output(original);
        Matcher m = SPECIAL.matcher(original);
        int cursor = 0;
        int urls = 0;
        int elongated = 0;
        int shouted = 0;
        int hashtags = 0;
        boolean inTags = false;
        while (m.find()) {
            out.copy(cursor, m.start());
            cursor = m.end();
            if (m.group("entity") != null) {
                out.replace(decodeEntity(m.group("entity")), m.start(), m.end());
            } else if (m.group("url") != null) {
                int end = m.end();
                while (end > m.start() && URL_TRAILING.indexOf(original.charAt(end - 1)) >= 0) {
                    end--;
                }
                cursor = end;
                urls++;
            } else if (m.group("handle") != null) {
                out.copy(m.start(), m.end());
            } else if (m.group("hashtag") != null) {
                if (!inTags && TAG_TAIL.matcher(original).region(m.end(), original.length()).matches()) {
                    inTags = true;
                    out.sentenceBreak(m.start());
                }
                hashtag(out, original, m.start() + 1, m.end());
                hashtags++;
            } else {
                WordResult word = word(m.group("word"));
                if (word.elongated) {
                    elongated++;
                }
                if (word.shouted) {
                    shouted++;
                }
                if (word.text.equals(m.group("word"))) {
                    out.copy(m.start(), m.end());
                } else if (word.text.length() == m.end() - m.start() && !word.elongated) {
                    out.replaceCharwise(word.text, m.start());
                } else {
                    out.replace(word.text, m.start(), m.end());
                }
            }
        }
        out.copy(cursor, original.length());
        return out.build(new NormalizedText.Cues(urls, elongated, shouted, hashtags));
    }

    private record WordResult(String text, boolean elongated, boolean shouted) {}

    private WordResult word(String word) {
        String plain = word.replace('\u2019', '\'');
        String lower = plain.toLowerCase(Locale.ROOT);
        boolean allCaps = isAllCaps(plain);
        String slang = lexicon.slang(lower);
        if (slang != null && (plain.equals(lower) || (plain.length() >= 2 && isCapitalized(plain))
                || (allCaps && plain.length() >= MIN_SHOUTED_SLANG))) {
            return new WordResult(slang, false, false);
        }
        boolean elongated = hasRun(lower);
        if (elongated) {
            lower = shorten(lower);
            plain = allCaps ? lower.toUpperCase(Locale.ROOT) : shortenPreservingCase(plain, lower);
            String slangAfter = lexicon.slang(lower);
            if (slangAfter != null) {
                return new WordResult(slangAfter, true, allCaps);
            }
        }
        if (allCaps && lower.length() >= 3 && lexicon.knows(lower)) {
            return new WordResult(lower, elongated, true);
        }
        return new WordResult(plain, elongated, false);
    }

    private static boolean isCapitalized(String word) {
        return Character.isUpperCase(word.charAt(0)) && word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT));
    }

    private static boolean isAllCaps(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isUpperCase(c);
        }
        return letter;
    }

    /** Whether a letter occurs three or more times in a row. */
    private static boolean hasRun(String lower) {
        for (int i = 2; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetter(c) && c == lower.charAt(i - 1) && c == lower.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shortens every run of three or more equal letters to one or two letters, preferring the
     * combination the lexicon knows ("cooool" to "cool", "sooo" to "so"), and among several the
     * one with the strongest valence ("goood" is "good", not "god"); else one letter each.
     */
    private String shorten(String lower) {
        StringBuilder skeleton = new StringBuilder();
        StringBuilder runLetters = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            char c = lower.charAt(i);
            int j = i;
            while (j < lower.length() && lower.charAt(j) == c) {
                j++;
            }
            if (j - i >= 3 && Character.isLetter(c)) {
                skeleton.append('\0');
                runLetters.append(c);
            } else {
                skeleton.append(lower, i, j);
            }
            i = j;
        }
        int runs = runLetters.length();
        String best = fill(skeleton, runLetters, 0);
        if (runs <= MAX_RUNS_TRIED) {
            double bestStrength = -1;
            for (int mask = 0; mask < (1 << runs); mask++) {
                String candidate = fill(skeleton, runLetters, mask);
                if (lexicon.knows(candidate)) {
                    double valence = lexicon.valence(candidate);
                    double strength = Double.isNaN(valence) ? 0 : Math.abs(valence);
                    if (strength > bestStrength) {
                        best = candidate;
                        bestStrength = strength;
                    }
                }
            }
        }
        return best;
    }

    /** The skeleton with each run placeholder filled by one letter, or two where the mask has a bit. */
    private static String fill(CharSequence skeleton, CharSequence runLetters, int doubledMask) {
        StringBuilder out = new StringBuilder(skeleton.length() + runLetters.length());
        int run = 0;
        for (int i = 0; i < skeleton.length(); i++) {
            char c = skeleton.charAt(i);
            if (c == '\0') {
                char letter = runLetters.charAt(run);
                out.append(letter);
                if ((doubledMask & (1 << run)) != 0) {
                    out.append(letter);
                }
                run++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Gives the shortened lower-case word the capitalisation of the original's first letter. */
    private static String shortenPreservingCase(String original, String shortenedLower) {
        if (!original.isEmpty() && Character.isUpperCase(original.charAt(0)) && !shortenedLower.isEmpty()) {
            return Character.toUpperCase(shortenedLower.charAt(0)) + shortenedLower.substring(1);
        }
        return shortenedLower;
    }

    /** Writes the hashtag body [from, to) as words: CamelCase and letter/digit changes split, '_' a space. */
    private static void hashtag(Output out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.replace(" ", i, i + 1);
                continue;
            }
            if (i > from && isWordBoundary(text, i, to)) {
                out.insertSpace(i);
            }
            out.copy(i, i + 1);
        }
    }

    private static boolean isWordBoundary(String text, int i, int end) {
        char prev = text.charAt(i - 1);
        char c = text.charAt(i);
        if (prev == '_') {
            return false;
        }
        if (Character.isLowerCase(prev) && Character.isUpperCase(c)) {
            return true;
        }
        if (Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < end && Character.isLowerCase(text.charAt(i + 1))) {
            return true;
        }
        return Character.isDigit(prev) != Character.isDigit(c) && Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(c)
                && !Character.isSurrogate(c);
    }

    private static String decodeEntity(String entity) {
        String body = entity.substring(1, entity.length() - 1);
        switch (body) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default:
                int codePoint = body.startsWith("#x") || body.startsWith("#X")
                        ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
                return Character.isValidCodePoint(codePoint) && codePoint != 0 ? new String(Character.toChars(codePoint)) : " ";
        }
    }

    /** Whether a code point is a pictograph (emoji and other symbols) rather than text. */
    static boolean isPictograph(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL || (codePoint >= 0x1F000 && codePoint <= 0x1FAFF);
    }

    /** The normalized text being written, with the original range of each character. */
    private static final class Output {
        private final String original;
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Output(String original) {
            this.original = original;
            this.text = new StringBuilder(original.length() + 16);
            this.starts = new int[original.length() + 16];
            this.ends = new int[original.length() + 16];
        }

        /** Copies original [from, to), typographic apostrophes made ASCII, emoji set apart from words. */
        void copy(int from, int to) {
            for (int i = from; i < to; ) {
                int cp = original.codePointAt(i);
                int n = Character.charCount(cp);
                separate(cp, i);
                if (cp == '\u2019' || cp == '\u2018') {
                    cp = '\'';
                }
                if (n == 1) {
                    append((char) cp, i, i + 1);
                } else {
                    append(original.charAt(i), i, i + 1);
                    append(original.charAt(i + 1), i + 1, i + 2);
                }
                i += n;
            }
        }

        /** Writes {@code replacement} for original [from, to): every character maps to the whole range. */
        void replace(String replacement, int from, int to) {
            if (!replacement.isEmpty()) {
                separate(replacement.codePointAt(0), from);
            }
            for (int i = 0; i < replacement.length(); i++) {
                append(replacement.charAt(i), from, to);
            }
        }

        /** Writes a replacement of the same length as original [from, ...): character i maps to from + i. */
        void replaceCharwise(String replacement, int from) {
            if (!replacement.isEmpty()) {
                separate(replacement.codePointAt(0), from);
            }
            for (int i = 0; i < replacement.length(); i++) {
                append(replacement.charAt(i), from + i, from + i + 1);
            }
        }

        /**
         * Ends the sentence before original offset {@code at} with " . " that maps to no original
         * character, unless the text written so far is empty or already ends a sentence.
         */
        void sentenceBreak(int at) {
            int i = text.length();
            while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            if (i == 0 || ".!?".indexOf(text.charAt(i - 1)) >= 0) {
                return;
            }
            if (i == text.length()) {
                append(' ', at, at);
            }
            append('.', at, at);
            append(' ', at, at);
        }

        /** A space that has no original character, between two words written together. */
        void insertSpace(int at) {
            append(' ', at, at);
        }

        /** Inserts a space between an emoji and a letter or digit written against each other. */
        private void separate(int next, int at) {
            if (text.length() == 0) {
                return;
            }
            int last = Character.codePointBefore(text, text.length());
            boolean lastPicto = isPictograph(last);
            boolean nextPicto = isPictograph(next);
            if ((lastPicto && Character.isLetterOrDigit(next)) || (nextPicto && Character.isLetterOrDigit(last))) {
                insertSpace(at);
            }
        }

        private void append(char c, int from, int to) {
            int n = text.length();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2 + 16);
                ends = Arrays.copyOf(ends, n * 2 + 16);
            }
            text.append(c);
            starts[n] = from;
            ends[n] = to;
        }

        NormalizedText build(NormalizedText.Cues cues) {
            int n = text.length();
            return new NormalizedText(original, text.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), cues);
        }
    }
}
