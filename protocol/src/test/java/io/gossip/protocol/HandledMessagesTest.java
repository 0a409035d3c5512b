package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandledMessagesTest {
    @Test
    void remembersPairsAcrossGrowthAndWrapAroundUntilTheirExpiry() {
        HandledMessages handled = new HandledMessages();
        // Interleave adds and expiries so the ring wraps before it grows.
        for (int i = 0; i < 3; i++) {
            handled.add(1, i, 10 + i);
        }
        assertTrue(handled.contains(1, 0, 0));
        assertFalse(handled.contains(1, 0, 10), "expired at its horizon");
        for (int i = 3; i < 40; i++) {
            handled.add(2, i, 100 + i);
        }
        assertEquals(2 + 37, handled.size());
        assertTrue(handled.contains(1, 1, 10));
        assertTrue(handled.contains(1, 2, 10));
        for (int i = 3; i < 40; i++) {
            assertTrue(handled.contains(2, i, 11), "pair " + i);
        }
        assertFalse(handled.contains(1, 2, 12));
        assertFalse(handled.contains(1, 3, 12), "the same seq from another sender is a different pair");
        assertEquals(103, handled.nextExpiry());
    }

    @Test
    void pushesOutTheOldestPairBeyondCapacity() {
        HandledMessages handled = new HandledMessages();
        for (int i = 0; i < HandledMessages.CAPACITY + 5; i++) {
            handled.add(7, i, 1_000);
        }
        assertEquals(HandledMessages.CAPACITY, handled.size());
        for (int i = 0; i < 5; i++) {
            assertFalse(handled.contains(7, i, 0), "pushed out " + i);
        }
        for (int i = 5; i < HandledMessages.CAPACITY + 5; i++) {
            assertTrue(handled.contains(7, i, 0), "kept " + i);
        }
    }

    @Test
    void aBusyNodeStillIgnoresRetransmissionsWithinTheHorizon() {
        // At 30 % loss a relaying node handles hundreds of membership messages within the default
        // horizon (15.75 s) while acks of the first are still being lost: every retransmission of a
        // handled pair must still be recognised, or it is handled again as a new subscription copy.
        long horizon = ProtocolConfig.defaults().retransmitHorizonMicros();
        HandledMessages handled = new HandledMessages();
        for (int i = 0; i < 1_000; i++) {
            handled.add(100 + i % 37, i, i * 10_000L + horizon); // one every 10 ms
        }
        long now = 1_000 * 10_000L;
        for (int i = 0; i < 1_000; i++) {
            assertTrue(handled.contains(100 + i % 37, i, now), "pair " + i + " handled " + (now - i * 10_000L) + " µs ago");
        }
    }

    @Test
    void forgetsEverythingOnceThePairsExpire() {
        HandledMessages handled = new HandledMessages();
        handled.add(3, 1, 50);
        handled.add(3, 2, 60);
        handled.expire(60);
        assertEquals(0, handled.size());
        assertEquals(Long.MAX_VALUE, handled.nextExpiry());
        assertFalse(handled.contains(3, 2, 60));
        handled.add(3, 3, 70);
        assertTrue(handled.contains(3, 3, 69));
    }
}
