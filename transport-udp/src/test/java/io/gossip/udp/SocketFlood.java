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
     * Waits until the kernel has handled every datagram sent to {@code node}: its drop count is above
     * 0 and has not moved for 50 ms. Sending returns once the loopback device has the datagram,
     * which on a busy machine may hand it to the socket later.
     *
     * @param node a node flooded while its loop is held
     * @return the node's drop count then
     * @throws IllegalStateException if no drop was seen within 10 s, or the count kept moving
     */
    public static long awaitDrops(GossipNode node) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            long now = node.kernelReceiveDrops().orElseThrow();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
            if (now > 0 && unchanged >= 5) {
                return now;
            }
            Thread.sleep(10); // polling the kernel's table, which offers nothing to wait on
        }
        throw new IllegalStateException("no settled drop count within 10 s: last read " + last);
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
