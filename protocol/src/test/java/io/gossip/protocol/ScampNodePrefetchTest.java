package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ScampNode#prefetch} only reads: two groups run the same seeded joins, losses, timers and
 * broadcasts, one of them prefetching every node after every message, and end up identical.
 */
class ScampNodePrefetchTest {
    private static final ProtocolConfig CONFIG = ProtocolConfig.defaults().toBuilder()
            .leaseDurationMillis(20_000).build();

    private static InMemoryGroup run(boolean prefetching) {
        InMemoryGroup group = new InMemoryGroup(64, CONFIG, 11);
        group.loseMessages(0.1, 12);
        if (prefetching) {
            group.afterEachMessage(receiver -> group.nodes().forEach(ScampNode::prefetch));
        }
        group.growTo(40);
        group.runUntil(30_000_000);
        for (int i = 0; i < 5; i++) {
            group.node(group.randomLiveMember()).broadcast(group.now(), new byte[] {(byte) i});
            group.runUntil(group.now() + 1_000_000);
        }
        return group;
    }

    @Test
    void prefetchingEveryNodeAfterEveryMessageChangesNothing() {
        InMemoryGroup plain = run(false);
        InMemoryGroup prefetched = run(true);
        assertTrue(plain.messagesDelivered() > 5_000, "too little traffic: " + plain.messagesDelivered());
        assertEquals(plain.messagesDelivered(), prefetched.messagesDelivered());
        CounterSnapshot a0 = plain.counters().snapshot();
        CounterSnapshot b0 = prefetched.counters().snapshot();
        assertArrayEquals(a0.sentByType(), b0.sentByType());
        assertArrayEquals(a0.receivedByType(), b0.receivedByType());
        assertArrayEquals(a0.droppedByReason(), b0.droppedByReason());
        assertEquals(a0.delivered(), b0.delivered());
        assertEquals(a0.duplicates(), b0.duplicates());
        assertEquals(a0.retransmissions(), b0.retransmissions());
        assertEquals(a0.leaseRenewals(), b0.leaseRenewals());
        assertTrue(a0.retransmissions() > 0 && a0.leaseRenewals() > 0, "loss and leases were not exercised");
        for (int id = 0; id < plain.size(); id++) {
            ScampNode a = plain.node(id);
            ScampNode b = prefetched.node(id);
            assertArrayEquals(a.partialView(), b.partialView(), "PartialView of " + id);
            assertArrayEquals(a.inView(), b.inView(), "InView of " + id);
            assertEquals(a.unacknowledgedCount(), b.unacknowledgedCount(), "unacknowledged of " + id);
            assertEquals(plain.deliveriesOf(id).size(), prefetched.deliveriesOf(id).size(), "deliveries of " + id);
        }
    }
}
