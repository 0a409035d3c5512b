package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.gossip.protocol.message.MessageType;
import org.junit.jupiter.api.Test;

class CounterSnapshotTest {
    private static Counters someCounts() {
        Counters counters = new Counters();
        counters.sent(MessageType.SUBSCRIBE, 1);
        counters.sent(MessageType.ACK, 2);
        counters.received(MessageType.ACK);
        counters.dropped(DropReason.UNKNOWN_ACK);
        counters.delivered();
        counters.retransmission();
        return counters;
    }

    @Test
    void printsEachCountByNameAndOnlyTheNonZeroKinds() {
        assertEquals("CounterSnapshot[sent={SUBSCRIBE=1, ACK=2}, received={ACK=1}, dropped={UNKNOWN_ACK=1}, "
                + "delivered=1, duplicates=0, retransmissions=1, subscriptionsKept=0, isolationRecoveries=0, "
                + "leaseRenewals=0, leaseExpiries=0]", someCounts().snapshot().toString());
        assertEquals("CounterSnapshot[sent={}, received={}, dropped={}, delivered=0, duplicates=0, retransmissions=0, "
                + "subscriptionsKept=0, isolationRecoveries=0, leaseRenewals=0, leaseExpiries=0]",
                new Counters().snapshot().toString());
    }

    @Test
    void snapshotsWithTheSameCountsAreEqual() {
        CounterSnapshot one = someCounts().snapshot();
        CounterSnapshot other = someCounts().snapshot();
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        Counters more = someCounts();
        more.dropped(DropReason.UNKNOWN_ACK);
        assertNotEquals(one, more.snapshot());
    }
}
