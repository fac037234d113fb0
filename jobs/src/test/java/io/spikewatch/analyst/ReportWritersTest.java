package io.spikewatch.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant T = Instant.parse("2024-08-13T00:18:00Z");

    private static ResultTable voices() {
        return ResultTable.of("Share of voice", Column.text("entity"), Column.integer("posts"), Column.percent("share"),
                Column.score("sentiment"), Column.time("first"))
                .add("Elon Musk", 1157L, 0.2061, -0.2712, T)
                .add("X, \"the platform\"", 12_345L, 0.7939, null, T.plusSeconds(5));
    }

    private static String write(ReportWriter writer, Report report) {
        StringWriter text = new StringWriter();
        writer.write(report, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void tableAlignsColumnsAndRightAlignsNumbers() {
        String text = write(new TableWriter(NEW_YORK), Report.of("Two entities:", voices()));

        assertThat(text.split("\n")).containsExactly(
                "Two entities:",
                "  entity              posts  share  sentiment  first",
                "  Elon Musk           1,157  20.6%      -0.27  2024-08-12 20:18:00",
                "  X, \"the platform\"  12,345  79.4%          -  2024-08-12 20:18:05");
    }

    @Test
    void tableShowsMinutesWhenAColumnHasNoSecondsAndCutsLongText() {
        String longText = "word ".repeat(40);
        ResultTable table = ResultTable.of("Posts", Column.time("at"), Column.text("text")).add(T, longText);

        String text = write(new TableWriter(ZoneOffset.UTC), Report.of(null, table));

        assertThat(text).contains("2024-08-13 00:18  word word").doesNotContain("00:18:00");
        String row = text.split("\n")[1];
        assertThat(row.strip()).endsWith("…");
        assertThat(row.length()).isLessThan(2 + 16 + 2 + TableWriter.MAX_TEXT_WIDTH + 2);
    }

    @Test
    void aRecordPrintsAsNameValueLinesAndSeveralSectionsAreTitled() {
        ResultTable spike = ResultTable.record("Spike", Column.text("id"), Column.integer("severity")).add("all|volume|x", 87);
        ResultTable empty = ResultTable.of("Terms", Column.text("term"));

        String text = write(new TableWriter(ZoneOffset.UTC), Report.of(null, spike, empty));

        assertThat(text.split("\n")).containsExactly("Spike:", "  id        all|volume|x", "  severity  87", "", "Terms:", "  (none)");
    }

    @Test
    void csvQuotesPerRfc4180AndWritesRawValues() {
        String text = write(new CsvWriter(NEW_YORK), Report.of("not in CSV", voices()));

        assertThat(text).isEqualTo("entity,posts,share,sentiment,first\r\n"
                + "Elon Musk,1157,0.2061,-0.2712,2024-08-12T20:18:00-04:00\r\n"
                + "\"X, \"\"the platform\"\"\",12345,0.7939,,2024-08-12T20:18:05-04:00\r\n");
    }

    @Test
    void csvQuotesLineBreaksAndRefusesSeveralTables() {
        assertThat(CsvWriter.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.quote("plain")).isEqualTo("plain");
        Report two = Report.of(null, voices(), ResultTable.of("Terms", Column.text("term")));

        assertThatThrownBy(() -> write(new CsvWriter(NEW_YORK), two))
                .hasMessageContaining("CSV holds one table").hasMessageContaining("Terms");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithTypedValues() throws Exception {
        JsonNode json = Json.MAPPER.readTree(write(new JsonWriter(ZoneOffset.UTC), Report.of(null, voices())));

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("posts").isIntegralNumber()).isTrue();
        assertThat(json.get(0).get("posts").asLong()).isEqualTo(1157);
        assertThat(json.get(0).get("share").asDouble()).isEqualTo(0.2061);
        assertThat(json.get(1).get("sentiment").isNull()).isTrue();
        assertThat(json.get(1).get("first").asText()).isEqualTo("2024-08-13T00:18:05Z");
    }

    @Test
    void jsonOfSeveralSectionsIsKeyedBySectionAndARecordIsAnObject() throws Exception {
        ResultTable spike = ResultTable.record("Spike", Column.integer("severity")).add(87);
        Report report = Report.of(null, spike, voices());

        JsonNode json = Json.MAPPER.readTree(write(new JsonWriter(ZoneOffset.UTC), report));

        assertThat(json.get("spike").get("severity").asInt()).isEqualTo(87);
        assertThat(json.get("share_of_voice")).hasSize(2);
    }

    @Test
    void aTableRefusesCellsThatDoNotFitAndASectionIsFoundByItsKey() {
        assertThatThrownBy(() -> ResultTable.of("T", Column.integer("n")).add("seven"))
                .hasMessageContaining("column 'n'").hasMessageContaining("seven");
        assertThatThrownBy(() -> ResultTable.of("T", Column.integer("n")).add(1L, 2L)).hasMessageContaining("1 columns");
        Report report = Report.of(null, voices(), ResultTable.of("Top posts", Column.text("id")));
        assertThat(report.only("--section", "TOP-POSTS").sections()).singleElement()
                .satisfies(t -> assertThat(t.title()).isEqualTo("Top posts"));
        assertThatThrownBy(() -> report.only("--section", "posts"))
                .hasMessageContaining("--section").hasMessageContaining("'posts'").hasMessageContaining("top_posts");
    }

    @Test
    void formatsAreParsedInAnyCaseAndAWrongOneIsNamed() {
        assertThat(OutputFormat.parse("--format", "CSV")).isEqualTo(OutputFormat.CSV);
        assertThatThrownBy(() -> OutputFormat.parse("--format", "xml"))
                .hasMessageContaining("--format").hasMessageContaining("'xml'").hasMessageContaining("table");
    }
}
