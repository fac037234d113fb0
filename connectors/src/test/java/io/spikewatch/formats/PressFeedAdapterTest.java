package io.spikewatch.formats;

import static io.spikewatch.formats.Payloads.inline;
import static io.spikewatch.formats.Payloads.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikewatch.schema.InputDocument;
import io.spikewatch.schema.RejectedRecordException;
import io.spikewatch.schema.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressFeedAdapterTest {

    private final PressFeedAdapter adapter = new PressFeedAdapter();

    @Test
    void mapsEveryRssItemToAStatement() throws Exception {
        List<InputDocument> docs = adapter.map(record("press-feed-rss.xml"));

        assertThat(docs).hasSize(3).allMatch(Statement.class::isInstance);
        Statement first = (Statement) docs.get(0);
        assertThat(first.id()).isEqualTo("campaign-example-2024-08-12-01");
        assertThat(first.organization()).isEqualTo("Example Campaign Press Office");
        assertThat(first.speaker()).isEqualTo("Jordan Example");
        assertThat(first.title()).isEqualTo("Statement on tonight's X Space");
        assertThat(first.text())
                .as("content:encoded is preferred to description, as plain text")
                .isEqualTo("The technical difficulties tonight speak for themselves.\n\n"
                        + "Voters deserve a campaign that can \"keep the lights on\".\nWe will.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-08-13T01:50:00Z"));
        assertThat(first.url()).isEqualTo("https://campaign.example/press/2024-08-12-x-space");
    }

    @Test
    void readsRfc822ZoneNamesAuthorNamesAndEscapedHtmlDescriptions() throws Exception {
        List<InputDocument> docs = adapter.map(record("press-feed-rss.xml"));

        Statement second = (Statement) docs.get(1);
        assertThat(second.id()).as("the link when there is no guid").isEqualTo("https://campaign.example/press/2024-08-12-schedule");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2024-08-12T21:32:00Z"));
        assertThat(second.speaker()).isEqualTo("Casey Example");
        assertThat(second.text()).isEqualTo("The rally moves to 8 pm & doors open at 6.");

        Statement third = (Statement) docs.get(2);
        assertThat(third.publishedAt()).isEqualTo(Instant.parse("2024-08-12T12:00:00Z"));
        assertThat(third.speaker()).isNull();
        assertThat(third.url()).isNull();
    }

    @Test
    void mapsAtomEntriesWithTheirTextConstructs() throws Exception {
        List<InputDocument> docs = adapter.map(record("press-feed-atom.xml"));

        assertThat(docs).hasSize(3);
        Statement first = (Statement) docs.get(0);
        assertThat(first.id()).isEqualTo("tag:committee.example,2024-08-12:/news/ddos-response");
        assertThat(first.organization()).isEqualTo("Example Committee Newsroom");
        assertThat(first.speaker()).isEqualTo("Riley Example");
        assertThat(first.title()).isEqualTo("Response to the DDoS claim");
        assertThat(first.text()).isEqualTo("We take every outage seriously.\n\nLine one\nline two");
        assertThat(first.publishedAt()).as("published, not updated").isEqualTo(Instant.parse("2024-08-13T02:05:00Z"));
        assertThat(first.url()).isEqualTo("https://committee.example/news/ddos-response");

        Statement second = (Statement) docs.get(1);
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2024-08-13T01:00:00Z"));
        assertThat(second.text()).as("type text is not markup").isEqualTo("Plain text body <not a tag>.");
        assertThat(second.url()).isEqualTo("https://committee.example/news/updated-only");
        assertThat(second.speaker()).as("the feed's author is the organization, not a speaker").isNull();

        Statement third = (Statement) docs.get(2);
        assertThat(third.text()).as("out-of-line content falls back to the summary").isEqualTo("See the attached letter.");
        assertThat(third.url()).isNull();
    }

    @Test
    void aConfiguredOrganizationOverridesTheFeedTitle() throws Exception {
        List<InputDocument> docs = new PressFeedAdapter("Harris-Walz campaign").map(record("press-feed-atom.xml"));

        assertThat(docs).allSatisfy(doc -> assertThat(((Statement) doc).organization()).isEqualTo("Harris-Walz campaign"));
        assertThatThrownBy(() -> new PressFeedAdapter(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organization must be a non-blank name");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String hostile = Payloads.text("press-feed-xxe.xml").replace("file:///etc/hostname", secret.toUri().toString());

        assertThatThrownBy(() -> adapter.map(inline(hostile)))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("DOCTYPE declaration is refused")
                .hasMessageNotContaining("TOP-SECRET-VALUE");
        assertThatThrownBy(() -> adapter.map(record("press-feed-xxe.xml")))
                .hasMessageContaining("DOCTYPE declaration is refused");
    }

    @Test
    void refusesInternalEntityExpansion() {
        assertThatThrownBy(() -> adapter.map(record("press-feed-entity-expansion.xml")))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining("DOCTYPE declaration is refused");
    }

    @Test
    void theParserFactoryHasEveryExternalAccessSwitchedOff() throws Exception {
        var factory = SecureXml.factory();

        assertThat(factory.getFeature("http://apache.org/xml/features/disallow-doctype-decl")).isTrue();
        assertThat(factory.getFeature("http://xml.org/sax/features/external-general-entities")).isFalse();
        assertThat(factory.getFeature("http://xml.org/sax/features/external-parameter-entities")).isFalse();
        assertThat(factory.getFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING)).isTrue();
        assertThat(factory.isXIncludeAware()).isFalse();
        assertThat(factory.isExpandEntityReferences()).isFalse();
    }

    @Test
    void rejectsNamingTheElement() {
        String rss = "<rss version=\"2.0\"><channel><title>t</title>%s</channel></rss>";
        assertRejected("", "empty record", null);
        assertRejected("<rss><channel>", "malformed XML (line 1", null);
        assertRejected("{\"json\":true}", "malformed XML", null);
        assertRejected("<html><body/></html>", "not an RSS 2.0 or Atom 1.0 feed: the root element is <html>", null);
        assertRejected("<feed><title>no namespace</title></feed>", "not an RSS 2.0 or Atom 1.0 feed", null);
        assertRejected("<rss version=\"2.0\"/>", "missing required element '/rss/channel'", null);
        assertRejected(rss.formatted("<item><guid>g1</guid><pubDate>Mon, 12 Aug 2024 21:50:00 -0400</pubDate><description>a</description></item>"
                        + "<item><title>no id</title></item>"),
                "missing '/rss/channel/item[2]/guid' and '/rss/channel/item[2]/link'", null);
        assertRejected(rss.formatted("<item><guid>g1</guid><description>a</description></item>"),
                "missing required element '/rss/channel/item[1]/pubDate'", "g1");
        assertRejected(rss.formatted("<item><guid>g1</guid><pubDate>2024-08-12</pubDate><description>a</description></item>"),
                "unparsable date in '/rss/channel/item[1]/pubDate': '2024-08-12'", "g1");
        assertRejected(rss.formatted("<item><guid>g1</guid><pubDate>Mon, 12 Aug 2024 21:50:00 -0400</pubDate><title>only</title></item>"),
                "missing '/rss/channel/item[1]/description' and '/rss/channel/item[1]/content:encoded'", "g1");
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry>%s</entry></feed>";
        assertRejected(atom.formatted("<updated>2024-08-13T01:00:00Z</updated><content>a</content>"),
                "missing required element '/feed/entry[1]/id'", null);
        assertRejected(atom.formatted("<id>e1</id><content>a</content>"),
                "missing '/feed/entry[1]/published' and '/feed/entry[1]/updated'", "e1");
        assertRejected(atom.formatted("<id>e1</id><published>Mon, 12 Aug 2024 21:50:00 -0400</published><content>a</content>"),
                "unparsable date in '/feed/entry[1]/published'", "e1");
        assertRejected(atom.formatted("<id>e1</id><updated>2024-08-13T01:00:00Z</updated><content> </content>"),
                "missing '/feed/entry[1]/content' and '/feed/entry[1]/summary'", "e1");
    }

    @Test
    void anEmptyFeedHasNoStatements() throws Exception {
        assertThat(adapter.map(inline("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"))).isEmpty();
    }

    private void assertRejected(String xml, String reason, String recordId) {
        assertThatThrownBy(() -> adapter.map(inline(xml)))
                .isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((RejectedRecordException) e).recordId()).isEqualTo(recordId));
    }
}
