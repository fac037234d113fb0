package io.spikewatch.monitor;

import io.spikewatch.alerts.AlertConfig;
import io.spikewatch.alerts.AlertConfigParser;
import io.spikewatch.secrets.SecretResolver;
import io.spikewatch.spikes.EpisodeTrackerConfig;
import io.spikewatch.spikes.VolumeDetectorConfig;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.spikewatch.annotate.TrackedEntities;
import io.spikewatch.annotate.TrackedEntity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the job detects spikes and alerts: the rules file (as text, so it ships to every task
 * manager and is read there with that machine's environment and secret files), the folder its
 * relative {@code {file: PATH}} secrets are read from, the detectors' configurations, and how long
 * an idle series keeps ticking.
 */
public final class AlertingSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertingSettings.class);

    public static final Duration BUCKET_WIDTH = Duration.ofMinutes(1);
    /** A series without posts keeps being scored (so a flatline shows) this long, then sleeps. */
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofHours(2);
    /** A series silent for longer starts afresh, as a new deployment would. */
    public static final Duration DEFAULT_NEW_STREAM_GAP = Duration.ofDays(1);
    /**
     * A sentiment shift is over after this many calm minutes, and one that comes back later is a new
     * episode whatever its size: anger at the platform an hour after anger at a letter is news.
     */
    public static final Duration SENTIMENT_QUIET_PERIOD = Duration.ofMinutes(15);
    /** Half-life of the term baseline that spikes are explained against. */
    public static final Duration TERM_HALF_LIFE = Duration.ofHours(6);
    private static final String TRACKED_SOURCE = "tracked entities";

    private final String rulesYaml;
    private final String rulesSource;
    /** Absolute, as text: a {@link Path} is not serializable. */
    private final String rulesDir;
    private final String trackedEntitiesYaml;
    private final VolumeDetectorConfig volume;
    private final EpisodeTrackerConfig episodes;
    private final Duration idleAfter;
    private final Duration newStreamGap;

    /**
     * @param rulesDir the folder of the file the rules were read from: relative secret files are read from it
     * @param trackedEntitiesYaml the tracked-entities file the rules may name and the series are
     *     counted by, or null for none
     */
    public AlertingSettings(String rulesYaml, String rulesSource, Path rulesDir, String trackedEntitiesYaml,
            VolumeDetectorConfig volume, EpisodeTrackerConfig episodes, Duration idleAfter, Duration newStreamGap) {
        this.rulesYaml = Objects.requireNonNull(rulesYaml, "rulesYaml");
        this.rulesSource = Objects.requireNonNull(rulesSource, "rulesSource");
        this.rulesDir = rulesDir.toAbsolutePath().normalize().toString();
        this.trackedEntitiesYaml = trackedEntitiesYaml;
        this.volume = volume;
        this.episodes = episodes;
        this.idleAfter = idleAfter;
        this.newStreamGap = newStreamGap;
        if (!volume.bucketWidth().equals(BUCKET_WIDTH) || !episodes.bucketWidth().equals(BUCKET_WIDTH)) {
            throw new IllegalArgumentException("the job detects on " + BUCKET_WIDTH + " buckets; the detector configurations say "
                    + volume.bucketWidth() + " and " + episodes.bucketWidth());
        }
    }

    /** The rules file at {@code path}, with the production detectors. */
    public static AlertingSettings fromRulesFile(Path path, String trackedEntitiesYaml) {
        try {
            return withRules(Files.readString(path, StandardCharsets.UTF_8), path.toString(),
                    path.toAbsolutePath().getParent(), trackedEntitiesYaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the alert rules file '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Rules that were not read from a file (generated, or a test's): relative secret files are read from the working directory. */
    public static AlertingSettings withRules(String yaml, String source, String trackedEntitiesYaml) {
        return withRules(yaml, source, Path.of(""), trackedEntitiesYaml);
    }

    /** Rules read from a file in {@code dir}, or inline in a configuration file there. */
    public static AlertingSettings withRules(String yaml, String source, Path dir, String trackedEntitiesYaml) {
        return new AlertingSettings(yaml, source, dir, trackedEntitiesYaml,
                VolumeDetectorConfig.builder().bucketWidth(BUCKET_WIDTH).build(),
                EpisodeTrackerConfig.builder().bucketWidth(BUCKET_WIDTH).build(),
                DEFAULT_IDLE_AFTER, DEFAULT_NEW_STREAM_GAP);
    }

    /** Reads the rules with this JVM's environment and files; an error names the file, rule and key. */
    public AlertConfig rules() {
        return rules(SecretResolver.ofProcess());
    }

    /** Reads the rules with the channel secrets {@code secrets} finds. */
    public AlertConfig rules(SecretResolver secrets) {
        List<String> names = trackedEntities().entities().stream().map(TrackedEntity::name).toList();
        return new AlertConfigParser(rulesSource, secrets, Path.of(rulesDir), names).parse(rulesYaml);
    }

    /**
     * Reads the rules as the job will, before it starts, and logs each channel that is switched
     * off with why: {@code enabled: false}, or optional and missing a variable or file (the reason
     * names the key and the variable or file, never a value).
     *
     * @throws RuntimeException naming the file, rule or channel and key when the rules are wrong
     */
    public AlertConfig checkAtStartUp(SecretResolver secrets) {
        AlertConfig config = rules(secrets);
        for (Map.Entry<String, String> off : config.disabledChannels().entrySet()) {
            LOG.info("Alert channel {} of {} is off: {}", off.getKey(), rulesSource, off.getValue());
        }
        return config;
    }

    /** The tracked entities the series are counted by (none when not configured). */
    public TrackedEntities trackedEntities() {
        return trackedEntitiesYaml == null ? TrackedEntities.empty() : TrackedEntities.fromYaml(trackedEntitiesYaml, TRACKED_SOURCE);
    }

    public String rulesSource() {
        return rulesSource;
    }

    public VolumeDetectorConfig volume() {
        return volume;
    }

    public EpisodeTrackerConfig episodes() {
        return episodes;
    }

    /** Episodes of sentiment shifts: those of {@link #episodes()}, without the repeat rule, calm after {@link #SENTIMENT_QUIET_PERIOD}. */
    public EpisodeTrackerConfig sentimentEpisodes() {
        return EpisodeTrackerConfig.builder().bucketWidth(BUCKET_WIDTH).holdScore(episodes.holdScore())
                .escalationStep(episodes.escalationStep()).quietPeriod(SENTIMENT_QUIET_PERIOD).repeatPeriod(Duration.ZERO).build();
    }

    public Duration idleAfter() {
        return idleAfter;
    }

    public Duration newStreamGap() {
        return newStreamGap;
    }

    /** The term baseline forgets with the same half-life as the volume level. */
    public double termDecayPerBucket() {
        return Math.pow(0.5, (double) BUCKET_WIDTH.toMillis() / TERM_HALF_LIFE.toMillis());
    }

    @Override
    public String toString() {
        return "AlertingSettings{rules=" + rulesSource + ", volume=" + volume + ", episodes=" + episodes
                + ", idleAfter=" + idleAfter + ", newStreamGap=" + newStreamGap + "}";
    }
}
