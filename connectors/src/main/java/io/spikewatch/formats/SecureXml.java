package io.spikewatch.formats;

import io.spikewatch.schema.RejectedRecordException;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML with the JDK's DOM parser, refusing any document type declaration: no
 * external entity, external DTD, parameter entity or XInclude is ever read or fetched, and no
 * internal entity can be expanded (which also rules out "billion laughs"). A feed has no need for
 * a DTD, so refusing them costs nothing and closes XXE entirely rather than configuring around it.
 */
final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private static final ErrorHandler FAIL_FAST = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {}

    /**
     * A namespace-aware factory with every external access and DOCTYPE switched off. It is the
     * JDK's own parser, whatever else is on the class path: CoreNLP brings Xerces, which
     * {@code newInstance()} would pick and which refuses the JAXP 1.5 access properties.
     */
    static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK's XML parser refuses a security setting: " + e.getMessage(), e);
        }
        return factory;
    }

    /** The parsed document, or a rejection naming the line and column of the problem. */
    static Document parse(String text) throws RejectedRecordException {
        if (text == null || text.isBlank()) {
            throw new RejectedRecordException("empty record", null);
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_FAST);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new RejectedRecordException(
                        "XML with a DOCTYPE declaration is refused: DTDs and entities are never read from a feed" + where,
                        null);
            }
            throw new RejectedRecordException("malformed XML" + where + ": " + e.getMessage(), null);
        } catch (SAXException e) {
            throw new RejectedRecordException("malformed XML: " + e.getMessage(), null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RejectedRecordException("unreadable XML: " + e.getMessage(), null);
        }
    }
}
