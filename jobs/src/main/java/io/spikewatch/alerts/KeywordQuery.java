package io.spikewatch.alerts;

import java.util.Collection;
import java.util.List;

/**
 * A keyword query over a post's text and its hashtags and handles.
 *
 * <ul>
 *   <li>Terms: words ({@code outage}), hashtags ({@code #TwitterBlackout}), handles
 *       ({@code @elonmusk}) and {@code "quoted phrases"} (straight or curly quotes). Matching is
 *       case-insensitive and on word boundaries (see {@link TokenizedText}); a bare word also
 *       matches its hashtag ({@code ddos} matches {@code #DDoS}), a hashtag or handle only itself.
 *       A word with inner punctuation ({@code X.com}, {@code Harris-Walz}) is a phrase of its parts.</li>
 *   <li>Operators, in capitals: {@code NOT} binds tightest, then {@code AND}, then {@code OR};
 *       parentheses group. Two terms side by side mean {@code AND}. Lower-case {@code and},
 *       {@code or}, {@code not} are refused (quote them to search for the word).</li>
 * </ul>
 *
 * <p>Example: {@code "DDoS" OR "cyberattack" OR #TwitterBlackout OR "unable to join"}.
 *
 * @param text the query as written
 * @param root the parsed tree
 */
public record KeywordQuery(String text, QueryNode root) {

    /** Parses {@code text}; a {@link QuerySyntaxException} names the position of the problem. */
    public static KeywordQuery parse(String text) {
        if (text == null) {
            throw new QuerySyntaxException(1, "the query is empty");
        }
        return new KeywordQuery(text, KeywordQueryParser.parse(text));
    }

    public boolean matches(String postText) {
        return root.matches(TokenizedText.of(postText));
    }

    /** @param tags hashtags and handles given apart from the text, each with its {@code #} or {@code @} */
    public boolean matches(String postText, Collection<String> tags) {
        return root.matches(TokenizedText.of(postText, tags == null ? List.of() : tags));
    }

    public boolean matches(TokenizedText tokenized) {
        return root.matches(tokenized);
    }

    @Override
    public String toString() {
        return text;
    }
}
