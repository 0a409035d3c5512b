package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WakeupLaneTest {
    private static final long DELAY = 250_000;

    @Test
    void takesOnlyWakeupsOneDelayAhead() {
        WakeupLane lane = new WakeupLane(DELAY);
        assertFalse(lane.offer(1_000, 1_000 + DELAY - 1, 7));
        assertFalse(lane.offer(1_000, 1_000 + 2 * DELAY, 7));
        assertTrue(lane.offer(1_000, 1_000 + DELAY, 7));
        assertEquals(1, lane.size());
        assertEquals(1_000 + DELAY, lane.headTime());
        assertEquals(7, lane.headNode());
        assertEquals(1, lane.taken());
    }

    @Test
    void refusesAWakeupAtOrBeforeTheLatestMessageQueued() {
        WakeupLane lane = new WakeupLane(DELAY);
        lane.messageQueued(DELAY);
        assertFalse(lane.offer(0, DELAY, 1), "a message queued earlier arrives on the same microsecond");
        lane.messageQueued(10); // an earlier arrival does not lower what is remembered
        assertFalse(lane.offer(0, DELAY, 1));
        assertTrue(lane.offer(1, DELAY + 1, 1));
    }

    @Test
    void refusesAWakeupAtTheTimeOfAQueuedStepOrTimerUntilTheLaneIsPastIt() {
        WakeupLane lane = new WakeupLane(DELAY);
        lane.otherQueued(0, 2 * DELAY); // a timer two delays ahead, queued before any lane wakeup
        lane.otherQueued(0, DELAY / 2); // less than a delay ahead: no later offer can reach it
        assertTrue(lane.offer(DELAY / 2, DELAY / 2 + DELAY, 3));
        assertFalse(lane.offer(DELAY, 2 * DELAY, 4), "ties with the timer queued before it");
        assertFalse(lane.offer(DELAY, 2 * DELAY, 5), "and so does the next one at that time");
        assertTrue(lane.offer(DELAY + 1, 2 * DELAY + 1, 6), "past the timer's time");
        assertEquals(2, lane.size());
    }

    @Test
    void forgetsTimersTheClockHasPassedEvenWithoutOffers() {
        // Heartbeat-like timers a second ahead, for an hour, and never a wakeup one timeout ahead:
        // the lane must not remember them all.
        WakeupLane lane = new WakeupLane(DELAY);
        for (long now = 0; now < 3_600_000_000L; now += 10_000) {
            lane.otherQueued(now, now + 1_000_000);
        }
        assertTrue(lane.othersRemembered() <= 100, lane.othersRemembered() + " remembered");
        // Still refused at the time of one it remembers.
        long now = 3_600_000_000L;
        lane.otherQueued(now, now + DELAY);
        assertFalse(lane.offer(now, now + DELAY, 1));
    }

    @Test
    void keepsOrderAcrossGrowthAndWrapAround() {
        WakeupLane lane = new WakeupLane(DELAY);
        long now = 0;
        int next = 0;
        int expected = 0;
        // Interleave offers and pops so that the ring wraps around several times while it grows.
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 100 + 37 * round; i++) {
                assertTrue(lane.offer(now, now + DELAY, next++));
                now += 3;
            }
            for (int i = 0; i < 60 + 31 * round && !lane.isEmpty(); i++) {
                assertEquals(expected++, lane.headNode());
                long t = lane.headTime();
                lane.pop();
                assertTrue(lane.isEmpty() || lane.headTime() >= t);
            }
        }
        while (!lane.isEmpty()) {
            assertEquals(expected++, lane.headNode());
            lane.pop();
        }
        assertEquals(next, expected);
        assertEquals(next, lane.taken());
    }
}
