package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node without a key warns that it speaks plaintext, once per process, even when a node that chose
 * {@code insecure()} already said so at INFO: the one is a decision, the other likely a mistake.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlaintextWarningTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** java.util.logging is the System.Logger backend in tests. */
    private final Logger logger = Logger.getLogger("io.gossip.udp.security");
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
    private boolean parentHandlers;

    @BeforeEach
    void capture() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
        GossipNodeBuilder.forgetPlaintextNotices();
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parentHandlers);
    }

    @Test
    void aNodeWithoutAKeyWarnsAfterAnInsecureNodeWasLoggedAtInfo() throws Exception {
        try (GossipNode meant = GossipNode.builder().bindEphemeral(LOOPBACK).insecure().start();
                GossipNode forgotten = GossipNode.builder().bindEphemeral(LOOPBACK).start();
                GossipNode secondForgotten = GossipNode.builder().bindEphemeral(LOOPBACK).start()) {
            assertEquals(List.of(Level.INFO), levelsNaming(meant));
            assertEquals(List.of(Level.WARNING), levelsNaming(forgotten), "the first node without a key warns");
            assertTrue(levelsNaming(secondForgotten).stream().noneMatch(l -> l.intValue() >= Level.INFO.intValue()),
                    "later nodes without a key are logged below INFO: " + levelsNaming(secondForgotten));
        }
    }

    private List<Level> levelsNaming(GossipNode node) {
        String name = "node " + node.address() + " ";
        return records.stream().filter(r -> r.getMessage().contains("{0}")
                ? String.valueOf(r.getParameters()[0]).equals(node.address().toString())
                : r.getMessage().startsWith(name)).map(LogRecord::getLevel).toList();
    }
}
