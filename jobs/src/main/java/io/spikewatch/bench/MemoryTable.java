package io.spikewatch.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * The memory benchmark's printout: a header, one row per sample as it is taken, and the summary
 * of a {@link MemoryTrend}. Labels are constants so a reader (or a test) can find the numbers.
 */
public final class MemoryTable {

    public static final String PEAK = "peak heap after GC";
    public static final String FIRST_THIRD = "median heap after GC, first third";
    public static final String LAST_THIRD = "median heap after GC, last third";
    public static final String SLOPE = "growth (least squares)";
    public static final String MAX_HEAP = "max heap (-Xmx)";
    public static final String VERDICT = "verdict";
    private static final double MIB = 1024.0 * 1024.0;
    private static final String ROW = "%8s %9s %9s %11s %14s %11s %9s %7s%n";

    private MemoryTable() {}

    public static String header() {
        return String.format(Locale.ROOT, ROW, "time", "posts", "posts/s", "heap used", "heap after GC", "live heap", "cache", "GCs")
                + String.format(Locale.ROOT, ROW, "m:ss", "indexed", "", "MiB", "MiB (lowest)", "MiB (full GC)", "entries", "");
    }

    /** One sample; posts/s is over the interval since {@code previous} (null for the first row). */
    public static String row(HeapSample sample, HeapSample previous) {
        String rate = "";
        if (previous != null && sample.elapsed().compareTo(previous.elapsed()) > 0) {
            double seconds = sample.elapsed().minus(previous.elapsed()).toMillis() / 1000.0;
            rate = String.format(Locale.ROOT, "%.1f", (sample.posts() - previous.posts()) / seconds);
        }
        return String.format(Locale.ROOT, ROW, clock(sample.elapsed()), String.format(Locale.ROOT, "%,d", sample.posts()), rate,
                MemoryTrend.mib(sample.usedBytes()), MemoryTrend.mib(sample.afterGcBytes()), MemoryTrend.mib(sample.liveBytes()),
                sample.cacheEntries() == HeapSample.UNKNOWN ? "off" : String.format(Locale.ROOT, "%,d", sample.cacheEntries()),
                sample.collections());
    }

    /** The summary lines: peak, the two medians, the slope, -Xmx and the verdict. */
    public static String summary(MemoryTrend trend, long toleranceBytes, Duration took, String collectors) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Summary: %,d posts indexed in %dm %02ds; %d samples with a heap after GC; collectors: %s%n",
                trend.posts(), took.toMinutes(), took.toSecondsPart(), trend.samples(), collectors));
        text.append(line(MAX_HEAP, String.format(Locale.ROOT, "%.0f MiB", trend.maxHeapBytes() / MIB)));
        text.append(line(PEAK, MemoryTrend.mib(trend.peakAfterGcBytes()) + " MiB"));
        text.append(line(FIRST_THIRD, MemoryTrend.mib(trend.firstThirdMedianBytes()) + " MiB"));
        text.append(line(LAST_THIRD, MemoryTrend.mib(trend.lastThirdMedianBytes()) + " MiB"));
        text.append(line(SLOPE, trend.slopeText() + " MiB per 100k posts"));
        text.append(line(VERDICT, trend.verdict(toleranceBytes)));
        return text.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %-36s %s%n", label + ":", value);
    }

    static String clock(Duration elapsed) {
        return String.format(Locale.ROOT, "%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }
}
