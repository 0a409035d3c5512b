package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Subscribe;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private final ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).c(2).build();
    private final RecordingEnvironment env = new RecordingEnvironment();

    @Test
    void joiningNodeHoldsItsContactAndSubscribesThroughIt() {
        ScampNode node = new ScampNode(5, config, env, new SplittableRandom(1), new Counters());
        node.join(0, 7);
        assertArrayEquals(new int[] {7}, node.partialView());
        List<Sent> subscribes = env.sendsOf(Subscribe.class);
        assertEquals(1, subscribes.size());
        assertEquals(7, subscribes.get(0).to());
        assertFalse(((Subscribe) subscribes.get(0).message()).isRenewal());
    }

    @Test
    void contactForwardsToEveryMemberAndExactlyCExtraCopies() {
        ScampNode contact = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11, 12);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 0));

        List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
        assertEquals(3 + config.c(), copies.size(), "one copy per member plus c extra");
        for (int member : new int[] {10, 11, 12}) {
            assertTrue(copies.stream().anyMatch(s -> s.to() == member), "no copy for member " + member);
        }
        for (Sent s : copies) {
            ForwardedSubscription fs = (ForwardedSubscription) s.message();
            assertEquals(20, fs.subscriber());
            assertEquals(0, fs.hops());
        }
        assertTrue(contact.inViewContains(20), "the subscriber holds its contact");
        assertEquals(1, contact.inViewSize());
        assertFalse(contact.partialViewContains(20), "the contact does not keep the subscriber");
    }

    @Test
    void renewalSendsExactlyTheRequestedCopiesToDistinctMembers() {
        ScampNode contact = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11, 12, 13, 20);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 3));
        List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
        assertEquals(3, copies.size(), "no extra c copies for a renewal");
        assertEquals(3, copies.stream().map(Sent::to).distinct().count(), "distinct members");
        assertTrue(copies.stream().noneMatch(s -> s.to() == 20), "never to the subscriber");
    }

    @Test
    void renewalAskingForMoreCopiesThanMembersCoversEveryMemberFirst() {
        ScampNode contact = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 5));
        List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
        assertEquals(5, copies.size());
        assertEquals(java.util.Set.of(10, 11),
                copies.stream().map(Sent::to).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void renewalAskingForMoreCopiesThanTheForwardLimitIsClampedAndCounted() {
        ProtocolConfig limited = config.toBuilder().forwardLimit(7).build();
        ScampNode contact = NodeFixtures.member(0, limited, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11, 12);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 65_535));
        assertEquals(7, env.sendsOf(ForwardedSubscription.class).size(), "one datagram must not become 65,535");
        assertEquals(1, contact.counters().snapshot().dropped(DropReason.RENEWAL_COPIES_CLAMPED));
    }

    @Test
    void contactWithEmptyPartialViewKeepsTheSubscriberItself() {
        ScampNode contact = NodeFixtures.member(0, config, env, 3);
        contact.onMessage(0, 20, new Subscribe(1, 0, 0));
        assertArrayEquals(new int[] {20}, contact.partialView());
        List<Sent> keeps = env.sendsOf(Keep.class);
        assertEquals(1, keeps.size());
        assertEquals(20, keeps.get(0).to());
    }

    @Test
    void keepsForwardedSubscriptionWithProbabilityOneOverViewSizePlusOne() {
        int trials = 4_000;
        int kept = 0;
        for (int trial = 0; trial < trials; trial++) {
            RecordingEnvironment e = new RecordingEnvironment();
            ScampNode node = NodeFixtures.member(0, config, e, trial);
            NodeFixtures.holdInPartialView(node, 0, 1, 2, 3, 4);
            node.onMessage(0, 9, new ForwardedSubscription(0, 99, 0, 0));
            if (node.partialViewContains(99)) {
                kept++;
            }
        }
        double rate = kept / (double) trials;
        // p = 1/5; binomial standard deviation sqrt(p(1-p)/n) ≈ 0.0063: allow 4 of them.
        assertEquals(0.2, rate, 0.026, "keep rate with |PartialView| = 4");
    }

    @Test
    void copyOfAlreadyHeldSubscriberIsPassedOnToAnotherMember() {
        ScampNode node = NodeFixtures.member(0, config, env, 4);
        NodeFixtures.holdInPartialView(node, 0, 1, 2, 3);
        for (int i = 0; i < 50; i++) {
            env.clear();
            node.onMessage(0, 9, new ForwardedSubscription(0, 2, 7, 0));
            List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
            assertEquals(1, copies.size());
            assertNotEquals(2, copies.get(0).to(), "never passed back to its own subscriber");
            assertEquals(8, ((ForwardedSubscription) copies.get(0).message()).hops());
        }
        assertEquals(3, node.partialViewSize());
    }

    @Test
    void nodeNeverKeepsItsOwnSubscription() {
        ScampNode node = NodeFixtures.member(0, config, env, 5);
        NodeFixtures.holdInPartialView(node, 0, 1);
        for (int i = 0; i < 50; i++) {
            node.onMessage(0, 9, new ForwardedSubscription(0, 0, 0, 0));
        }
        assertFalse(node.partialViewContains(0));
    }

    @Test
    void copyWithTheLargestHopCountIsDroppedAtTheForwardLimitInsteadOfOverflowing() {
        ScampNode node = NodeFixtures.member(0, config, env, 6);
        NodeFixtures.holdInPartialView(node, 0, 1, 2);
        env.clear();
        node.onMessage(0, 9, new ForwardedSubscription(0, 1, Integer.MAX_VALUE, 0));
        assertTrue(env.sendsOf(ForwardedSubscription.class).isEmpty());
        assertEquals(1, node.counters().snapshot().dropped(DropReason.FORWARD_LIMIT));
    }

    @Test
    void copyPastTheForwardLimitIsDroppedAndCounted() {
        ProtocolConfig limited = config.toBuilder().forwardLimit(5).build();
        ScampNode node = NodeFixtures.member(0, limited, env, 6);
        NodeFixtures.holdInPartialView(node, 0, 1, 2);
        env.clear();
        node.onMessage(0, 9, new ForwardedSubscription(0, 1, 5, 0));
        assertTrue(env.sendsOf(ForwardedSubscription.class).isEmpty());
        assertEquals(1, node.counters().snapshot().dropped(DropReason.FORWARD_LIMIT));
    }

    @Test
    void keeperTellsTheSubscriberWhichAddsItToItsInView() {
        ScampNode keeper = NodeFixtures.member(0, config, env, 7);
        keeper.onMessage(0, 9, new ForwardedSubscription(0, 30, 0, 0));
        assertTrue(keeper.partialViewContains(30), "an empty view keeps with probability 1");
        Sent keep = env.sendsOf(Keep.class).get(0);
        assertEquals(30, keep.to());

        RecordingEnvironment subscriberEnv = new RecordingEnvironment();
        ScampNode subscriber = new ScampNode(30, config, subscriberEnv, new SplittableRandom(1), new Counters());
        subscriber.join(0, 9);
        subscriber.onMessage(0, 0, keep.message());
        assertTrue(subscriber.inViewContains(0));
    }

    /** A copy arriving after forwardLimit − 1 hops may still travel its last hop; one more is dropped. */
    @Test
    void aCopyTravelsExactlyForwardLimitHops() {
        ProtocolConfig limited = config.toBuilder().forwardLimit(5).build();
        ScampNode node = NodeFixtures.member(0, limited, env, 6);
        NodeFixtures.holdInPartialView(node, 0, 1, 2);
        env.clear();
        node.onMessage(0, 9, new ForwardedSubscription(0, 1, 4, 0));
        List<ForwardedSubscription> passed = env.sentOf(ForwardedSubscription.class);
        assertEquals(1, passed.size());
        assertEquals(5, passed.get(0).hops());
        assertEquals(0, node.counters().snapshot().dropped(DropReason.FORWARD_LIMIT));
    }

    @Test
    void aRenewalAskingForExactlyTheForwardLimitIsNotClamped() {
        ProtocolConfig limited = config.toBuilder().forwardLimit(7).build();
        ScampNode contact = NodeFixtures.member(0, limited, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11, 12);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 7));
        assertEquals(7, env.sendsOf(ForwardedSubscription.class).size());
        assertEquals(0, contact.counters().snapshot().dropped(DropReason.RENEWAL_COPIES_CLAMPED));
    }

    /** Wherever the subscriber sits in the contact's PartialView, a renewal sends it no copy of itself. */
    @Test
    void aRenewalNeverSendsTheSubscriberACopyOfItself() {
        ScampNode contact = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 20, 10, 11, 12, 13);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 5));
        List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
        assertEquals(5, copies.size());
        assertTrue(copies.stream().noneMatch(s -> s.to() == 20), "never to the subscriber");
        assertEquals(java.util.Set.of(10, 11, 12, 13),
                copies.stream().map(Sent::to).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * A contact whose only member is the subscriber has nobody to forward to and already holds it:
     * it sends nothing (neither a copy to the subscriber nor one to no one) and keeps nothing new.
     */
    @Test
    void aContactWhoseOnlyMemberIsTheSubscriberSendsNothing() {
        ScampNode contact = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInPartialView(contact, 0, 20);
        NodeFixtures.acknowledgeEverything(contact, env, 0);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 0));
        assertTrue(env.sendsOf(ForwardedSubscription.class).isEmpty());
        assertTrue(env.sendsOf(Keep.class).isEmpty());
        assertArrayEquals(new int[] {20}, contact.partialView());
    }

    /** A copy of a subscriber the node holds, with no other member to pass it to, is dropped and counted. */
    @Test
    void aCopyWithNoOtherMemberToGoToIsDroppedAndCounted() {
        ScampNode node = NodeFixtures.member(0, config, env, 6);
        NodeFixtures.holdInPartialView(node, 0, 1);
        env.clear();
        node.onMessage(0, 9, new ForwardedSubscription(0, 1, 0, 0));
        assertTrue(env.sendsOf(ForwardedSubscription.class).isEmpty());
        assertEquals(1, node.counters().snapshot().dropped(DropReason.NO_MEMBER_TO_FORWARD));
        assertArrayEquals(new int[] {1}, node.partialView());
    }

    @Test
    void aKeptCopyIsCounted() {
        ScampNode keeper = NodeFixtures.member(0, config, env, 7);
        keeper.onMessage(0, 9, new ForwardedSubscription(0, 30, 0, 0));
        keeper.onMessage(0, 9, new ForwardedSubscription(0, 31, 0, 0)); // kept or passed on to 30
        assertEquals(keeper.partialViewSize(), keeper.counters().snapshot().subscriptionsKept());
    }
}
