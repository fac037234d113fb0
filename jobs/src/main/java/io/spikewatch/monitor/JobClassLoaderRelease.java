package io.spikewatch.monitor;

import io.spikewatch.annotate.SharedModels;
import io.spikewatch.flink.RecordMethodCaches;
import org.apache.flink.api.common.functions.RuntimeContext;

/**
 * What a job leaves in JVM-wide places when it runs from a job jar on a session cluster, dropped
 * when Flink releases the job's class loader on a TaskManager: CoreNLP's models and the annotation
 * cache ({@link SharedModels#release}), and the JDK's memory of our record classes
 * ({@link RecordMethodCaches#forget}), which alone kept the loader and every class it loaded
 * reachable. From the class path (embedded runs, tests) nothing is registered: there is no job
 * class loader, and the models stay shared.
 */
final class JobClassLoaderRelease {

    static final String RELEASE_MODELS_HOOK = "spikewatch-release-corenlp-models";
    static final String FORGET_RECORDS_HOOK = "spikewatch-forget-record-methods";

    private JobClassLoaderRelease() {}

    /** Registers the release hooks once per job and TaskManager; every task that may be the only one there calls it. */
    static void register(RuntimeContext context) {
        if (JobClassLoaderRelease.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            return;
        }
        context.registerUserCodeClassLoaderReleaseHookIfAbsent(RELEASE_MODELS_HOOK, SharedModels::release);
        context.registerUserCodeClassLoaderReleaseHookIfAbsent(FORGET_RECORDS_HOOK, RecordMethodCaches::forget);
    }
}
