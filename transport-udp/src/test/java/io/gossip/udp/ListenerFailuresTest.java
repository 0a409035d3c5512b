package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import io.gossip.udp.cluster.LoopbackCluster;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What becomes of a delivery listener's mistakes: logged, thinned out, and never half-done calls. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ListenerFailuresTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private CapturedLog log;

    @BeforeEach
    void captureLog() {
        log = new CapturedLog("io.gossip.udp");
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private List<LogRecord> listenerWarnings() {
        return log.records().stream().filter(r -> r.getLevel() == Level.WARNING && r.getThrown() != null).toList();
    }

    private static GossipNodeBuilder node(long seed) {
        return GossipNode.builder().bindEphemeral(LOOPBACK).seed(seed).insecure();
    }

    @Test
    void aThrowingListenerIsLoggedWithItsExceptionTheFirstFiveTimesAndCounted() throws Exception {
        try (GossipNode origin = node(11).start();
             GossipNode relay = node(12).onDeliver((id, hops, payload) -> {
                 throw new IllegalStateException("application bug on message " + payload[0]);
             }).start()) {
            origin.bootstrap();
            relay.join(origin.address()).get(10, TimeUnit.SECONDS);
            assertTrue(LoopbackCluster.awaitCondition(() -> origin.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            MessageId firstId = origin.broadcast(new byte[] {0});
            for (int i = 1; i < 7; i++) {
                origin.broadcast(new byte[] {(byte) i});
            }
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> relay.metrics().dropped(TransportDropReason.LISTENER_FAILED) == 7, Duration.ofSeconds(10)));
            List<LogRecord> warnings = listenerWarnings();
            assertEquals(5, warnings.size(), "the first five of seven");
            LogRecord first = warnings.get(0);
            assertEquals("application bug on message 0", first.getThrown().getMessage());
            assertTrue(first.getMessage().startsWith("node " + relay.address() + ": the delivery listener threw on "
                    + "message " + firstId + " (failure 1 of this node"), first.getMessage());
        }
    }

    @Test
    void aListenerThrowingAnErrorIsCountedAndTheLoopAndItsNodesGoOn() throws Exception {
        // An assertion in a listener (a test's assertEquals, a Java assert) throws an Error, not a
        // RuntimeException: it escaped the listener guard and ended the loop thread, closing every node.
        try (EventLoop loop = EventLoop.start("listener-errors");
             GossipNode origin = node(15).eventLoop(loop).start();
             GossipNode relay = node(16).eventLoop(loop).onDeliver((id, hops, payload) -> {
                 throw new AssertionError("an assertion in the application failed on message " + payload[0]);
             }).start()) {
            origin.bootstrap();
            relay.join(origin.address()).get(10, TimeUnit.SECONDS);
            relay.reachable().get(10, TimeUnit.SECONDS);
            origin.broadcast(new byte[] {0});
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> !loop.isRunning() || relay.metrics().dropped(TransportDropReason.LISTENER_FAILED) == 1,
                    Duration.ofSeconds(10)));
            assertTrue(loop.isRunning(), "the listener's Error stopped the event loop");
            origin.broadcast(new byte[] {1});
            assertTrue(LoopbackCluster.awaitCondition(
                    () -> relay.metrics().dropped(TransportDropReason.LISTENER_FAILED) == 2, Duration.ofSeconds(10)));
            assertEquals(0, loop.errorCount());
            assertEquals("an assertion in the application failed on message 0",
                    listenerWarnings().get(0).getThrown().getMessage());
        }
    }

    @Test
    void afterTheFirstFiveOnlyPowersOfTenAreLogged() {
        ListenerFailureLog log = new ListenerFailureLog(PeerAddress.parse("127.0.0.1:9"));
        MessageId id = new MessageId(PeerAddress.parse("127.0.0.1:10"), 0);
        for (int i = 0; i < 1_000; i++) {
            log.failed(id, new IllegalStateException("bug"));
        }
        List<String> failureNumbers = listenerWarnings().stream()
                .map(r -> r.getMessage().replaceAll(".*\\(failure (\\d+) of this node.*", "$1")).toList();
        assertEquals(List.of("1", "2", "3", "4", "5", "10", "100", "1000"), failureNumbers);
    }

    @Test
    void aBlockingBroadcastFromAListenerThrowsAndSendsNothing() throws Exception {
        CompletableFuture<IllegalStateException> refused = new CompletableFuture<>();
        CompletableFuture<MessageId> sentAsync = new CompletableFuture<>();
        List<MessageId> deliveredAtOrigin = new CopyOnWriteArrayList<>();
        GossipNode[] relayHolder = new GossipNode[1];
        try (GossipNode origin = node(13).onDeliver((id, hops, payload) -> deliveredAtOrigin.add(id)).start();
             GossipNode relay = node(14).onDeliver((id, hops, payload) -> {
                 try {
                     relayHolder[0].broadcast(new byte[] {1});
                 } catch (IllegalStateException e) {
                     refused.complete(e);
                 }
                 relayHolder[0].broadcastAsync(new byte[] {2}).thenAccept(sentAsync::complete);
             }).start()) {
            relayHolder[0] = relay;
            origin.bootstrap();
            relay.join(origin.address()).get(10, TimeUnit.SECONDS);
            assertTrue(LoopbackCluster.awaitCondition(() -> origin.metrics().partialViewSize() == 1,
                    Duration.ofSeconds(10)));
            origin.broadcast(new byte[] {0});
            assertTrue(refused.get(10, TimeUnit.SECONDS).getMessage().contains("Async"));
            MessageId async = sentAsync.get(10, TimeUnit.SECONDS);
            assertEquals(2, relay.metrics().core().sent(MessageType.GOSSIP),
                    "the origin's message passed on and the asynchronous broadcast: the refused one never ran");
            assertTrue(LoopbackCluster.awaitCondition(() -> deliveredAtOrigin.contains(async), Duration.ofSeconds(10)));
            assertEquals(List.of(async), deliveredAtOrigin, "only the asynchronous broadcast went out");
        }
    }
}
