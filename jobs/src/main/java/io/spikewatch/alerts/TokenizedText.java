package io.spikewatch.alerts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into the tokens keyword queries match: runs of letters, digits and {@code _}, with a
 * leading {@code #} or {@code @} kept when it starts the run (a hashtag or handle). Everything
 * else, including apostrophes, hyphens and dots, separates tokens, so matching is on word
 * boundaries: {@code trump} matches "Trump's" and "Trump-Vance", never "Trumpet".
 *
 * <p>Text is NFKC-normalised and lower-cased first, so case never matters and look-alike
 * characters people paste (the "𝕏" logo) match their plain letter. The same tokenizer cuts the
 * query's words, so both sides always agree.
 */
public final class TokenizedText {

    /** A token: an optional sigil not glued to a preceding word character, then word characters. */
    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}_])[#@]?[\\p{L}\\p{N}_]+");

    private final List<String> tokens;
    private final Set<String> present;

    private TokenizedText(List<String> tokens, Set<String> present) {
        this.tokens = tokens;
        this.present = present;
    }

    public static TokenizedText of(String text) {
        return of(text, List.of());
    }

    /**
     * @param tags hashtags and handles the platform gave apart from the text (with or without
     *     their text also holding them), each with its {@code #} or {@code @}
     */
    public static TokenizedText of(String text, Collection<String> tags) {
        List<String> tokens = tokens(text == null ? "" : text);
        Set<String> present = new HashSet<>(tokens);
        for (String tag : tags) {
            present.addAll(tokens(tag));
        }
        return new TokenizedText(List.copyOf(tokens), present);
    }

    /** The tokens of {@code text} in order, normalised. */
    static List<String> tokens(String text) {
        String normal = normalise(text);
        List<String> result = new ArrayList<>();
        Matcher m = TOKEN.matcher(normal);
        while (m.find()) {
            result.add(m.group());
        }
        return result;
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public List<String> tokens() {
        return tokens;
    }

    /** Whether the query token occurs; a bare word also counts its hashtag form. */
    boolean contains(String queryToken) {
        return present.contains(queryToken) || (isBare(queryToken) && present.contains("#" + queryToken));
    }

    /** Whether the query tokens occur consecutively in the text. */
    boolean containsSequence(List<String> queryTokens) {
        int n = queryTokens.size();
        for (int start = 0; start + n <= tokens.size(); start++) {
            int i = 0;
            while (i < n && same(queryTokens.get(i), tokens.get(start + i))) {
                i++;
            }
            if (i == n) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String queryToken, String textToken) {
        return textToken.equals(queryToken) || (isBare(queryToken) && textToken.equals("#" + queryToken));
    }

    private static boolean isBare(String token) {
        char first = token.charAt(0);
        return first != '#' && first != '@';
    }
}
