package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
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
    private CapturedLog log;

    @BeforeEach
    void capture() {
        log = new CapturedLog("io.gossip.udp.security");
        GossipNodeBuilder.forgetPlaintextNotices();
    }

    @AfterEach
    void release() {
        log.close();
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
        return log.records().stream().filter(r -> r.getMessage().contains("{0}")
                ? String.valueOf(r.getParameters()[0]).equals(node.address().toString())
                : r.getMessage().startsWith(name)).map(LogRecord::getLevel).toList();
    }
}
