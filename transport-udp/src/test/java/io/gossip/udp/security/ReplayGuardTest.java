package io.gossip.udp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gossip.udp.TransportDropReason;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long SKEW = 30_000;
    /** When the guards below started: before every timestamp they see, unless a test says otherwise. */
    private static final long STARTED = NOW - SKEW;

    @Test
    void acceptsEachSequenceNumberOnceEvenOutOfOrderWithinTheWindow() {
        ReplayGuard guard = new ReplayGuard(SKEW, 16, STARTED);
        assertNull(guard.accept(7, 10, NOW, NOW));
        assertNull(guard.accept(7, 3, NOW, NOW));
        assertNull(guard.accept(7, 200, NOW, NOW));
        assertNull(guard.accept(7, 11, NOW, NOW));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(7, 10, NOW, NOW));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(7, 3, NOW, NOW));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(7, 200, NOW, NOW));
        assertNull(guard.accept(8, 10, NOW, NOW), "another stream has its own window");
    }

    @Test
    void refusesSequenceNumbersOlderThanTheWindowAndTimestampsOutsideTheSkew() {
        ReplayGuard guard = new ReplayGuard(SKEW, 16, STARTED);
        assertNull(guard.accept(1, 1_000, NOW, NOW));
        assertNull(guard.accept(1, 1_000 - ReplayGuard.WINDOW + 1, NOW, NOW));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(1, 1_000 - ReplayGuard.WINDOW, NOW, NOW));
        assertEquals(TransportDropReason.STALE, guard.accept(2, 1, NOW - SKEW - 1, NOW));
        assertEquals(TransportDropReason.STALE, guard.accept(2, 1, NOW + SKEW + 1, NOW));
        assertNull(guard.accept(2, 1, NOW - SKEW, NOW));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(2, 0, NOW, NOW));
    }

    @Test
    void refusesUnknownStreamsSentBeforeItStartedAndAcceptsThemAfter() {
        ReplayGuard guard = new ReplayGuard(SKEW, 16, NOW);
        assertEquals(TransportDropReason.REPLAYED, guard.accept(4, 9, NOW - 1, NOW + 5),
                "sent before a restart: it may have been accepted by the node's previous run");
        assertNull(guard.accept(4, 10, NOW, NOW + 5));
        assertNull(guard.accept(4, 8, NOW - 1, NOW + 5), "a known stream's window decides, not the start");
    }

    @Test
    void aTimestampHalfTheClockRangeAwayIsStaleNotAnOverflowIntoTheWindow() {
        ReplayGuard guard = new ReplayGuard(SKEW, 16, STARTED);
        assertEquals(TransportDropReason.STALE, guard.accept(3, 1, NOW + Long.MIN_VALUE, NOW));
        assertEquals(TransportDropReason.STALE, guard.accept(3, 1, Long.MAX_VALUE, NOW));
        assertEquals(TransportDropReason.STALE, guard.accept(3, 1, Long.MIN_VALUE + 1, NOW));
    }

    @Test
    void aSeededRandomOrderOfDistinctSequenceNumbersIsAllAcceptedAndAllRefusedTheSecondTime() {
        SplittableRandom random = new SplittableRandom(99);
        long[] seqs = new long[ReplayGuard.WINDOW];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = i + 1;
        }
        for (int i = seqs.length - 1; i > 0; i--) { // shuffle within one window: every order is legal
            int j = random.nextInt(i + 1);
            long t = seqs[i];
            seqs[i] = seqs[j];
            seqs[j] = t;
        }
        ReplayGuard guard = new ReplayGuard(SKEW, 4, STARTED);
        for (long seq : seqs) {
            assertNull(guard.accept(5, seq, NOW, NOW), "seq " + seq);
        }
        for (long seq : seqs) {
            assertEquals(TransportDropReason.REPLAYED, guard.accept(5, seq, NOW, NOW), "seq " + seq);
        }
    }

    @Test
    void forgetsStreamsWhoseDatagramsHaveAllGoneStaleAndRaisesAFloorWhenFullOfLiveOnes() {
        ReplayGuard guard = new ReplayGuard(SKEW, 2, STARTED);
        assertNull(guard.accept(1, 1, NOW, NOW));
        assertNull(guard.accept(2, 1, NOW + 10, NOW + 10));
        long later = NOW + SKEW + 5; // stream 1 is stale now, stream 2 is not
        assertNull(guard.accept(3, 1, later, later));
        assertEquals(2, guard.size());
        assertEquals(TransportDropReason.STALE, guard.accept(1, 1, NOW, later),
                "an evicted stale stream stays refused");
        // full of live streams: the one with the oldest timestamp (stream 2) goes, its time becomes a floor
        assertNull(guard.accept(4, 1, later + 1, later + 1));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(2, 1, NOW + 10, later + 1));
        assertEquals(TransportDropReason.REPLAYED, guard.accept(9, 1, NOW + 10, later + 1),
                "an unknown stream no newer than the floor cannot be proved fresh");
        assertNull(guard.accept(9, 1, NOW + 11, later + 1));
    }
}
