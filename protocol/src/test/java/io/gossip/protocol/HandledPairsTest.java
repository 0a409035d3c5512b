package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A node's memory of handled membership messages ({@link ReliableChannel#firstTime}): a
 * retransmission of a handled (sender, seq) pair is recognised for the whole retransmission
 * horizon, whatever the load, up to {@link ReliableChannel#HANDLED_CAPACITY} pairs.
 */
class HandledPairsTest {
    private static final ProtocolConfig CONFIG = ProtocolConfig.defaults();
    private static final long HORIZON = CONFIG.retransmitHorizonMicros();

    private static ReliableChannel channel() {
        return new ReliableChannel(1, CONFIG, new RecordingEnvironment(), new Counters());
    }

    @Test
    void aBusyNodeStillIgnoresRetransmissionsWithinTheHorizon() {
        // At 30 % loss a relaying node handles hundreds of membership messages within the default
        // horizon (15.75 s) while acks of the first are still being lost: every retransmission of a
        // handled pair must still be recognised, or it is handled again as a new subscription copy.
        ReliableChannel channel = channel();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(channel.firstTime(i * 10_000L, 100 + i % 37, i), "pair " + i); // one every 10 ms
        }
        long now = 1_000 * 10_000L;
        for (int i = 0; i < 1_000; i++) {
            assertFalse(channel.firstTime(now, 100 + i % 37, i),
                    "pair " + i + " handled " + (now - i * 10_000L) + " µs ago");
        }
        assertFalse(channel.firstTime(HORIZON - 1, 100, 0), "the first pair, just inside its horizon");
        assertTrue(channel.firstTime(HORIZON, 100, 0), "forgotten exactly at its horizon");
        assertTrue(channel.firstTime(HORIZON, 101, 0), "another sender's seq is another pair");
    }

    @Test
    void beyondCapacityTheOldestPairIsPushedOut() {
        ReliableChannel channel = channel();
        for (int seq = 1; seq <= ReliableChannel.HANDLED_CAPACITY + 5; seq++) {
            assertTrue(channel.firstTime(0, 7, seq));
        }
        assertTrue(channel.firstTime(0, 7, 1), "pushed out by the pairs past capacity: handled again");
        assertFalse(channel.firstTime(0, 7, 7), "the 7th is still remembered (the 6th made room for the 1st)");
        assertTrue(channel.firstTime(0, 7, 6), "the 6th was pushed out by the re-handled 1st");
        assertFalse(channel.firstTime(0, 7, ReliableChannel.HANDLED_CAPACITY + 5));
    }

    @Test
    void expiredPairsAreForgottenAndTheMemoryDropped() {
        ReliableChannel channel = channel();
        channel.firstTime(0, 3, 1);
        channel.firstTime(10, 3, 2);
        assertEquals(2, channel.prefetch(), "two pairs held");
        channel.forgetExpired(HORIZON);
        assertEquals(1, channel.prefetch(), "the first expired exactly at its horizon");
        channel.forgetExpired(HORIZON + 10);
        assertEquals(0, channel.prefetch(), "nothing held");
        assertTrue(channel.firstTime(HORIZON + 10, 3, 2), "forgotten: handled again");
    }
}
