package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentMessageHoldersTest {
    private static final long AGE = 1_000;

    @Test
    void aBitProvesTheMessageHeldOnlyUntilTheAgeBoundAfterItsBroadcast() {
        RecentMessageHolders holders = new RecentMessageHolders(AGE);
        holders.open(0, 5_000, 100);
        assertFalse(holders.surelyHeld(0, 7, 5_000), "nobody holds a message before remembering it");
        holders.remembered(0, 7);
        assertTrue(holders.surelyHeld(0, 7, 5_000));
        assertTrue(holders.surelyHeld(0, 7, 5_000 + AGE - 1));
        // A node may have remembered it at the broadcast: from then on its memory may have let it go.
        assertFalse(holders.surelyHeld(0, 7, 5_000 + AGE));
        assertTrue(holders.mayHold(0, 7), "the hint ignores time");
        assertFalse(holders.surelyHeld(0, 8, 5_000), "only the node that remembered it");
        holders.forgotten(0, 7);
        assertFalse(holders.surelyHeld(0, 7, 5_000), "pushed out of the memory: ask the record");
        assertFalse(holders.mayHold(0, 7));
    }

    @Test
    void withoutAnAgeBoundABitHoldsUntilTheMessageIsPushedOut() {
        RecentMessageHolders holders = new RecentMessageHolders(0);
        holders.open(3, 0, 10);
        holders.remembered(3, 2);
        assertTrue(holders.surelyHeld(3, 2, Long.MAX_VALUE / 2));
    }

    @Test
    void onlyTheNewestSlotsMessagesHaveBitsAndReusedBitsStartClear() {
        RecentMessageHolders holders = new RecentMessageHolders(AGE);
        holders.open(1, 0, 64);
        holders.remembered(1, 5);
        int next = 1 + RecentMessageHolders.SLOTS; // takes message 1's slot
        holders.open(next, 10, 64);
        assertFalse(holders.surelyHeld(1, 5, 10), "message 1 is no longer tracked: the record answers");
        assertFalse(holders.surelyHeld(next, 5, 10), "the slot's bits were cleared for its new message");
        holders.remembered(1, 6); // about a message without bits: ignored
        assertFalse(holders.mayHold(1, 6));
        assertFalse(holders.surelyHeld(2, 5, 10), "a message never opened");
        assertFalse(holders.surelyHeld(-1, 5, 10), "nor a message -1, whose slot's 'none' it must not match");
        holders.remembered(-1, 5);
        assertFalse(holders.mayHold(-1, 5));
    }

    @Test
    void nodesBeyondTheSizeAtOpeningGrowTheBits() {
        RecentMessageHolders holders = new RecentMessageHolders(AGE);
        holders.open(0, 0, 10);
        assertFalse(holders.surelyHeld(0, 1_000, 0));
        holders.forgotten(0, 1_000); // beyond the bits: nothing to clear, no failure
        holders.remembered(0, 1_000);
        assertTrue(holders.surelyHeld(0, 1_000, 0));
        assertFalse(holders.surelyHeld(0, 999, 0));
    }

    @Test
    void aClearBitProvesTheMessageNotHeldAtAnyAgeButOnlyForTheNewestMessages() {
        RecentMessageHolders holders = new RecentMessageHolders(AGE);
        holders.open(4, 0, 64);
        assertTrue(holders.surelyNotHeld(4, 9), "opened, never remembered");
        holders.remembered(4, 9);
        assertFalse(holders.surelyNotHeld(4, 9));
        holders.forgotten(4, 9);
        assertTrue(holders.surelyNotHeld(4, 9), "pushed out for room");
        assertTrue(holders.surelyNotHeld(4, 1_000), "a node beyond the bits never remembered it");
        assertFalse(holders.surelyNotHeld(5, 9), "a message never opened: the record answers");
        holders.open(4 + RecentMessageHolders.SLOTS, 10, 64);
        assertFalse(holders.surelyNotHeld(4, 9), "its slot now tracks a newer message: the record answers");
        assertFalse(holders.surelyNotHeld(-1, 9));
    }
}
