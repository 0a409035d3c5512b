package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
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
                bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
