package io.spikewatch.cli;

import io.spikewatch.monitor.MonitorSettings;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Whether posts are indexed as pending ahead of annotation; shared by {@code run} and {@code demo}. */
public class PendingOptions {

    @Option(names = "--index-pending", arity = "1", paramLabel = "on|off", converter = OnOff.class,
            defaultValue = MonitorSettings.DEFAULT_INDEX_PENDING ? "on" : "off",
            description = "Index every post as soon as it is read, as annotation.status pending, and replace it when annotated,"
                    + " so the posts index never waits for CoreNLP (default: ${DEFAULT-VALUE}).")
    boolean indexPending = MonitorSettings.DEFAULT_INDEX_PENDING;

    /** {@code on} or {@code off}, in any case; anything else is refused with the value. */
    static final class OnOff implements ITypeConverter<Boolean> {

        @Override
        public Boolean convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new TypeConversionException("expected on or off but was '" + value + "'");
            };
        }
    }
}
