package io.spikewatch.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the keyword query language described on {@link KeywordQuery}.
 *
 * <pre>
 * query   := or END
 * or      := and ("OR" and)*
 * and     := not (["AND"] not)*        -- two terms side by side mean AND
 * not     := "NOT" not | primary
 * primary := "(" or ")" | PHRASE | WORD
 * </pre>
 */
final class KeywordQueryParser {

    private enum Type { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE, END }

    private record Token(Type type, String text, int position) {}

    private static final Set<String> LOWER_CASE_OPERATORS = Set.of("and", "or", "not");

    private final String query;
    private final List<Token> tokens;
    private int next;

    private KeywordQueryParser(String query) {
        this.query = query;
        this.tokens = lex(query);
    }

    static QueryNode parse(String query) {
        KeywordQueryParser parser = new KeywordQueryParser(query);
        if (parser.peek().type == Type.END) {
            throw new QuerySyntaxException(1, "the query is empty");
        }
        QueryNode root = parser.or();
        Token end = parser.peek();
        if (end.type == Type.CLOSE) {
            throw new QuerySyntaxException(end.position, "')' without a matching '('");
        }
        if (end.type != Type.END) {
            throw new QuerySyntaxException(end.position, "unexpected " + describe(end));
        }
        return root;
    }

    private QueryNode or() {
        QueryNode left = and();
        while (peek().type == Type.OR) {
            Token operator = take();
            left = new QueryNode.Or(left, operand(operator, this::and));
        }
        return left;
    }

    private QueryNode and() {
        QueryNode left = not();
        while (true) {
            Type type = peek().type;
            if (type == Type.AND) {
                Token operator = take();
                left = new QueryNode.And(left, operand(operator, this::not));
            } else if (type == Type.WORD || type == Type.PHRASE || type == Type.NOT || type == Type.OPEN) {
                left = new QueryNode.And(left, not());
            } else {
                return left;
            }
        }
    }

    private QueryNode not() {
        if (peek().type == Type.NOT) {
            Token operator = take();
            return new QueryNode.Not(operand(operator, this::not));
        }
        return primary();
    }

    private QueryNode primary() {
        Token token = take();
        switch (token.type) {
            case WORD:
                return term(token);
            case PHRASE:
                return phrase(token);
            case OPEN: {
                if (peek().type == Type.CLOSE) {
                    throw new QuerySyntaxException(peek().position, "empty parentheses");
                }
                QueryNode inner = or();
                Token close = take();
                if (close.type != Type.CLOSE) {
                    throw new QuerySyntaxException(token.position, "'(' is never closed"
                            + (close.type == Type.END ? "" : "; found " + describe(close) + " at character " + close.position));
                }
                return inner;
            }
            case END:
                throw new QuerySyntaxException(token.position, "the query ends where a term was expected");
            default:
                throw new QuerySyntaxException(token.position, "expected a word, a \"phrase\" or '(' but found " + describe(token));
        }
    }

    private QueryNode operand(Token operator, java.util.function.Supplier<QueryNode> rule) {
        Token following = peek();
        if (following.type == Type.END || following.type == Type.CLOSE || following.type == Type.AND
                || following.type == Type.OR) {
            throw new QuerySyntaxException(following.position, "expected a term after " + operator.text
                    + " (character " + operator.position + ") but found " + describe(following));
        }
        return rule.get();
    }

    private static QueryNode term(Token token) {
        if (LOWER_CASE_OPERATORS.contains(token.text)) {
            throw new QuerySyntaxException(token.position, "'" + token.text + "': operators are written in capitals ("
                    + token.text.toUpperCase(java.util.Locale.ROOT) + "); quote it (\"" + token.text
                    + "\") to search for the word");
        }
        List<String> words = TokenizedText.tokens(token.text);
        if (words.isEmpty()) {
            throw new QuerySyntaxException(token.position, "'" + token.text + "' holds no letter or digit to search for");
        }
        return words.size() == 1 ? new QueryNode.Word(words.get(0)) : new QueryNode.Phrase(words);
    }

    private static QueryNode phrase(Token token) {
        List<String> words = TokenizedText.tokens(token.text);
        if (words.isEmpty()) {
            throw new QuerySyntaxException(token.position, "the phrase \"" + token.text + "\" holds no letter or digit");
        }
        return words.size() == 1 ? new QueryNode.Word(words.get(0)) : new QueryNode.Phrase(words);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.type != Type.END) {
            next++;
        }
        return token;
    }

    private static String describe(Token token) {
        return switch (token.type) {
            case END -> "the end of the query";
            case PHRASE -> "\"" + token.text + "\"";
            default -> "'" + token.text + "'";
        };
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }

    private static List<Token> lex(String query) {
        List<Token> result = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            int position = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                result.add(new Token(Type.OPEN, "(", position));
                i++;
            } else if (c == ')') {
                result.add(new Token(Type.CLOSE, ")", position));
                i++;
            } else if (isQuote(c)) {
                int end = i + 1;
                while (end < n && !isQuote(query.charAt(end))) {
                    end++;
                }
                if (end == n) {
                    throw new QuerySyntaxException(position, "the quote opened here is never closed");
                }
                result.add(new Token(Type.PHRASE, query.substring(i + 1, end), position));
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '('
                        && query.charAt(end) != ')' && !isQuote(query.charAt(end))) {
                    end++;
                }
                String word = query.substring(i, end);
                Type type = switch (word) {
                    case "AND" -> Type.AND;
                    case "OR" -> Type.OR;
                    case "NOT" -> Type.NOT;
                    default -> Type.WORD;
                };
                result.add(new Token(type, word, position));
                i = end;
            }
        }
        result.add(new Token(Type.END, "", n + 1));
        return result;
    }
}
