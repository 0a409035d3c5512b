package io.gossip.udp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What java.util.logging, the System.Logger backend in tests, receives under one logger name while
 * this is open; the expected warnings stay out of the test output. Holding the logger here keeps it
 * (and its handler) from being collected while a test runs.
 */
final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final boolean parentHandlers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing what reaches {@code loggerName} and the loggers below it. */
    CapturedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    /** The records so far, oldest first; safe to read while nodes log from their threads. */
    List<LogRecord> records() {
        return records;
    }

    @Override
    public void close() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parentHandlers);
    }
}
