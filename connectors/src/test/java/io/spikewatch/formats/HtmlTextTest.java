package io.spikewatch.formats;

import static io.spikewatch.formats.HtmlText.toPlainText;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsBecomeBlankLinesAndBreaksNewLines() {
        assertThat(toPlainText("<p>one</p><p>two<br>three<br/><br />four</p>")).isEqualTo("one\n\ntwo\nthree\n\nfour");
    }

    @Test
    void sourceWhitespaceCollapsesAsInABrowser() {
        assertThat(toPlainText("  <p>a\n   b\t c </p>\n\n <p> d</p> ")).isEqualTo("a b c\n\nd");
    }

    @Test
    void decodesNamedDecimalAndHexReferencesAndLeavesUnknownOnesAlone() {
        assertThat(toPlainText("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#x27; &#128165; &bogus; &#xZZ; AT&T"))
                .isEqualTo("<b> & \"q\" 's' \uD83D\uDCA5 &bogus; &#xZZ; AT&T");
        assertThat(toPlainText("&#0; &#xD800; &#99999999;")).isEqualTo("\uFFFD \uFFFD \uFFFD");
    }

    @Test
    void dropsScriptStyleAndCommentsWithTheirContent() {
        assertThat(toPlainText("a<script>alert('x<p>')</script>b<style>p{}</style>c<!-- <p>hidden</p> -->d"))
                .isEqualTo("abcd");
        assertThat(toPlainText("a<SCRIPT type=x>never closed")).isEqualTo("a");
    }

    @Test
    void anEscapedTagIsTextNotMarkup() {
        assertThat(toPlainText("&lt;script&gt;alert(1)&lt;/script&gt;")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void aLessThanSignThatStartsNoTagIsKept() {
        assertThat(toPlainText("1 < 2 and 3<4 <")).isEqualTo("1 < 2 and 3<4 <");
    }

    @Test
    void attributesWithAngleBracketsInsideQuotesDoNotLeakText() {
        assertThat(toPlainText("<a href=\"x\" title=\"a > b\" data-x='<p>'>link</a> text")).isEqualTo("link text");
    }

    @Test
    void nullStaysNull() {
        assertThat(toPlainText(null)).isNull();
        assertThat(toPlainText("")).isEmpty();
    }
}
