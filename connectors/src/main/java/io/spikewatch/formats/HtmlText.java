package io.spikewatch.formats;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML of a status or a feed entry into plain text: tags are dropped (with the contents
 * of {@code script} and {@code style}, and comments), character references are decoded, source
 * whitespace collapses as a browser would, {@code <br>} becomes a line break and block elements
 * ({@code p}, {@code div}, {@code li}, headings, ...) separate paragraphs with a blank line.
 *
 * <p>The result is text, never markup: a decoded {@code &lt;script&gt;} stays the characters
 * {@code <script>} and must be shown as text by whoever displays it.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "blockquote", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "tr", "section", "article", "header", "footer", "hr");
    private static final Set<String> SKIPPED_CONTENT = Set.of("script", "style", "template");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
            Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"), Map.entry("trade", "\u2122"),
            Map.entry("eacute", "\u00E9"), Map.entry("euro", "\u20AC"));
    private static final char BREAK = '\n';
    /** Marks a paragraph boundary until the end, where runs of them become one blank line. */
    private static final char PARAGRAPH = '\u0000';

    private HtmlText() {}

    /** The plain text of an HTML fragment; null stays null. */
    public static String toPlainText(String html) {
        if (html == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                int end = tagEnd(html, i + 1);
                if (end < 0 || !looksLikeTag(html, i + 1)) {
                    appendText(out, "<");
                    i++;
                    continue;
                }
                String name = tagName(html, i + 1, end);
                boolean closing = html.charAt(i + 1) == '/';
                i = end + 1;
                if (!closing && SKIPPED_CONTENT.contains(name)) {
                    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                    int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
                    i = closeEnd < 0 ? n : closeEnd + 1;
                } else if (name.equals("br") && !closing) {
                    out.append(BREAK);
                } else if (BLOCKS.contains(name)) {
                    out.append(PARAGRAPH);
                }
                continue;
            }
            int next = html.indexOf('<', i);
            int stop = next < 0 ? n : next;
            appendText(out, decode(html.substring(i, stop)));
            i = stop;
        }
        return tidy(out);
    }

    /** The index of the {@code >} closing a tag, skipping quoted attribute values; -1 if none. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static boolean looksLikeTag(String html, int at) {
        if (at >= html.length()) {
            return false;
        }
        char c = html.charAt(at);
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    private static String tagName(String html, int from, int end) {
        int i = from;
        if (i < end && (html.charAt(i) == '/' || html.charAt(i) == '!' || html.charAt(i) == '?')) {
            i++;
        }
        int start = i;
        while (i < end && (Character.isLetterOrDigit(html.charAt(i)) || html.charAt(i) == '-' || html.charAt(i) == ':')) {
            i++;
        }
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** Appends text with source whitespace collapsed to single spaces (decoded entities kept). */
    private static void appendText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    /** Decodes named, decimal and hexadecimal character references; unknown ones stay as written. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i + 1) : -1;
            if (semi > i + 1 && semi - i <= 12) {
                String ref = text.substring(i + 1, semi);
                String decoded = decodeReference(ref);
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String decodeReference(String ref) {
        if (ref.startsWith("#")) {
            try {
                int codePoint = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                        ? Integer.parseInt(ref.substring(2), 16)
                        : Integer.parseInt(ref.substring(1));
                if (codePoint <= 0 || codePoint > Character.MAX_CODE_POINT
                        || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    return "\uFFFD";
                }
                return new String(Character.toChars(codePoint));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(ref);
    }

    /** Trims spaces around breaks, turns paragraph marks into one blank line, trims the ends. */
    private static String tidy(StringBuilder raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int pendingBreaks = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == PARAGRAPH) {
                pendingBreaks = Math.max(pendingBreaks, 2);
                pendingSpace = false;
            } else if (c == BREAK) {
                pendingBreaks = pendingBreaks >= 2 ? pendingBreaks : pendingBreaks + 1;
                pendingSpace = false;
            } else if (c == ' ') {
                pendingSpace = pendingBreaks == 0;
            } else {
                if (out.length() > 0) {
                    if (pendingBreaks > 0) {
                        out.append("\n".repeat(pendingBreaks));
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                }
                pendingBreaks = 0;
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
