package io.spikewatch.config;

import io.spikewatch.formats.SourceFormats;
import io.spikewatch.kafka.KafkaSettings;
import io.spikewatch.replay.ReplaySpeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a monitor run reads: files replayed at a speed, or Kafka topics under a consumer group.
 * The posts source is required, the statements source optional; each keeps its format name.
 *
 * @param kafka the Kafka settings (every source's topic, in order posts, statements), or null for files
 * @param untilLatest with Kafka: stop at the offsets that were latest when the job started
 * @param idleAfter with Kafka: how long a partition may be silent before it is set aside, or its
 *     watermark moves on with the wall clock when it was reading live posts; zero for never
 * @param speed with files: the replay speed
 * @param statements null when the run reads no separate statements source
 */
public record RunInput(KafkaSettings kafka, boolean untilLatest, Duration idleAfter, ReplaySpeed speed, InputSource posts, InputSource statements) {

    public RunInput {
        Objects.requireNonNull(idleAfter, "idleAfter");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(posts, "posts");
    }

    /** Every source, posts first. */
    public List<InputSource> sources() {
        return statements == null ? List.of(posts) : List.of(posts, statements);
    }

    /** The files of every source, posts first (the replay merges them in event time); empty with Kafka. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        sources().forEach(source -> files.addAll(source.files()));
        return files;
    }

    /** The format of each source: its topic's, or each of its files' (by path as given). */
    public SourceFormats formats() {
        SourceFormats formats = SourceFormats.ndjson();
        for (InputSource source : sources()) {
            if (source.topic() != null) {
                formats = formats.with(source.topic(), source.format());
            }
            for (Path file : source.files()) {
                formats = formats.with(file.toString(), source.format());
            }
        }
        return formats;
    }

    public boolean readsKafka() {
        return kafka != null;
    }
}
