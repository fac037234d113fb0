package io.spikewatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a run's heap samples say about its memory: the peak heap after GC, the median after GC of
 * the first and of the last third of the samples (in time order), and the growth as the least-squares
 * slope of heap after GC against posts indexed, in MiB per 100,000 posts. "After GC" is each
 * sample's {@link HeapSample#retainedBytes()}: the live heap when the run forced a full collection
 * per sample, else the lowest heap a collection left. Only samples with such a value count.
 *
 * <p>The verdict compares the two medians rather than trusting the slope alone: the early part of a
 * run fills bounded structures (the annotation cache, term baselines, JIT code), which gives a
 * positive slope that stops, while a leak keeps the last third moving away from the first. It is
 * "flat" when the last third's median is at most {@code tolerance} above the first's.
 */
public record MemoryTrend(int samples, long posts, long maxHeapBytes, long peakAfterGcBytes, long firstThirdMedianBytes,
        long lastThirdMedianBytes, double mibPer100kPosts) {

    /** Samples with an after-GC value needed in each third before a verdict is given. */
    public static final int MIN_SAMPLES_PER_THIRD = 2;
    public static final long POSTS_PER_SLOPE_UNIT = 100_000;
    private static final double MIB = 1024.0 * 1024.0;

    /** @param maxHeapBytes the JVM's maximum heap ({@code -Xmx}, {@link Runtime#maxMemory()}) */
    public static MemoryTrend of(List<HeapSample> all, long maxHeapBytes) {
        Objects.requireNonNull(all, "samples");
        List<HeapSample> measured = all.stream().filter(HeapSample::hasRetained).toList();
        long posts = all.stream().mapToLong(HeapSample::posts).max().orElse(0);
        if (measured.isEmpty()) {
            return new MemoryTrend(0, posts, maxHeapBytes, HeapSample.UNKNOWN, HeapSample.UNKNOWN, HeapSample.UNKNOWN, Double.NaN);
        }
        int third = measured.size() / 3;
        long peak = measured.stream().mapToLong(HeapSample::retainedBytes).max().orElseThrow();
        long first = third == 0 ? HeapSample.UNKNOWN : median(measured.subList(0, third));
        long last = third == 0 ? HeapSample.UNKNOWN : median(measured.subList(measured.size() - third, measured.size()));
        return new MemoryTrend(measured.size(), posts, maxHeapBytes, peak, first, last, slopeMibPer100k(measured));
    }

    /** The last third's median minus the first's, in bytes (negative when the heap fell). */
    public long growthBytes() {
        return lastThirdMedianBytes - firstThirdMedianBytes;
    }

    /** Whether each third had enough samples for the comparison. */
    public boolean hasVerdict() {
        return samples / 3 >= MIN_SAMPLES_PER_THIRD;
    }

    /** Whether the last third's median is within {@code toleranceBytes} above the first's (false without a verdict). */
    public boolean isFlat(long toleranceBytes) {
        return hasVerdict() && growthBytes() <= toleranceBytes;
    }

    /** One line: flat within the tolerance, or how fast it grows; or why there is no verdict. */
    public String verdict(long toleranceBytes) {
        if (!hasVerdict()) {
            return String.format(Locale.ROOT, "no verdict: %d sample(s) with a heap after GC, %d needed (a longer run or a shorter"
                    + " --interval)", samples, 3 * MIN_SAMPLES_PER_THIRD);
        }
        if (isFlat(toleranceBytes)) {
            return String.format(Locale.ROOT, "flat: the last third's median heap after GC is %s MiB %s the first's (tolerance %.0f MiB)",
                    mib(Math.abs(growthBytes())), growthBytes() >= 0 ? "above" : "below", toleranceBytes / MIB);
        }
        return String.format(Locale.ROOT, "grows %s MiB per 100k posts: the last third's median heap after GC is %s MiB above the"
                + " first's (tolerance %.0f MiB)", slopeText(), mib(growthBytes()), toleranceBytes / MIB);
    }

    public String slopeText() {
        return Double.isNaN(mibPer100kPosts) ? "n/a" : String.format(Locale.ROOT, "%.1f", mibPer100kPosts);
    }

    static String mib(long bytes) {
        return bytes == HeapSample.UNKNOWN ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / MIB);
    }

    static long median(List<HeapSample> samples) {
        List<Long> values = new ArrayList<>(samples.stream().map(HeapSample::retainedBytes).sorted().toList());
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Least squares of heap after GC (MiB) on posts, scaled to 100k posts; NaN when the posts do not vary. */
    static double slopeMibPer100k(List<HeapSample> samples) {
        int n = samples.size();
        double meanX = 0;
        double meanY = 0;
        for (HeapSample s : samples) {
            meanX += s.posts();
            meanY += s.retainedBytes() / MIB;
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (HeapSample s : samples) {
            double dx = s.posts() - meanX;
            covariance += dx * (s.retainedBytes() / MIB - meanY);
            variance += dx * dx;
        }
        return variance == 0 ? Double.NaN : covariance / variance * POSTS_PER_SLOPE_UNIT;
    }
}
