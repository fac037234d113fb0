package io.spikewatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log4j event of this JVM while open, with its formatted message and the full text of its
 * exception (messages and stack of every cause), for tests that check what reaches the log.
 * Our own loggers ({@code io.spikewatch}) are lowered to DEBUG while it is open, so debug lines
 * are checked too; the libraries keep their configured levels.
 */
final class CapturedLogs implements AutoCloseable {

    private static final String APPENDER = "captured-for-test";
    private static final String OURS = "io.spikewatch";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final Level previousLevel;

    CapturedLogs() {
        Configuration config = context.getConfiguration();
        appender = new AbstractAppender(APPENDER, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append('\n').append(trace);
                }
                lines.add(text.toString());
            }
        };
        appender.start();
        LoggerConfig ours = config.getLoggerConfig(OURS);
        previousLevel = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        config.getRootLogger().addAppender(appender, null, null);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive() && logger != config.getRootLogger()) {
                logger.addAppender(appender, null, null);
            }
        }
        context.updateLoggers();
    }

    /** The lines so far: logger name, message and any exception's full text. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(APPENDER);
        }
        config.getRootLogger().removeAppender(APPENDER);
        config.getLoggerConfig(OURS).setLevel(previousLevel);
        appender.stop();
        context.updateLoggers();
    }
}
