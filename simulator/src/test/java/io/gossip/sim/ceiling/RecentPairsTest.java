package io.gossip.sim.ceiling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentPairsTest {
    /** A large c hands many more subscriptions in one horizon than the first table holds: it grows. */
    @Test
    void remembersMoreTriplesThanItsFirstTableHolds() {
        RecentPairs pairs = new RecentPairs(1_000_000, 4); // 16 slots, half full at 8
        for (int seq = 0; seq < 1_000; seq++) {
            assertTrue(pairs.firstTime(10, seq % 7, seq % 13, seq), "seq " + seq);
        }
        for (int seq = 0; seq < 1_000; seq++) {
            assertFalse(pairs.firstTime(20, seq % 7, seq % 13, seq), "seq " + seq + " is a retransmission");
        }
    }

    @Test
    void remembersATripleForAtLeastOneHorizonAndForgetsItAfterTwo() {
        RecentPairs pairs = new RecentPairs(100, 4);
        for (int seq = 0; seq < 50; seq++) {
            assertTrue(pairs.firstTime(10, 1, 2, seq));
        }
        // Rotated at 100 (into the grown table's size): still remembered in the older table.
        assertTrue(pairs.firstTime(100, 3, 4, 0));
        for (int seq = 0; seq < 50; seq++) {
            assertFalse(pairs.firstTime(150, 1, 2, seq));
        }
        // Rotated again at 200: the first horizon's triples are gone.
        assertTrue(pairs.firstTime(200, 1, 2, 0));
    }
}
