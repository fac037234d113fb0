package io.spikewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcWatchTest {

    private static final long MIB = 1024L * 1024L;

    /** What each pool of this JVM held after an imagined collection: {@code heapMib} spread over the heap pools, 7 MiB in each other. */
    private static Map<String, MemoryUsage> afterGc(long heapMib) {
        Map<String, MemoryUsage> pools = new HashMap<>();
        long heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).count();
        long each = heapMib * MIB / heapPools;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long used = pool.getType() == MemoryType.HEAP ? each : 7 * MIB;
            pools.put(pool.getName(), new MemoryUsage(0, used, used, -1));
        }
        return pools;
    }

    @Test
    void keepsTheLowestHeapAfterGcSinceItWasLastAskedAndOnlyHeapPoolsCount() {
        try (GcWatch watch = new GcWatch()) {
            long before = watch.collections();
            watch.recordAfterGc(afterGc(900));
            watch.recordAfterGc(afterGc(600));
            watch.recordAfterGc(afterGc(750));

            assertThat(watch.takeLowestAfterGc()).isBetween(599 * MIB, 600 * MIB);
            assertThat(watch.collections() - before).isGreaterThanOrEqualTo(3);

            watch.recordAfterGc(afterGc(800));
            assertThat(watch.takeLowestAfterGc()).as("the lowest is forgotten once taken").isBetween(799 * MIB, 800 * MIB);
        }
    }

    @Test
    void withoutANewCollectionTheLastOneStands() {
        try (GcWatch watch = new GcWatch()) {
            watch.recordAfterGc(afterGc(500));
            watch.takeLowestAfterGc();
            // a real collection may run in between; it would lower the value, never raise it above the last one
            assertThat(watch.takeLowestAfterGc()).isLessThanOrEqualTo(500 * MIB).isPositive();
        }
    }

    @Test
    void hearsARealFullCollection() throws InterruptedException {
        try (GcWatch watch = new GcWatch()) {
            long before = watch.collections();
            GcWatch.collectFully();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (watch.collections() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(watch.collections()).isGreaterThan(before);
            long live = watch.takeLowestAfterGc();
            assertThat(live).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().totalMemory());
        }
    }
}
