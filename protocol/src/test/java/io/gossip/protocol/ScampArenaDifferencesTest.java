package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Walk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Edge inputs on which {@link ScampArena} once differed from {@link ScampNode} (nodes that never
 * joined; found by the lockstep driver of {@link ScampArenaEquivalenceTest} and fixed), and the one
 * documented difference that remains: the arena's 2^24 - 1 gossip hop cap.
 */
@Tag("comparison")
class ScampArenaDifferencesTest {
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().noHeartbeats().indirection(false).build();

    /**
     * Once differed: an ack reaching a node that never joined counts UNKNOWN_ACK on a ScampNode (its channel
     * finds nothing waiting) but NOT_MEMBER on the arena (it returned before looking at the type).
     * Reachable when a member acks a hostile message that claimed to come from a never-joined id.
     */
    @Test
    void anAckToANodeThatNeverJoinedIsCountedAsOnAScampNode() {
        ArenaLockstep lockstep = new ArenaLockstep(3, CONFIG, 1);
        lockstep.bootstrap(0, 0);
        lockstep.deliver(10, lockstep.packet(0, 2, new Ack(7)), false);
        assertEquals(1, lockstep.nodeCounters.snapshot().dropped(DropReason.UNKNOWN_ACK));
    }

    /**
     * Once differed: a timeout of a node that never joined is a no-op on a ScampNode but threw
     * NullPointerException in the arena (onTimeout reads records[node] unchecked). A driver that
     * wakes every node, or a wake-up delivered for a stale id, would crash the run instead of being
     * "harmless" as {@link Environment#wakeAt} promises for spurious wake-ups.
     */
    @Test
    void aTimeoutOfANodeThatNeverJoinedIsHarmless() {
        ArenaLockstep lockstep = new ArenaLockstep(3, CONFIG, 1);
        lockstep.bootstrap(0, 0);
        assertDoesNotThrow(() -> lockstep.timeout(10, 2, false));
    }

    /**
     * Both sides once delivered a node's own message to it (and sent it round again) when a copy
     * came back after its duplicate memory had pushed the message out; the origin's own message is a
     * duplicate whatever its memory holds.
     */
    @Test
    void anEchoOfItsOwnMessageAfterTheMemoryForgotItIsADuplicateOnBothSides() {
        ProtocolConfig tiny = CONFIG.toBuilder().duplicateMemoryCapacity(1).build();
        ArenaLockstep lockstep = new ArenaLockstep(3, tiny, 1);
        lockstep.bootstrap(0, 0);
        lockstep.join(0, 1, 0);
        lockstep.join(0, 2, 0);
        lockstep.broadcast(10, 1);
        lockstep.broadcast(10, 2);
        lockstep.deliver(20, lockstep.packet(0, 1, lockstep.gossip(1, 2)), false); // pushes message 0 out of 1
        long delivered = lockstep.arenaCounters.snapshot().delivered();
        lockstep.deliver(30, lockstep.packet(0, 1, lockstep.gossip(0, 2)), false); // 1's own message comes back
        assertEquals(delivered, lockstep.arenaCounters.snapshot().delivered(), "the origin delivered its own message");
        assertEquals(1, lockstep.arenaCounters.snapshot().duplicates());
    }

    /**
     * Both sides once ended a walk whose next step went unacknowledged without offering adoption,
     * and redirected a walk past the forward limit for as long as its neighbours stayed silent.
     */
    @Test
    void aWalkEndedByASilentNeighbourOffersAdoptionAndStopsAtTheForwardLimitOnBothSides() {
        ProtocolConfig config = CONFIG.toBuilder().indirection(true).maxAttempts(2).retransmitTimeoutMillis(10)
                .forwardLimit(3).build();
        ArenaLockstep lockstep = new ArenaLockstep(21, config, 1);
        lockstep.bootstrap(0, 0);
        for (int copy = 0; lockstep.arena.partialViewSize(0) < 2; copy++) { // 0 holds 11 and 12, never joined
            assertTrue(copy < 100, "node 0 never kept the copies");
            int subscriber = lockstep.arena.partialViewSize(0) == 0 ? 11 : 12;
            lockstep.deliver(0, lockstep.packet(10, 0, new ForwardedSubscription(0, subscriber, 0, 0)), false);
        }
        lockstep.deliver(0, lockstep.packet(10, 0, new Walk(3, 20, 50.0, 2, 0, 0)), false);
        for (long now = 10_000; now <= 2_000_000; now += 10_000) {
            lockstep.timeout(now, 0, false);
        }
        long adopts = lockstep.arenaCounters.snapshot().sentByType()[MessageType.ADOPT.ordinal()];
        assertTrue(adopts > 0, "the end of the walk offered adoption");
        lockstep.assertSameState();
    }

    /**
     * Once differed: the read-only views of a node that never joined throw NullPointerException in the arena
     * (partialView/inView read records[node] unchecked) where a ScampNode answers with empty arrays;
     * and a negative id throws ArrayIndexOutOfBoundsException from the size getters, while
     * isMember answers false. The end-of-run comparison of views has to skip such nodes.
     */
    @Test
    void theViewsOfANodeThatNeverJoinedAreEmpty() {
        ArenaLockstep lockstep = new ArenaLockstep(3, CONFIG, 1);
        lockstep.bootstrap(0, 0);
        assertEquals(0, lockstep.nodes[2].partialView().length);
        assertDoesNotThrow(() -> assertEquals(0, lockstep.arena.partialView(2).length));
        assertDoesNotThrow(() -> assertEquals(0, lockstep.arena.inView(2).length));
        assertDoesNotThrow(() -> assertEquals(0, lockstep.arena.partialViewSize(-1)));
    }

    /**
     * Documented: hop counts travel in 24 bits, so the arena stops forwarding at
     * {@link ScampArena#MAX_GOSSIP_HOPS} where a ScampNode only stops at {@code Integer.MAX_VALUE}.
     * Both deliver the message.
     */
    @Test
    void gossipAtTheArenasLargestHopCountIsDeliveredButNotForwarded() {
        ArenaLockstep lockstep = new ArenaLockstep(3, CONFIG, 1);
        lockstep.bootstrap(0, 0);
        lockstep.join(0, 1, 0);
        lockstep.broadcast(0, 1);
        lockstep.takeSent();
        int hops = ScampArena.MAX_GOSSIP_HOPS;
        Gossip g = lockstep.gossip(0, hops);
        lockstep.nodes[0].onMessage(1, 2, g);
        lockstep.arena.onMessage(1, 0, 2, MessageType.GOSSIP.ordinal(), 0, 0, hops);
        CounterSnapshot nodes = lockstep.nodeCounters.snapshot();
        CounterSnapshot arena = lockstep.arenaCounters.snapshot();
        assertEquals(1, nodes.delivered());
        assertEquals(1, arena.delivered());
        assertEquals(0, nodes.dropped(DropReason.GOSSIP_HOP_LIMIT), "a ScampNode forwards at 2^24 - 1 hops");
        assertEquals(1, arena.dropped(DropReason.GOSSIP_HOP_LIMIT), "the arena does not");
    }
}
