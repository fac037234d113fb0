package io.spikewatch.config;

import io.spikewatch.annotate.AnnotatorConfig;
import io.spikewatch.index.ElasticsearchConnection;
import io.spikewatch.monitor.AlertingSettings;
import io.spikewatch.monitor.MonitorSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@code run --config FILE} needs, read and checked from one YAML file by
 * {@link SpikewatchConfigLoader}: secrets already resolved into the connection (which never
 * prints them), paths absolute, files read.
 *
 * @param alerting null when the file has no {@code alerts} section (no spike detection or alerts)
 */
public record SpikewatchConfig(
        Path file,
        RunInput input,
        ElasticsearchConnection connection,
        MonitorSettings settings,
        AnnotatorConfig annotator,
        AlertingSettings alerting) {

    public SpikewatchConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(annotator, "annotator");
    }
}
