package dev.buyonce.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what every logger of this JVM logs from {@link #start()} until {@link #close()}. */
public final class CapturedLog implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private CapturedLog() {
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        log.appender.start();
        log.root.addAppender(log.appender);
        return log;
    }

    /** Everything logged so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender) { // the lock under which the appender appends
            return List.copyOf(appender.list);
        }
    }

    /**
     * What was logged at ERROR or with a stack trace, as "LEVEL logger: message" lines, each followed by
     * " [exception class: its message]" when it has a stack trace, so that a failing assertion tells what was thrown.
     */
    public List<String> errorsAndStackTraces() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage() + thrown(e.getThrowableProxy()))
                .toList();
    }

    private static String thrown(IThrowableProxy thrown) {
        return thrown == null ? "" : " [" + thrown.getClassName() + ": " + thrown.getMessage() + "]";
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
