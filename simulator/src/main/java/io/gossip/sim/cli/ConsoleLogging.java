package io.gossip.sim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * How the {@code sim} command shows what the transport logs through {@link System.Logger}
 * (java.util.logging underneath): a warning is one line on stderr, {@code sim: warning: ...},
 * instead of the JDK's two lines with a date and a method name; INFO and below are not shown,
 * as the commands say in their own lines what they chose (that their loopback nodes run in
 * plaintext on purpose, for instance). A logging configuration the user gives with
 * {@code -Djava.util.logging.config.file} or {@code .class} is left alone.
 */
final class ConsoleLogging {
    /** Only its formatMessage is used: it fills in the {0} parameters System.Logger passes through. */
    private static final Formatter MESSAGES = new SimpleFormatter();

    private ConsoleLogging() {
    }

    /** Routes every java.util.logging record of WARNING and above to {@code err}, one line each. */
    static void install(PrintWriter err) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.WARNING);
        root.addHandler(new OneLine(err));
    }

    /** One record: {@code sim: warning: MESSAGE[: CAUSE]}. */
    static String line(LogRecord record) {
        String level = record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error"
                : record.getLevel().getName().toLowerCase(Locale.ROOT);
        String message = MESSAGES.formatMessage(record);
        Throwable thrown = record.getThrown();
        return "sim: " + level + ": " + message + (thrown == null ? "" : ": " + thrown);
    }

    private static final class OneLine extends Handler {
        private final PrintWriter err;

        OneLine(PrintWriter err) {
            this.err = err;
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                err.println(line(record));
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
