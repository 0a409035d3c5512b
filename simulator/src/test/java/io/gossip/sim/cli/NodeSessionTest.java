package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gossip.udp.GossipNode;
import io.gossip.udp.KernelReceiveDrops;
import io.gossip.udp.SocketFlood;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An interactive node's last words: what the kernel dropped at its socket, when it dropped any. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeSessionTest {
    private static GossipNode startNode() throws Exception {
        return GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress()).insecure().start();
    }

    @Test
    void aNodeWhoseSocketOverflowedSaysSoWhenItCloses() throws Exception {
        assumeTrue(KernelReceiveDrops.read().available(), "needs Linux's /proc/net/udp");
        GossipNode node = startNode();
        try (SocketFlood.HeldLoop held = SocketFlood.holdLoop(node)) {
            SocketFlood.overflow(node);
            SocketFlood.awaitDrops(node);
        }
        long dropped = node.kernelReceiveDrops().orElseThrow();
        StringWriter err = new StringWriter();
        new NodeSession(node, 100, new PrintWriter(err)).stop();
        assertTrue(err.toString().contains("closed " + node.address()), err.toString());
        Matcher said = Pattern.compile("the kernel dropped (\\d+) datagrams sent to this node: its receive buffer "
                + "was full while the node was busy \\(--receive-buffer-bytes asks for a larger one\\)")
                .matcher(err.toString());
        assertTrue(said.find(), err.toString());
        // A copy still on its way when the count was read may have been dropped since.
        assertTrue(Long.parseLong(said.group(1)) >= dropped, said.group(1) + " < " + dropped);
    }

    @Test
    void aNodeThatDroppedNothingSaysNothingOfIt() throws Exception {
        GossipNode node = startNode();
        StringWriter err = new StringWriter();
        new NodeSession(node, 100, new PrintWriter(err)).stop();
        assertTrue(err.toString().contains("closed " + node.address()), err.toString());
        assertFalse(err.toString().contains("kernel"), err.toString());
    }
}
