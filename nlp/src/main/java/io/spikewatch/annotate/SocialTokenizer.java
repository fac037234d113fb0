package io.spikewatch.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits normalized social text into the tokens the polarity features are made of: lower-case
 * words (with their apostrophes: "don't"), handles (all one token, "@user"), emoticons
 * (":)", ":-(", "&lt;3", "xD"), single emoji (variation selectors, skin tones and joiners
 * dropped), runs of '!' and '?', and the clause punctuation that ends a negation's scope. This is
 * not CoreNLP's tokenizer: it is the classifier's own, fast, and the same at training and at
 * annotation time. A negation written out reads as its contraction: "can not" and "cannot" are
 * one token "can't", "do not" is "don't", so a complaint says the same to the classifier however
 * its author spells it (the training tweets favour the contraction: "can not join" read as
 * neutral where "can't join" read as negative). Thread-safe.
 */
final class SocialTokenizer {

    enum Kind { WORD, HANDLE, EMOTICON, EMOJI, EMPHASIS, PUNCTUATION }

    /**
     * One token: its classifier form and its normalized-text offsets.
     *
     * @param text lower-case word, "@user", the emoticon or emoji as written, "!", "!!", "?",
     *     "??", "?!", or one of . , ; :
     */
    record Token(String text, Kind kind, int start, int end) {}

    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    private static final Pattern TOKENS = Pattern.compile(
            "(?<emoticon>" + NOT_WORD_BEFORE
                    + "(?:[<>]?[:;=8][\\-o*']?[)\\](\\[dDpP/\\\\|@3}{*]+|[)\\](\\[dD]+[\\-o*']?[:;=]|<3+|</3|\\^_*\\^|-_-|[xX][dD]+|:'\\()"
                    + NOT_WORD_AFTER + ")"
                    + "|(?<handle>@[\\p{L}\\p{N}_]+)"
                    + "|(?<word>[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}]+)*)"
                    + "|(?<emphasis>[!?]+)"
                    + "|(?<punct>[.,;:]+)");

    static final String HANDLE = "@user";

    /** Auxiliaries and their contraction with "not". */
    private static final Map<String, String> NEGATED = Map.ofEntries(
            Map.entry("can", "can't"), Map.entry("do", "don't"), Map.entry("does", "doesn't"), Map.entry("did", "didn't"),
            Map.entry("is", "isn't"), Map.entry("are", "aren't"), Map.entry("was", "wasn't"), Map.entry("were", "weren't"),
            Map.entry("will", "won't"), Map.entry("would", "wouldn't"), Map.entry("could", "couldn't"),
            Map.entry("should", "shouldn't"), Map.entry("have", "haven't"), Map.entry("has", "hasn't"),
            Map.entry("had", "hadn't"), Map.entry("must", "mustn't"));

    private SocialTokenizer() {}

    /** The tokens of {@code text} in [from, to), in order. */
    static List<Token> tokens(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKENS.matcher(text).region(from, to);
        m.useTransparentBounds(true);
        int cursor = from;
        while (m.find()) {
            emoji(text, cursor, m.start(), tokens);
            cursor = m.end();
            String s = m.group();
            Kind kind;
            String form;
            if (m.group("emoticon") != null) {
                kind = Kind.EMOTICON;
                form = s.length() > 2 && s.startsWith("<3") ? "<3" : s;
            } else if (m.group("handle") != null) {
                kind = Kind.HANDLE;
                form = HANDLE;
            } else if (m.group("word") != null) {
                kind = Kind.WORD;
                form = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                if (form.equals("cannot")) {
                    form = "can't";
                } else if (form.equals("not") && contractsWithPrevious(text, tokens, m.start())) {
                    Token auxiliary = tokens.remove(tokens.size() - 1);
                    tokens.add(new Token(NEGATED.get(auxiliary.text()), Kind.WORD, auxiliary.start(), m.end()));
                    continue;
                }
            } else if (m.group("emphasis") != null) {
                kind = Kind.EMPHASIS;
                form = emphasis(s);
            } else {
                kind = Kind.PUNCTUATION;
                form = s.substring(0, 1);
            }
            tokens.add(new Token(form, kind, m.start(), m.end()));
        }
        emoji(text, cursor, to, tokens);
        return tokens;
    }

    /** Whether the "not" at {@code notStart} follows an auxiliary word with only spaces between. */
    private static boolean contractsWithPrevious(String text, List<Token> tokens, int notStart) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token previous = tokens.get(tokens.size() - 1);
        if (previous.kind() != Kind.WORD || !NEGATED.containsKey(previous.text())) {
            return false;
        }
        for (int i = previous.end(); i < notStart; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String emphasis(String run) {
        boolean bang = run.indexOf('!') >= 0;
        boolean question = run.indexOf('?') >= 0;
        if (bang && question) {
            return "?!";
        }
        String mark = bang ? "!" : "?";
        return run.length() > 1 ? mark + mark : mark;
    }

    /** Adds the pictographs between two regular tokens as one token each. */
    private static void emoji(String text, int from, int to, List<Token> tokens) {
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (SocialTextNormalizer.isPictograph(cp) && !isSkinTone(cp)) {
                tokens.add(new Token(new String(Character.toChars(cp)), Kind.EMOJI, i, i + n));
            }
            i += n;
        }
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }
}
