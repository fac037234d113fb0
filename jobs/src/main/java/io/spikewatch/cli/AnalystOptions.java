package io.spikewatch.cli;

import io.spikewatch.analyst.OutputFormat;
import io.spikewatch.analyst.TimeArguments;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** How the analyst commands print: {@code --format} and the {@code --zone} their times are read and shown in. */
public class AnalystOptions {

    public static final String DEFAULT_FORMAT = "table";
    public static final String DEFAULT_ZONE = "UTC";

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            description = "table (aligned columns, default), csv (RFC 4180) or json.")
    String format;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = DEFAULT_ZONE,
            description = "Time zone of local date-times given and of the times shown, e.g. America/New_York (default: ${DEFAULT-VALUE}).")
    String zone;

    public OutputFormat format() {
        return OutputFormat.parse("--format", format);
    }

    public ZoneId zone() {
        return TimeArguments.zone("--zone", zone);
    }
}
