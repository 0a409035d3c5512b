package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel's per-socket drop counts: parsed from the tables' text as each byte order prints
 * them, and read for a real node whose event loop is held while datagrams pour in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelReceiveDropsTest {
    private static final String HEADER4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode ref pointer drops\n";
    private static final String HEADER6 = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer"
            + " drops\n";

    private static String row4(String local, long drops) {
        return " 3833: " + local + " 00000000:0000 07 00000000:00000F00 00:00000000 00000000     0        0 1402395 2"
                + " 0000000014e185e1 " + drops + "\n";
    }

    private static String row6(String local, long drops) {
        return " 8794: " + local + " 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000"
                + "     0        0 1402398 2 0000000047e596c0 " + drops + "\n";
    }

    @Test
    void littleEndianKernelsWriteEachAddressWordBackwards() {
        KernelReceiveDrops table = KernelReceiveDrops.parse(
                HEADER4 + row4("0100007F:957D", 497) + row4("00000000:1F90", 3),
                HEADER6 + row6("00000000000000000000000001000000:A8DE", 12)
                        + row6("B80D0120000000000000000001000000:0050", 7),
                ByteOrder.LITTLE_ENDIAN);
        assertTrue(table.available());
        assertEquals(OptionalLong.of(497), table.of(PeerAddress.parse("127.0.0.1:38269")));
        assertEquals(OptionalLong.of(3), table.of(PeerAddress.parse("0.0.0.0:8080")));
        assertEquals(OptionalLong.of(12), table.of(PeerAddress.parse("[::1]:43230")));
        assertEquals(OptionalLong.of(7), table.of(PeerAddress.parse("[2001:db8::1]:80")));
    }

    @Test
    void bigEndianKernelsWriteAddressesInNetworkOrder() {
        KernelReceiveDrops table = KernelReceiveDrops.parse(HEADER4 + row4("7F000001:957D", 5),
                HEADER6 + row6("20010DB8000000000000000000000001:0050", 9), ByteOrder.BIG_ENDIAN);
        assertEquals(OptionalLong.of(5), table.of(PeerAddress.parse("127.0.0.1:38269")));
        assertEquals(OptionalLong.of(9), table.of(PeerAddress.parse("[2001:db8::1]:80")));
        assertEquals(OptionalLong.empty(), table.of(PeerAddress.parse("1.0.0.127:38269")),
                "read in the other order, the address is another one");
    }

    @Test
    void unknownAddressesAndPortsBoundTwiceAnswerNothing() {
        KernelReceiveDrops table = KernelReceiveDrops.parse(
                HEADER4 + row4("0100007F:957D", 4) + row4("0100007F:957D", 6) + row4("0100007F:0050", 1),
                "", ByteOrder.LITTLE_ENDIAN);
        assertEquals(OptionalLong.empty(), table.of(PeerAddress.parse("127.0.0.1:38269")),
                "two sockets on one address (SO_REUSEPORT): neither count is the node's");
        assertEquals(OptionalLong.of(1), table.of(PeerAddress.parse("127.0.0.1:80")));
        assertEquals(OptionalLong.empty(), table.of(PeerAddress.parse("127.0.0.2:80")));
        assertEquals(OptionalLong.empty(), table.of(PeerAddress.parse("[::1]:80")), "no IPv6 table given");
    }

    @Test
    void rowsThatAreNotSocketsAreSkipped() {
        String cut = " 3834: 0100007F:0051 00000000:0000 07\n";
        String notANumber = row4("0100007F:0052", 0).replace(" 0\n", " x\n");
        String rows = cut + notANumber + "\n" + row4("0100007F:0053", 2);
        KernelReceiveDrops table = KernelReceiveDrops.parse(HEADER4 + rows, "", ByteOrder.LITTLE_ENDIAN);
        assertEquals(OptionalLong.empty(), table.of(PeerAddress.parse("127.0.0.1:81")));
        assertEquals(OptionalLong.empty(), table.of(PeerAddress.parse("127.0.0.1:82")));
        assertEquals(OptionalLong.of(2), table.of(PeerAddress.parse("127.0.0.1:83")));
    }

    /**
     * A node whose loop is held cannot read its socket: what is sent to it beyond the receive buffer
     * is dropped by the kernel and counted for that socket and no other; what was sent is then
     * exactly what the transport read plus what the kernel dropped.
     */
    @Test
    void aNodeWhoseLoopIsHeldCountsWhatTheKernelDropped() throws Exception {
        assumeTrue(KernelReceiveDrops.read().available(), "needs Linux's /proc/net/udp");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        GossipNode flooded = GossipNode.builder().bindEphemeral(loopback).seed(1).insecure().start();
        GossipNode quiet = GossipNode.builder().bindEphemeral(loopback).seed(2).insecure().start();
        try {
            assertEquals(OptionalLong.of(0), flooded.kernelReceiveDrops());
            int sent;
            try (SocketFlood.HeldLoop held = SocketFlood.holdLoop(flooded)) {
                sent = SocketFlood.overflow(flooded);
                long dropped = SocketFlood.awaitDrops(flooded);
                assertEquals(OptionalLong.of(0), quiet.kernelReceiveDrops(), "the other socket dropped nothing");
                assertTrue(dropped < sent, "the receive buffer held some");
            }
            // Every datagram is accounted for: read by the transport (and rejected) or dropped by the kernel.
            long[] last = new long[2];
            boolean balanced = LoopbackCluster.awaitCondition(() -> {
                last[0] = flooded.metrics().datagramsReceived();
                last[1] = flooded.kernelReceiveDrops().orElseThrow();
                return last[0] + last[1] == sent;
            }, Duration.ofSeconds(20));
            assertTrue(balanced, last[0] + " read and " + last[1] + " dropped of " + sent);
            assertEquals(OptionalLong.of(last[1]), KernelReceiveDrops.read().of(flooded.boundAddress()),
                    "one snapshot answers for any node");
        } finally {
            flooded.close();
            quiet.close();
        }
        assertFalse(flooded.kernelReceiveDrops().isPresent(), "a closed node's port may be another socket's");
    }

    /** A cluster sums its open nodes' counts; a crashed node's socket no longer counts. */
    @Test
    void aClusterSumsItsOpenNodes() throws Exception {
        assumeTrue(KernelReceiveDrops.read().available(), "needs Linux's /proc/net/udp");
        LoopbackCluster.Options options = new LoopbackCluster.Options(3, ProtocolConfig.defaults(), 1, 5, null);
        try (LoopbackCluster cluster = LoopbackCluster.start(options)) {
            assertEquals(OptionalLong.of(0), cluster.kernelReceiveDrops());
            try (SocketFlood.HeldLoop held = SocketFlood.holdLoop(cluster.node(0))) { // one loop for all three
                SocketFlood.overflow(cluster.node(1));
                long dropped = SocketFlood.awaitDrops(cluster.node(1));
                assertEquals(OptionalLong.of(dropped), cluster.kernelReceiveDrops());
            }
            cluster.crash(1);
            assertEquals(OptionalLong.of(0), cluster.kernelReceiveDrops(), "nodes 0 and 2 dropped nothing");
        }
    }
}
