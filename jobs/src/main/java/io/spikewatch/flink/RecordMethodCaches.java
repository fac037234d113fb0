package io.spikewatch.flink;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;

/**
 * Makes the JDK forget the last record classes whose {@code equals}, {@code hashCode} and
 * {@code toString} it linked, so a finished job's class loader can be collected on a session
 * cluster.
 *
 * <p>Java 17's method handles remember their last {@code asType} conversion in a strong field
 * ({@code asTypeCache}; Java 19 made it a soft reference). {@link ObjectMethods}, which links the
 * methods of every record, converts four method handles held in its static fields to the types of
 * the record and of its components. Whichever record was linked last therefore stays reachable from
 * a JDK class, and its class loader with it: after a job, one of our records (the annotation
 * cache's key) held the job's whole class loader, with every class it loaded, on each
 * TaskManager. Linking the three methods once more for {@link String} replaces those conversions
 * with ones that name only JDK classes.
 */
public final class RecordMethodCaches {

    private RecordMethodCaches() {}

    /** Links equals, hashCode and toString for a "record" of {@link String}s, overwriting the cached conversions. */
    public static void forget() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle component = lookup.findVirtual(String.class, "strip", MethodType.methodType(String.class));
            ObjectMethods.bootstrap(lookup, "equals", MethodType.methodType(boolean.class, String.class, Object.class), String.class,
                    "value", component);
            ObjectMethods.bootstrap(lookup, "hashCode", MethodType.methodType(int.class, String.class), String.class, "value", component);
            ObjectMethods.bootstrap(lookup, "toString", MethodType.methodType(String.class, String.class), String.class, "value", component);
        } catch (Throwable e) {
            throw new IllegalStateException("could not reset the JDK's record method caches", e);
        }
    }
}
