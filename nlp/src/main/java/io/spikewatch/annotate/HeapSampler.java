package io.spikewatch.annotate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Watches the used heap from a background thread and remembers the highest value seen: a
 * closer measure of a workload's peak than the JVM's per-pool peaks, which are reached at
 * different moments and overstate the sum.
 */
final class HeapSampler implements AutoCloseable {

    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(20);

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakBytes;

    HeapSampler(Duration interval) {
        long millis = Math.max(1, interval.toMillis());
        peakBytes = usedHeapBytes();
        thread = new Thread(() -> {
            while (running) {
                peakBytes = Math.max(peakBytes, usedHeapBytes());
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The highest used heap seen so far, in bytes. */
    long peakBytes() {
        return Math.max(peakBytes, usedHeapBytes());
    }

    static long usedHeapBytes() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Used heap after asking the JVM to collect garbage: roughly what stays reachable. */
    static long retainedHeapBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return usedHeapBytes();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
