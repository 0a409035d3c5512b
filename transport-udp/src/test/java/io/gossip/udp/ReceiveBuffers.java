package io.gossip.udp;

import java.io.IOException;
import java.net.InetAddress;

/** What this machine grants a socket that asks for a receive buffer: for tests of the commands that ask. */
public final class ReceiveBuffers {
    private ReceiveBuffers() {
    }

    /**
     * Starts a node on loopback that asks for {@code bytes}, reads the size granted and closes it.
     *
     * @param bytes the size asked for
     * @return the size granted, as {@link GossipNode#receiveBufferBytes()} reads it
     * @throws IOException if no socket opens
     */
    public static int granted(int bytes) throws IOException {
        GossipNode probe = GossipNode.builder().bindEphemeral(InetAddress.getLoopbackAddress()).insecure()
                .receiveBufferBytes(bytes).start();
        try {
            return probe.receiveBufferBytes();
        } finally {
            probe.close();
        }
    }
}
