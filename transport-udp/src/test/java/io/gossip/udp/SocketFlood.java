package io.gossip.udp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the kernel drop datagrams at a node's socket, for tests of the counts that see it (here and
 * in the simulator's, through the test-jar): hold the node's event loop so nothing reads the socket,
 * then send it more than its receive buffer holds.
 */
public final class SocketFlood {
    /**
     * Datagrams {@link #overflow} sends: 30 MB in 60 KB datagrams, far beyond any default receive
     * buffer, in fewer datagrams than the loopback device queues before handing them to sockets
     * (1,000 by default), so that only the socket drops any.
     */
    public static final int DATAGRAMS = 500;

    private SocketFlood() {
    }

    /** A held event loop: it runs nothing else until {@link #close()}. */
    public static final class HeldLoop implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Boolean> task;

        private HeldLoop(EventLoop loop) {
            task = loop.submit(() -> release.await(30, TimeUnit.SECONDS));
        }

        /** Lets the loop go on, and waits until it has. */
        @Override
        public void close() throws InterruptedException, ExecutionException, TimeoutException {
            release.countDown();
            task.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Holds the loop {@code node} runs on (and every other node on it) for at most 30 s.
     *
     * @param node a node on the loop to hold
     * @return the hold, to close when done
     */
    public static HeldLoop holdLoop(GossipNode node) {
        return new HeldLoop(node.eventLoop());
    }

    /**
     * Sends {@link #DATAGRAMS} datagrams of junk to {@code node}'s socket.
     *
     * @param node the node to flood, whose loop should be held
     * @return the datagrams sent
     * @throws IOException if the sending socket fails
     */
    public static int overflow(GossipNode node) throws IOException {
        try (DatagramChannel sender = DatagramChannel.open()) {
            ByteBuffer junk = ByteBuffer.allocate(60_000);
            for (int i = 0; i < DATAGRAMS; i++) {
                junk.clear();
                sender.send(junk, node.boundAddress().toSocketAddress());
            }
        }
        return DATAGRAMS;
    }
}
