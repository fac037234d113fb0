package io.spikewatch.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Listens to this JVM's garbage collections and keeps the lowest heap any of them left behind
 * since it was last asked ({@link #takeLowestAfterGc()}). The heap after a collection is the sum,
 * over the heap pools, of what each held when the collection ended.
 *
 * <p>Why notifications rather than the old generation's {@code MemoryPoolMXBean#getCollectionUsage}:
 * with G1 (the JVM's default on this hardware) that value changes only after a full collection,
 * which a healthy G1 never runs, so it would stay at zero; every young and mixed collection sends
 * a notification. After a young collection the heap still holds old-generation garbage that the
 * next concurrent cycle will free, so the lowest value over an interval is the closest passive
 * measure of the live heap; {@link #collectFully()} gives the exact one, at the cost of a full pause.
 */
public final class GcWatch implements AutoCloseable {

    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private long lowestSinceTaken = HeapSample.UNKNOWN;
    /** Guarded by {@link #lock}. */
    private long lastAfterGc = HeapSample.UNKNOWN;
    /** Guarded by {@link #lock}. */
    private long collections;

    public GcWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        if (emitters.isEmpty()) {
            throw new IllegalStateException("this JVM's garbage collectors send no notifications; cannot watch the heap after GC");
        }
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        recordAfterGc(info.getGcInfo().getMemoryUsageAfterGc());
    }

    /** Adds one collection, given what each memory pool held when it ended (non-heap pools are ignored). */
    void recordAfterGc(Map<String, MemoryUsage> afterGcByPool) {
        long heap = 0;
        for (Map.Entry<String, MemoryUsage> pool : afterGcByPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                heap += pool.getValue().getUsed();
            }
        }
        synchronized (lock) {
            collections++;
            lastAfterGc = heap;
            lowestSinceTaken = lowestSinceTaken == HeapSample.UNKNOWN ? heap : Math.min(lowestSinceTaken, heap);
        }
    }

    /**
     * The lowest heap after a collection since the last call, or, when none ran since, what the
     * last collection left; {@link HeapSample#UNKNOWN} before the first collection.
     */
    public long takeLowestAfterGc() {
        synchronized (lock) {
            long lowest = lowestSinceTaken != HeapSample.UNKNOWN ? lowestSinceTaken : lastAfterGc;
            lowestSinceTaken = HeapSample.UNKNOWN;
            return lowest;
        }
    }

    /** Collections seen since this watch started. */
    public long collections() {
        synchronized (lock) {
            return collections;
        }
    }

    /**
     * Asks for a full collection ({@link System#gc()}; G1 runs one unless the JVM was started with
     * {@code -XX:+ExplicitGCInvokesConcurrent} or {@code -XX:+DisableExplicitGC}), so the next
     * after-GC value is the live heap itself. Its notification arrives on another thread, shortly after.
     */
    public static void collectFully() {
        System.gc();
    }

    /** The names of the collectors, e.g. "G1 Young Generation, G1 Old Generation". */
    public static String collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
        emitters.clear();
    }
}
