package io.spikewatch.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** A class loader whose record methods the JDK linked can be collected once the caches forget it. */
class RecordMethodCachesTest {

    /** Loaded again by a class loader of its own, as a job's classes are on a session cluster. */
    public record Sample(String name, Object payload) {}

    @Test
    void aLoaderWhoseRecordMethodsWereLinkedIsCollectedAfterForget() throws Exception {
        WeakReference<ClassLoader> loader = useRecordsInALoaderOfTheirOwn();

        RecordMethodCaches.forget();

        for (int i = 0; i < 20 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loader.get()).as("the loader of the record, collected").isNull();
    }

    /** Calls equals, hashCode and toString of Sample as defined by a new loader, and lets go of the loader. */
    private static WeakReference<ClassLoader> useRecordsInALoaderOfTheirOwn() throws Exception {
        URL classes = RecordMethodCachesTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> sample = loader.loadClass(Sample.class.getName());
            assertThat(sample).isNotSameAs(Sample.class);
            Object first = sample.getConstructor(String.class, Object.class).newInstance("a", "p");
            Object second = sample.getConstructor(String.class, Object.class).newInstance("a", "p");
            assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
            assertThat(first.toString()).isEqualTo("Sample[name=a, payload=p]");
            return new WeakReference<>(loader);
        }
    }
}
