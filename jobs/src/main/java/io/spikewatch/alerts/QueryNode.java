package io.spikewatch.alerts;

import java.util.List;

/**
 * A node of a parsed keyword query (see {@link KeywordQuery} for the language). Each node
 * matches a {@link TokenizedText}; {@link #toString()} prints the node fully parenthesised, which
 * shows how the parser grouped the operators.
 */
public sealed interface QueryNode {

    boolean matches(TokenizedText text);

    /**
     * One search token: a word, {@code #hashtag} or {@code @handle}, already normalised. A bare
     * word also matches the hashtag spelled the same ({@code ddos} matches {@code #DDoS}); a
     * hashtag or handle matches only itself.
     */
    record Word(String token) implements QueryNode {
        @Override
        public boolean matches(TokenizedText text) {
            return text.contains(token);
        }

        @Override
        public String toString() {
            return token;
        }
    }

    /** Consecutive tokens, in order, on word boundaries; a quoted phrase or a word with inner punctuation. */
    record Phrase(List<String> tokens) implements QueryNode {
        public Phrase {
            tokens = List.copyOf(tokens);
        }

        @Override
        public boolean matches(TokenizedText text) {
            return text.containsSequence(tokens);
        }

        @Override
        public String toString() {
            return "\"" + String.join(" ", tokens) + "\"";
        }
    }

    record And(QueryNode left, QueryNode right) implements QueryNode {
        @Override
        public boolean matches(TokenizedText text) {
            return left.matches(text) && right.matches(text);
        }

        @Override
        public String toString() {
            return "(" + left + " AND " + right + ")";
        }
    }

    record Or(QueryNode left, QueryNode right) implements QueryNode {
        @Override
        public boolean matches(TokenizedText text) {
            return left.matches(text) || right.matches(text);
        }

        @Override
        public String toString() {
            return "(" + left + " OR " + right + ")";
        }
    }

    record Not(QueryNode operand) implements QueryNode {
        @Override
        public boolean matches(TokenizedText text) {
            return !operand.matches(text);
        }

        @Override
        public String toString() {
            return "(NOT " + operand + ")";
        }
    }
}
