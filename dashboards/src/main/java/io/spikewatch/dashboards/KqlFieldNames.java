package io.spikewatch.dashboards;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The field names a KQL (or Lucene query-string) query names: every word directly followed by
 * {@code :}, {@code <}, {@code >}, {@code <=} or {@code >=}, outside quoted strings. For KQL's
 * nested form {@code parent:{ child: value }} it returns {@code parent} and {@code parent.child}.
 *
 * <p>Deliberately simple: it does not validate the query, only finds the names, which is what
 * checking them against the index templates needs. A bare word without a field searches the
 * default fields and names none.
 */
public final class KqlFieldNames {

    private KqlFieldNames() {}

    public static List<String> of(String query) {
        List<String> fields = new ArrayList<>();
        Deque<String> nestedPrefixes = new ArrayDeque<>();
        Deque<Integer> prefixDepths = new ArrayDeque<>();
        int depth = 0;
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '"') {
                i = skipQuoted(query, i);
                continue;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '{') {
                depth++;
                i++;
                continue;
            }
            if (c == '}') {
                if (!prefixDepths.isEmpty() && prefixDepths.peek() == depth) {
                    prefixDepths.pop();
                    nestedPrefixes.pop();
                }
                depth--;
                i++;
                continue;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isWordChar(query.charAt(i)) || query.charAt(i) == '\\')) {
                i += query.charAt(i) == '\\' ? 2 : 1;
            }
            String word = query.substring(start, Math.min(i, n)).replace("\\", "");
            int j = skipSpaces(query, i);
            if (j < n && isFieldOperator(query.charAt(j))) {
                String prefix = nestedPrefixes.isEmpty() ? "" : nestedPrefixes.peek() + ".";
                String field = prefix + word;
                fields.add(field);
                int k = skipSpaces(query, j + 1);
                if (query.charAt(j) == ':' && k < n && query.charAt(k) == '{') {
                    nestedPrefixes.push(field);
                    prefixDepths.push(depth + 1);
                }
                i = j + 1;
            }
        }
        return fields;
    }

    private static boolean isFieldOperator(char c) {
        return c == ':' || c == '<' || c == '>';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@' || c == '*' || c == '-';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipQuoted(String s, int openQuote) {
        int i = openQuote + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
