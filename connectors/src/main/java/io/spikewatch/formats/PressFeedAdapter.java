package io.spikewatch.formats;

import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.RawRecord;
import io.spikewatch.schema.RejectedRecordException;
import io.spikewatch.schema.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Maps a campaign's press feed, RSS 2.0 or Atom 1.0, to statements, one per item or entry.
 *
 * <p>RSS follows the RSS 2.0 specification ({@code channel/title}; per {@code item}:
 * {@code title}, {@code link}, {@code description}, {@code pubDate} in RFC 822, {@code guid},
 * {@code author}) with the two common extensions {@code content:encoded} (RSS content module) and
 * {@code dc:creator} (Dublin Core). Atom follows RFC 4287 ({@code feed/title}; per {@code entry}:
 * {@code id}, {@code title}, {@code link rel="alternate"}, {@code published}, {@code updated},
 * {@code content}, {@code summary}, {@code author/name}; text constructs of type {@code text},
 * {@code html} and {@code xhtml}).
 *
 * <ul>
 *   <li>The id is the item's {@code guid} (else its {@code link}) or the entry's {@code id},
 *       unchanged, so a feed read twice gives the same ids.
 *   <li>The time is {@code pubDate}, or {@code published} (else {@code updated}) for Atom.
 *   <li>The text is the full content ({@code content:encoded}, Atom {@code content}) or else the
 *       summary ({@code description}, {@code summary}), as plain text ({@link HtmlText}).
 *   <li>The organization is the name given to the constructor, else the feed's title. The speaker
 *       is the item's own author ({@code dc:creator}, the name in an RSS {@code author} such as
 *       {@code press@example.org (Jane Doe)}, Atom {@code author/name}); the feed's author is the
 *       organization, not a speaker, so it is not used.
 *   <li>The XML is parsed by {@link SecureXml}: a document with a DOCTYPE is rejected, so no
 *       external entity or DTD is ever read.
 *   <li>One item that cannot be mapped (no id, no time, no text, an unreadable date) rejects the
 *       whole feed, naming the item by its XPath ({@code /rss/channel/item[3]/pubDate}), so the
 *       dead letter keeps the feed as it came.
 * </ul>
 */
public final class PressFeedAdapter implements FormatAdapter {

    public static final String NAME = "press-feed";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String RSS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    private final String organization;

    /** Statements attributed to the feed's own title. */
    public PressFeedAdapter() {
        this.organization = null;
    }

    /**
     * Statements attributed to {@code organization} whatever the feed calls itself.
     *
     * @throws IllegalArgumentException when the name is null or blank
     */
    public PressFeedAdapter(String organization) {
        if (organization == null || organization.isBlank()) {
            throw new IllegalArgumentException("the press feed's organization must be a non-blank name, got '"
                    + organization + "'; use the no-argument constructor to take the feed's title");
        }
        this.organization = organization.strip();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A feed is one XML document over many lines. */
    @Override
    public boolean oneRecordPerLine() {
        return false;
    }

    @Override
    public List<InputDocument> map(RawRecord raw) throws RejectedRecordException {
        Document document = SecureXml.parse(raw.text());
        Element root = document.getDocumentElement();
        if (root.getNamespaceURI() == null && "rss".equals(root.getLocalName())) {
            return rss(root);
        }
        if (ATOM.equals(root.getNamespaceURI()) && "feed".equals(root.getLocalName())) {
            return atom(root);
        }
        throw new RejectedRecordException("not an RSS 2.0 or Atom 1.0 feed: the root element is <"
                + root.getTagName() + ">" + (root.getNamespaceURI() == null ? "" : " in namespace " + root.getNamespaceURI())
                + " (expected <rss> or <feed xmlns=\"" + ATOM + "\">)", null);
    }

    private List<InputDocument> rss(Element rss) throws RejectedRecordException {
        Element channel = child(rss, null, "channel");
        if (channel == null) {
            throw new RejectedRecordException("missing required element '/rss/channel'", null);
        }
        String organizationName = organization != null ? organization : text(child(channel, null, "title"));
        List<InputDocument> statements = new ArrayList<>();
        List<Element> items = children(channel, null, "item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String path = "/rss/channel/item[" + (i + 1) + "]";
            String id = firstNonBlank(text(child(item, null, "guid")), text(child(item, null, "link")));
            if (id == null) {
                throw new RejectedRecordException("missing '" + path + "/guid' and '" + path + "/link' (one identifies the item)", null);
            }
            String pubDate = text(child(item, null, "pubDate"));
            if (pubDate == null) {
                throw new RejectedRecordException("missing required element '" + path + "/pubDate'", id);
            }
            Instant published = FeedDates.rfc822(pubDate).orElseThrow(() -> new RejectedRecordException(
                    "unparsable date in '" + path + "/pubDate': '" + pubDate
                            + "' (expected RFC 822, such as Mon, 12 Aug 2024 21:50:00 -0400)", id));
            String body = firstNonBlank(
                    HtmlText.toPlainText(text(child(item, RSS_CONTENT, "encoded"))),
                    HtmlText.toPlainText(text(child(item, null, "description"))));
            if (body == null) {
                throw new RejectedRecordException(
                        "missing '" + path + "/description' and '" + path + "/content:encoded' (the statement's text)", id);
            }
            String speaker = firstNonBlank(text(child(item, DUBLIN_CORE, "creator")), rssAuthorName(text(child(item, null, "author"))));
            statements.add(new Statement(
                    id, organizationName, speaker, HtmlText.toPlainText(text(child(item, null, "title"))),
                    body, published, text(child(item, null, "link"))));
        }
        return statements;
    }

    private List<InputDocument> atom(Element feed) throws RejectedRecordException {
        String organizationName = organization != null ? organization : textConstruct(child(feed, ATOM, "title"));
        List<InputDocument> statements = new ArrayList<>();
        List<Element> entries = children(feed, ATOM, "entry");
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            String path = "/feed/entry[" + (i + 1) + "]";
            String id = text(child(entry, ATOM, "id"));
            if (id == null) {
                throw new RejectedRecordException("missing required element '" + path + "/id'", null);
            }
            String field = child(entry, ATOM, "published") != null ? "published" : "updated";
            String date = text(child(entry, ATOM, field));
            if (date == null) {
                throw new RejectedRecordException("missing '" + path + "/published' and '" + path + "/updated'", id);
            }
            Instant published = FeedDates.rfc3339(date).orElseThrow(() -> new RejectedRecordException(
                    "unparsable date in '" + path + "/" + field + "': '" + date
                            + "' (expected RFC 3339, such as 2024-08-12T21:50:00-04:00)", id));
            Element content = child(entry, ATOM, "content");
            String body = firstNonBlank(
                    content != null && !content.hasAttribute("src") ? textConstruct(content) : null,
                    textConstruct(child(entry, ATOM, "summary")));
            if (body == null) {
                throw new RejectedRecordException(
                        "missing '" + path + "/content' and '" + path + "/summary' (the statement's text)", id);
            }
            Element author = child(entry, ATOM, "author");
            statements.add(new Statement(
                    id, organizationName, author == null ? null : text(child(author, ATOM, "name")),
                    textConstruct(child(entry, ATOM, "title")), body, published, alternateLink(entry)));
        }
        return statements;
    }

    /** RFC 4287 3.1: {@code text} is plain, {@code html} escaped markup, {@code xhtml} a div of markup. */
    private static String textConstruct(Element element) {
        if (element == null) {
            return null;
        }
        String type = element.getAttribute("type");
        String value;
        if ("xhtml".equals(type)) {
            StringBuilder markup = new StringBuilder();
            XhtmlMarkup.append(element, markup);
            value = HtmlText.toPlainText(markup.toString());
        } else if ("html".equals(type)) {
            value = HtmlText.toPlainText(element.getTextContent());
        } else {
            value = element.getTextContent().strip();
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String alternateLink(Element entry) {
        String first = null;
        for (Element link : children(entry, ATOM, "link")) {
            String href = link.getAttribute("href").strip();
            String rel = link.getAttribute("rel");
            if (!href.isEmpty() && (rel.isEmpty() || "alternate".equals(rel))) {
                return href;
            }
            if (first == null && !href.isEmpty()) {
                first = href;
            }
        }
        return first;
    }

    /** The name in {@code press@example.org (Jane Doe)}, else the whole value. */
    static String rssAuthorName(String author) {
        if (author == null) {
            return null;
        }
        int open = author.indexOf('(');
        int close = author.lastIndexOf(')');
        if (open >= 0 && close > open + 1) {
            return author.substring(open + 1, close).strip();
        }
        return author;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (matches(node, namespace, localName)) {
                return (Element) node;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (matches(node, namespace, localName)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static boolean matches(Node node, String namespace, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE
                && localName.equals(node.getLocalName())
                && java.util.Objects.equals(namespace, node.getNamespaceURI());
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String value = element.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
