package io.spikewatch.monitor;

import io.spikewatch.formats.SourceFormats;
import io.spikewatch.annotate.AnnotationCacheSettings;
import io.spikewatch.index.IndexNames;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the monitor job treats time and where it writes. Immutable; built with {@link #builder()},
 * which checks each value and names the setting that is wrong.
 */
public final class MonitorSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How far out of event-time order records may arrive before the watermark passes them. */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofMinutes(2);
    /**
     * How far out of order posts may reach the alert path before its watermark passes them. Short,
     * because an alert waits for it after its minute closes: a post later than this no longer
     * counts towards a spike (it is counted as too late; the metrics still include it).
     */
    public static final Duration DEFAULT_ALERT_OUT_OF_ORDERNESS = Duration.ofSeconds(10);
    /** How long after a minute closes a late record still corrects that minute's metrics. */
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_ANNOTATION_PARALLELISM = 2;
    /**
     * Unaligned checkpoints by default: with aligned ones, the spike detector's alert input waits at
     * each checkpoint until the barrier on its annotated-posts input has come through NLP's
     * backlog, so alerts would wait for NLP whenever annotation falls behind.
     */
    public static final boolean DEFAULT_UNALIGNED_CHECKPOINTS = true;
    /**
     * Every post is indexed as soon as it is read, as {@code annotation.status: pending}, and
     * replaced by its annotated document when annotation gets to it; so the posts index never
     * trails the input, however far behind CoreNLP falls.
     */
    public static final boolean DEFAULT_INDEX_PENDING = true;
    /**
     * Zero: a source split (a file replay, a Kafka partition) is never marked idle. An input whose
     * partitions can be quiet (a statements topic) needs a positive value, or a partition without
     * records holds every event-time window back: after this long without records a partition no
     * longer holds the watermark until it has records again.
     */
    public static final Duration DEFAULT_SOURCE_IDLENESS = Duration.ZERO;

    private final IndexNames indices;
    private final Duration outOfOrderness;
    private final Duration alertOutOfOrderness;
    private final Duration allowedLateness;
    private final Duration checkpointInterval;
    private final int annotationParallelism;
    private final boolean unalignedCheckpoints;
    private final AnnotationCacheSettings annotationCache;
    private final boolean indexPending;
    private final Duration sourceIdleness;
    private final SourceFormats inputFormats;
    private final OverloadSample overloadSample;

    private MonitorSettings(Builder b) {
        this.indices = b.indices;
        this.outOfOrderness = b.outOfOrderness;
        this.alertOutOfOrderness = b.alertOutOfOrderness;
        this.allowedLateness = b.allowedLateness;
        this.checkpointInterval = b.checkpointInterval;
        this.annotationParallelism = b.annotationParallelism;
        this.unalignedCheckpoints = b.unalignedCheckpoints;
        this.annotationCache = b.annotationCache;
        this.indexPending = b.indexPending;
        this.sourceIdleness = b.sourceIdleness;
        this.inputFormats = b.inputFormats;
        this.overloadSample = b.overloadSample;
    }

    public static Builder builder() {
        return new Builder();
    }

    public IndexNames indices() {
        return indices;
    }

    public Duration outOfOrderness() {
        return outOfOrderness;
    }

    /** The alert path's out-of-orderness (see {@link #DEFAULT_ALERT_OUT_OF_ORDERNESS}). */
    public Duration alertOutOfOrderness() {
        return alertOutOfOrderness;
    }

    public Duration allowedLateness() {
        return allowedLateness;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public int annotationParallelism() {
        return annotationParallelism;
    }

    /** The bounds of the annotation cache every annotation task of a JVM shares ({@link AnnotationCacheSettings#DEFAULTS}). */
    public AnnotationCacheSettings annotationCache() {
        return annotationCache;
    }

    /** Whether checkpoint barriers may overtake buffered records (see {@link #DEFAULT_UNALIGNED_CHECKPOINTS}). */
    public boolean unalignedCheckpoints() {
        return unalignedCheckpoints;
    }

    /**
     * Whether each post is indexed as pending ahead of its annotation (see
     * {@link #DEFAULT_INDEX_PENDING}); the fast path that does it reads the input a second time.
     */
    public boolean indexPending() {
        return indexPending;
    }

    /** After how long without records a source split stops holding the watermark; zero for never (see {@link #DEFAULT_SOURCE_IDLENESS}). */
    public Duration sourceIdleness() {
        return sourceIdleness;
    }

    /** The format of each input (a file by its path as given, a Kafka topic by its name); all NDJSON by default. */
    public SourceFormats inputFormats() {
        return inputFormats;
    }

    /** Which posts get CoreNLP while annotation is behind ({@link OverloadSample#OFF}, every post, by default). */
    public OverloadSample overloadSample() {
        return overloadSample;
    }

    @Override
    public String toString() {
        return "MonitorSettings{indices=" + indices + ", outOfOrderness=" + outOfOrderness
                + ", alertOutOfOrderness=" + alertOutOfOrderness
                + ", allowedLateness=" + allowedLateness + ", checkpointInterval=" + checkpointInterval
                + ", annotationParallelism=" + annotationParallelism + ", unalignedCheckpoints=" + unalignedCheckpoints
                + ", annotationCache=" + annotationCache + ", indexPending=" + indexPending
                + ", sourceIdleness=" + sourceIdleness + ", inputFormats=" + inputFormats + ", overloadSample=" + overloadSample + "}";
    }

    /** Builder whose setters validate; every setting has a named default. */
    public static final class Builder {
        private IndexNames indices = new IndexNames(IndexNames.DEFAULT_PREFIX);
        private Duration outOfOrderness = DEFAULT_OUT_OF_ORDERNESS;
        private Duration alertOutOfOrderness = DEFAULT_ALERT_OUT_OF_ORDERNESS;
        private Duration allowedLateness = DEFAULT_ALLOWED_LATENESS;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private int annotationParallelism = DEFAULT_ANNOTATION_PARALLELISM;
        private boolean unalignedCheckpoints = DEFAULT_UNALIGNED_CHECKPOINTS;
        private AnnotationCacheSettings annotationCache = AnnotationCacheSettings.DEFAULTS;
        private boolean indexPending = DEFAULT_INDEX_PENDING;
        private Duration sourceIdleness = DEFAULT_SOURCE_IDLENESS;
        private SourceFormats inputFormats = SourceFormats.ndjson();
        private OverloadSample overloadSample = OverloadSample.OFF;

        public Builder indices(IndexNames indices) {
            this.indices = Objects.requireNonNull(indices, "indices");
            return this;
        }

        public Builder outOfOrderness(Duration value) {
            this.outOfOrderness = notNegative("out-of-orderness", value);
            return this;
        }

        public Builder alertOutOfOrderness(Duration value) {
            this.alertOutOfOrderness = notNegative("alert-out-of-orderness", value);
            return this;
        }

        public Builder allowedLateness(Duration value) {
            this.allowedLateness = notNegative("allowed-lateness", value);
            return this;
        }

        public Builder checkpointInterval(Duration value) {
            if (value == null || value.compareTo(Duration.ofMillis(10)) < 0) {
                throw new IllegalArgumentException("checkpoint-interval must be at least 10ms, got " + value);
            }
            this.checkpointInterval = value;
            return this;
        }

        public Builder annotationParallelism(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("annotation-parallelism must be at least 1, got " + value);
            }
            this.annotationParallelism = value;
            return this;
        }

        public Builder unalignedCheckpoints(boolean value) {
            this.unalignedCheckpoints = value;
            return this;
        }

        /** The annotation cache's bounds; {@link AnnotationCacheSettings#DISABLED} for none. */
        public Builder annotationCache(AnnotationCacheSettings value) {
            this.annotationCache = Objects.requireNonNull(value, "annotationCache");
            return this;
        }

        /** Whether to index each post as pending ahead of its annotation (see {@link #DEFAULT_INDEX_PENDING}). */
        public Builder indexPending(boolean value) {
            this.indexPending = value;
            return this;
        }

        /** The format of each input (see {@link MonitorSettings#inputFormats()}). */
        public Builder inputFormats(SourceFormats value) {
            this.inputFormats = Objects.requireNonNull(value, "input-formats");
            return this;
        }

        /** After how long without records a source split stops holding the watermark (see {@link #DEFAULT_SOURCE_IDLENESS}). */
        public Builder sourceIdleness(Duration value) {
            this.sourceIdleness = notNegative("source-idleness", value);
            return this;
        }

        /** Which posts get CoreNLP while annotation is behind (see {@link OverloadSample}). */
        public Builder overloadSample(OverloadSample value) {
            this.overloadSample = Objects.requireNonNull(value, "overload-sample");
            return this;
        }

        public MonitorSettings build() {
            return new MonitorSettings(this);
        }

        private static Duration notNegative(String key, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(key + " must be zero or more, got " + value);
            }
            return value;
        }
    }
}
