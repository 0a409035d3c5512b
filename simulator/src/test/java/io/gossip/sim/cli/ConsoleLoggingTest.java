package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The transport's log records as the sim command shows them. */
class ConsoleLoggingTest {
    @Test
    void warningsAreOneLineAndInfoIsNotShown() throws IOException {
        Logger root = Logger.getLogger("");
        Handler[] handlers = root.getHandlers();
        Level level = root.getLevel();
        StringWriter text = new StringWriter();
        try (PrintWriter err = new PrintWriter(text, true)) {
            ConsoleLogging.install(err);
            System.Logger log = System.getLogger("io.gossip.udp.security");
            log.log(System.Logger.Level.INFO, "node {0} runs insecure() as configured", "127.0.0.1:9000");
            log.log(System.Logger.Level.WARNING, "key file {0} is readable by other users; chmod 600 it", "k.key");
            log.log(System.Logger.Level.ERROR, "the loop stopped", new IOException("Too many open files"));
        } finally {
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (Handler h : handlers) {
                root.addHandler(h);
            }
            root.setLevel(level);
        }
        assertEquals("sim: warning: key file k.key is readable by other users; chmod 600 it\n"
                + "sim: error: the loop stopped: java.io.IOException: Too many open files\n",
                text.toString().replace("\r\n", "\n"));
    }
}
