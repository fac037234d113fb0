package io.spikewatch.formats;

import org.w3c.dom.Node;

/**
 * Writes the children of an Atom {@code xhtml} text construct back as markup, so that
 * {@link HtmlText} can keep its paragraphs and line breaks; only element names and escaped text
 * are written (attributes carry no text worth keeping).
 */
final class XhtmlMarkup {

    private XhtmlMarkup() {}

    static void append(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            switch (node.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    String name = node.getLocalName();
                    out.append('<').append(name).append('>');
                    append(node, out);
                    out.append("</").append(name).append('>');
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.append(escape(node.getNodeValue()));
                default -> {
                    // comments and processing instructions hold no text of the entry
                }
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
