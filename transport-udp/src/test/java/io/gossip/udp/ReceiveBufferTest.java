package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node that asks for a larger receive buffer gets one, and the kernel drops less of a burst. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReceiveBufferTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void sizesOutsideTheRangeAreRefusedAtTheBuilder() {
        GossipNodeBuilder builder = GossipNode.builder();
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> builder.receiveBufferBytes(GossipNodeBuilder.MIN_RECEIVE_BUFFER_BYTES - 1));
        assertEquals("receiveBufferBytes must be in [1024, 1073741824], got 1023", small.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> builder.receiveBufferBytes(GossipNodeBuilder.MAX_RECEIVE_BUFFER_BYTES + 1));
    }

    @Test
    void aLargerBufferHoldsMoreOfABurstWhileTheLoopIsBusy() throws Exception {
        try (EventLoop loop = EventLoop.start("receive-buffer")) {
            GossipNode standard = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).insecure().start();
            GossipNode large = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).insecure()
                    .receiveBufferBytes(1 << 20).start();
            assertTrue(standard.receiveBufferBytes() > 0, "the default is read back too");
            assumeTrue(large.receiveBufferBytes() > standard.receiveBufferBytes(),
                    "this system grants no more than its default (" + standard.receiveBufferBytes() + " B)");
            assumeTrue(KernelReceiveDrops.read().available(), "needs Linux's /proc/net/udp to count drops");
            try (SocketFlood.HeldLoop held = SocketFlood.holdLoop(standard)) { // both nodes' loop
                SocketFlood.overflow(standard);
                SocketFlood.overflow(large);
                long droppedByStandard = SocketFlood.awaitDrops(standard);
                long droppedByLarge = SocketFlood.awaitDrops(large);
                assertTrue(droppedByLarge < droppedByStandard, "the larger buffer held more: it dropped "
                        + droppedByLarge + " of " + SocketFlood.DATAGRAMS + ", the default one " + droppedByStandard
                        + " (buffers of " + large.receiveBufferBytes() + " and " + standard.receiveBufferBytes()
                        + " B)");
            }
        }
    }
}
