package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Work handed to the loop from other threads must not starve its sockets and timers. A thread that
 * calls the blocking {@code broadcast} in a loop hands over its next task while the loop is still
 * running the previous one; a loop that ran every task it found before selecting again read no
 * datagram for as long as that went on, and the kernel dropped what overflowed the receive buffers
 * (4 nodes, 2,000 back-to-back broadcasts: about one delivery in five lost, none counted).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventLoopFairnessTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aSteadyStreamOfTasksStillLetsTheLoopReadItsSockets() throws Exception {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (EventLoop loop = EventLoop.start("fairness");
             GossipNode origin = GossipNode.builder().bindEphemeral(LOOPBACK).seed(1).insecure()
                     .eventLoop(loop).start();
             GossipNode receiver = GossipNode.builder().bindEphemeral(LOOPBACK).seed(2).insecure()
                     .eventLoop(loop).onDeliver((id, hops, payload) -> delivered.complete(null)).start()) {
            origin.bootstrap();
            receiver.join(origin.address()).get(10, TimeUnit.SECONDS);
            receiver.reachable().get(10, TimeUnit.SECONDS);
            // A task that hands the loop its successor as it runs: the queue is never empty, as with
            // a thread calling a blocking method back to back, but without depending on its timing.
            Runnable[] spinner = new Runnable[1];
            spinner[0] = () -> {
                if (!stop.get()) {
                    loop.execute(spinner[0]);
                }
            };
            loop.execute(() -> {
                origin.broadcastAsync(new byte[] {7});
                loop.execute(spinner[0]);
            });
            try {
                assertDoesNotThrow(() -> delivered.get(5, TimeUnit.SECONDS),
                        "the receiver read no datagram while tasks kept coming");
            } finally {
                stop.set(true);
            }
            assertTrue(receiver.metrics().datagramsReceived() > 0);
        }
    }
}
