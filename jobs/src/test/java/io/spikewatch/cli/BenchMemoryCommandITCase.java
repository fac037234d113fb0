package io.spikewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikewatch.index.IndexNames;
import io.spikewatch.testing.LocalElasticsearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench memory} end to end on a small stream: the real job (embedded Flink, CoreNLP, the
 * default alert rules, the tests' Elasticsearch) with the heap of this JVM sampled. Checks that
 * the table and the summary are printed with numbers that hang together, never the verdict (how
 * the heap moves in a minute on a shared machine proves nothing either way).
 */
class BenchMemoryCommandITCase {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final int POSTS = 2_000;
    private static final Pattern ROW = Pattern.compile(
            "(?m)^\\s+(\\d+):(\\d{2})\\s+([\\d,]+)\\s+([\\d.]*)\\s+(\\d+)\\s+(\\d+|n/a)\\s+(\\d+|n/a)\\s+([\\d,]+|off)\\s+(\\d+)$");

    private final LocalElasticsearch elasticsearch = LocalElasticsearch.get();

    @TempDir
    Path dir;

    private record Row(int seconds, long posts, long usedMib, long afterGcMib, long cacheEntries) {}

    @Test
    void printsARowPerSampleAndASummaryWhoseNumbersHangTogether() throws Exception {
        IndexNames indices = elasticsearch.uniqueNames();
        CommandRun run = CommandRun.of("bench", "memory", "--es-url", elasticsearch.url(), "--index-prefix", indices.prefix(),
                "--posts", "" + POSTS, "--interval", "PT2S", "--work-dir", dir.toString(),
                "--alert-rules", PROJECT.resolve("config/alert-rules.yaml").toString());

        assertThat(run.exitCode()).as(run.errors()).isZero();
        String out = run.output();
        long maxHeapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        assertThat(out).contains("JVM max heap " + maxHeapMib + " MiB");

        List<Row> rows = rows(out);
        assertThat(rows).as(out).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).seconds()).isGreaterThanOrEqualTo(rows.get(i - 1).seconds());
            assertThat(rows.get(i).posts()).as("posts indexed only grow").isGreaterThanOrEqualTo(rows.get(i - 1).posts());
        }
        long indexed = elasticsearch.client().count(c -> c.index(indices.posts())).count();
        assertThat(indexed).isBetween((long) POSTS / 2, (long) POSTS * 2);
        Row last = rows.get(rows.size() - 1);
        assertThat(last.posts()).as("the last row is taken after the job ended").isEqualTo(indexed);
        assertThat(last.cacheEntries()).isPositive().isLessThanOrEqualTo(indexed);
        List<Long> afterGc = rows.stream().map(Row::afterGcMib).filter(mib -> mib >= 0).toList();
        assertThat(afterGc).as("a collection ran during the job").isNotEmpty();
        assertThat(afterGc).allSatisfy(mib -> assertThat(mib).as("the models alone take hundreds of MiB").isBetween(200L, maxHeapMib));
        assertThat(rows).allSatisfy(row -> assertThat(row.usedMib()).isPositive().isLessThanOrEqualTo(maxHeapMib));

        assertThat(number(out, "max heap \\(-Xmx\\)")).isEqualTo(maxHeapMib);
        long peak = number(out, "peak heap after GC");
        assertThat(peak).isEqualTo(afterGc.stream().mapToLong(Long::longValue).max().orElseThrow());
        long first = number(out, "median heap after GC, first third");
        long lastThird = number(out, "median heap after GC, last third");
        assertThat(first).isBetween(200L, peak);
        assertThat(lastThird).isBetween(200L, peak);
        assertThat(out).containsPattern("growth \\(least squares\\):\\s+-?\\d+\\.\\d MiB per 100k posts")
                .containsPattern("verdict:\\s+(flat: |grows |no verdict: )")
                .contains(String.format(java.util.Locale.ROOT, "Summary: %,d posts indexed", indexed));
    }

    private static List<Row> rows(String out) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            rows.add(new Row(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)), Long.parseLong(m.group(3).replace(",", "")),
                    Long.parseLong(m.group(5)), m.group(6).equals("n/a") ? -1 : Long.parseLong(m.group(6)),
                    m.group(8).equals("off") ? -1 : Long.parseLong(m.group(8).replace(",", ""))));
        }
        return rows;
    }

    private static long number(String out, String label) {
        Matcher m = Pattern.compile(label + ":\\s+(\\d+) MiB").matcher(out);
        assertThat(m.find()).as(label + " in\n" + out).isTrue();
        return Long.parseLong(m.group(1));
    }
}
