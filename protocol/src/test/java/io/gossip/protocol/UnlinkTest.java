package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import org.junit.jupiter.api.Test;

/**
 * An {@code Unlink} tells a node that the sender no longer holds it, so it leaves the InView. Messages
 * between two nodes can be reordered (a retransmitted Keep arriving after the sender's later Unlink):
 * an Unlink that finds nothing to remove is remembered for the retransmission horizon, and a Keep or
 * Subscribe of the same sender with an older sequence number is then stale and ignored.
 */
class UnlinkTest {
    private final ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
            .retransmitTimeoutMillis(100).build();
    private final RecordingEnvironment env = new RecordingEnvironment();

    @Test
    void anUnlinkThatOvertookItsKeepCancelsIt() {
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        node.onMessage(0, 9, new Unlink(5));
        node.onMessage(10, 9, new Keep(4));
        assertFalse(node.inViewContains(9), "the stale Keep is not applied");
        assertEquals(1, node.counters().snapshot().dropped(DropReason.NONSENSICAL));

        node.onMessage(20, 9, new Keep(6));
        assertTrue(node.inViewContains(9), "a later Keep of the same sender is a new arc");
    }

    @Test
    void anUnlinkThatOvertookASubscribeCancelsIt() {
        ScampNode contact = NodeFixtures.member(0, config, env, 2);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        env.clear();
        contact.onMessage(0, 9, new Unlink(5));
        contact.onMessage(10, 9, new Subscribe(4, 0, 0));
        assertFalse(contact.inViewContains(9));
        assertTrue(env.sendsOf(ForwardedSubscription.class).isEmpty(), "the stale subscription is not forwarded");
        assertEquals(1, contact.counters().snapshot().dropped(DropReason.NONSENSICAL));
    }

    @Test
    void anUnlinkOfAnInNeighbourRemovesItAndLeavesNoTombstone() {
        ScampNode node = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInInView(node, 0, 9);
        node.onMessage(10, 9, new Unlink(5));
        assertFalse(node.inViewContains(9));
        node.onMessage(20, 9, new Keep(4)); // reordered after all, but the Unlink had something to undo
        assertTrue(node.inViewContains(9));
        assertEquals(0, node.counters().snapshot().dropped(DropReason.NONSENSICAL));
    }

    @Test
    void theTombstoneIsForgottenAfterTheRetransmitHorizon() {
        ScampNode node = NodeFixtures.member(0, config, env, 4);
        long horizon = config.retransmitHorizonMicros();
        node.onMessage(0, 9, new Unlink(5));
        node.onMessage(horizon - 1, 9, new Keep(4));
        assertFalse(node.inViewContains(9), "within the horizon");
        node.onMessage(horizon, 9, new Keep(3));
        assertTrue(node.inViewContains(9), "no stale Keep can arrive after the horizon");
    }

    @Test
    void withoutSequenceNumbersNothingIsRemembered() {
        ScampNode node = NodeFixtures.member(0, config.toBuilder().maxAttempts(1).build(), env, 5);
        node.onMessage(0, 9, new Unlink(0));
        node.onMessage(10, 9, new Keep(0));
        assertTrue(node.inViewContains(9), "order cannot be told without sequence numbers");
    }

    /** A remembered Unlink is forgotten at a timeout too, and then asks for no further wake-up. */
    @Test
    void anExpiredTombstoneAsksForNoMoreWakeUps() {
        ScampNode node = NodeFixtures.member(0, config, env, 6);
        long horizon = config.retransmitHorizonMicros();
        node.onMessage(0, 9, new Unlink(5));
        assertEquals(horizon, env.wakes.get(env.wakes.size() - 1), "woken when the tombstone may go");
        env.clear();
        node.onTimeout(horizon);
        node.onTimeout(horizon + 1);
        assertEquals(java.util.List.of(), env.wakes, "nothing left to wake up for");
    }

    /** Tombstones of several senders are each remembered (the store grows past its first four). */
    @Test
    void unlinksOfManySendersAreEachRemembered() {
        ScampNode node = NodeFixtures.member(0, config, env, 7);
        for (int sender = 10; sender < 20; sender++) {
            node.onMessage(0, sender, new Unlink(5));
        }
        for (int sender = 10; sender < 20; sender++) {
            node.onMessage(10, sender, new Keep(4));
        }
        assertEquals(0, node.inViewSize());
        assertEquals(10, node.counters().snapshot().dropped(DropReason.NONSENSICAL));
    }

    /**
     * A node that unlinks a node it kept stops retransmitting its Keep to it: a Keep arriving after
     * the Unlink would put the node back into the other's InView for an arc that no longer exists.
     */
    @Test
    void anUnlinkStopsTheRetransmissionOfAKeepToTheSameNode() {
        ProtocolConfig leased = config.toBuilder().leaseDurationMillis(10_000).build();
        ScampNode keeper = NodeFixtures.member(0, leased, env, 8);
        keeper.onMessage(0, 9, new ForwardedSubscription(0, 30, 0, 250)); // kept for 250 ms, Keep unanswered
        assertTrue(keeper.partialViewContains(30));
        long t = 0;
        while (keeper.partialViewContains(30)) {
            t += 10_000;
            keeper.onTimeout(t);
        }
        assertEquals(250_000, t, "the lease ran out");
        assertEquals(30, env.sent.get(env.sent.size() - 1).to(), "and the subscriber was told");
        assertTrue(env.sent.get(env.sent.size() - 1).message() instanceof Unlink);
        long keepsBefore = env.sendsOf(Keep.class).size();
        for (; t <= 20_000_000; t += 10_000) {
            keeper.onTimeout(t);
        }
        assertEquals(keepsBefore, env.sendsOf(Keep.class).size(), "no Keep after the Unlink");
    }
}
