package io.gossip.protocol;

import static io.gossip.protocol.ArenaFixtures.OUTSIDER;
import static io.gossip.protocol.ArenaFixtures.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SCAMP's subscription rules on a {@link ScampArena} node (PROTOCOL.md, "Subscription"), asserted
 * on what it sends and holds: the contact's copies, keeping with probability 1/(1 + |PartialView|),
 * passing a copy on, and the forward limit.
 */
class ArenaSubscriptionTest {
    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final int FORWARDED = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().c(2).noHeartbeats().indirection(false)
            .forwardLimit(5).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();
    private final ScampArena arena = ArenaFixtures.arena(CONFIG, env, counters, 3);

    private static List<Integer> receivers(List<Sent> sends) {
        return sends.stream().map(Sent::to).toList();
    }

    @Test
    void aJoiningNodeHoldsItsContactAndSendsItASubscribe() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        assertArrayEquals(new int[] {0}, arena.partialView(1));
        List<Sent> subscribes = env.sendsOf(MessageType.SUBSCRIBE);
        assertEquals(1, subscribes.size());
        assertEquals(0, subscribes.get(0).to());
        assertEquals(1, subscribes.get(0).from());
        assertTrue(subscribes.get(0).seq() > 0, "a membership message is acknowledged");
    }

    @Test
    void aContactWithAnEmptyPartialViewKeepsTheSubscriberWhichNotesTheContactInItsInView() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        env.deliverAll(arena, 0);
        assertArrayEquals(new int[] {1}, arena.partialView(0));
        assertArrayEquals(new int[] {1}, arena.inView(0), "the subscriber holds its contact");
        assertArrayEquals(new int[] {0}, arena.inView(1), "told by Keep");
        assertEquals(1, env.sendsOf(MessageType.KEEP, 0).size());
        assertEquals(0, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size());
        assertEquals(1, counters.snapshot().subscriptionsKept());
        assertEquals(0, arena.unacknowledgedCount(0));
        assertEquals(0, arena.unacknowledgedCount(1));
    }

    @Test
    void theContactSendsACopyToEveryMemberAndExactlyCExtraCopiesButDoesNotKeepTheSubscriber() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13, 14);
        env.clear();
        arena.onMessage(0, 0, 20, SUBSCRIBE, 1, 0, 0);
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(4 + CONFIG.c(), copies.size());
        assertEquals(List.of(11, 12, 13, 14), receivers(copies).subList(0, 4), "one to every member, in order");
        for (Sent copy : copies) {
            assertEquals(20, copy.subject());
            assertEquals(0, copy.hops());
            assertTrue(copy.seq() > 0);
            assertTrue(contains(arena.partialView(0), copy.to()), "extra copies go to members");
        }
        assertTrue(contains(arena.inView(0), 20), "the subscriber holds its contact");
        assertTrue(!contains(arena.partialView(0), 20), "the contact does not keep it");
        assertEquals(1, env.sendsOf(MessageType.ACK).size(), "the Subscribe is acknowledged");
    }

    @Test
    void theContactsCopiesNeverGoToTheSubscriberItself() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 20);
        env.clear();
        arena.onMessage(0, 0, 20, SUBSCRIBE, 1, 0, 0); // 20 re-subscribes through a node that holds it
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(1 + CONFIG.c(), copies.size());
        assertTrue(copies.stream().allMatch(s -> s.to() == 11), receivers(copies).toString());
    }

    @Test
    void aForwardedSubscriptionIsKeptWithProbabilityOneOverOnePlusThePartialViewSize() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13);
        env.clear();
        int trials = 4_000;
        int kept = 0;
        for (int id = 100; id < 100 + trials; id++) {
            arena.onMessage(0, 0, OUTSIDER, FORWARDED, 0, id, 0);
            Sent out = env.sent.get(env.sent.size() - 1);
            if (contains(arena.partialView(0), id)) {
                kept++;
                assertEquals(MessageType.KEEP, out.type());
                assertEquals(id, out.to(), "the keeper tells the subscriber");
                arena.onMessage(0, 0, id, MessageType.REMOVE.ordinal(), 0, 0, 0); // back to three members
            } else {
                assertEquals(MessageType.FORWARDED_SUBSCRIPTION, out.type());
                assertEquals(1, out.hops());
            }
            assertEquals(3, arena.partialViewSize(0));
        }
        double p = 1.0 / (1 + 3);
        assertEquals(trials * p, kept, 4 * Math.sqrt(trials * p * (1 - p)));
        assertEquals(kept, counters.snapshot().subscriptionsKept() - 3);
    }

    @Test
    void aCopyOfAHeldIdOrOfTheNodeItselfIsPassedOnOneHopFurtherNeverToItsSubscriber() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        for (int round = 0; round < 20; round++) {
            env.clear();
            arena.onMessage(0, 0, OUTSIDER, FORWARDED, 0, 11, 2);
            Sent on = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).get(0);
            assertEquals(12, on.to(), "never back to its own subscriber");
            assertEquals(11, on.subject());
            assertEquals(3, on.hops());
            env.clear();
            arena.onMessage(0, 0, OUTSIDER, FORWARDED, 0, 0, 1);
            assertEquals(1, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size(), "its own is passed on");
            assertEquals(2, env.sent.get(0).hops());
        }
        assertArrayEquals(new int[] {11, 12}, arena.partialView(0));
    }

    @Test
    void aCopyWithNoOtherMemberToGoToIsDroppedAndCounted() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11);
        env.clear();
        arena.onMessage(0, 0, OUTSIDER, FORWARDED, 0, 11, 0);
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().dropped(DropReason.NO_MEMBER_TO_FORWARD));
    }

    @Test
    void pastTheForwardLimitACopyIsDroppedAndCounted() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        env.clear();
        arena.onMessage(0, 0, OUTSIDER, FORWARDED, 0, 11, CONFIG.forwardLimit() - 1);
        assertEquals(CONFIG.forwardLimit(), env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).get(0).hops(),
                "the last hop allowed");
        env.clear();
        arena.onMessage(0, 0, OUTSIDER, FORWARDED, 0, 11, CONFIG.forwardLimit());
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().dropped(DropReason.FORWARD_LIMIT));
    }

    @Test
    void aKeepPutsItsSenderInTheInViewOnce() {
        arena.bootstrap(0, 0);
        arena.onMessage(0, 0, 7, KEEP, 3, 0, 0);
        arena.onMessage(0, 0, 7, KEEP, 3, 0, 0); // a retransmission: acked again, not handled again
        arena.onMessage(0, 0, 8, KEEP, 1, 0, 0);
        assertArrayEquals(new int[] {7, 8}, arena.inView(0));
        assertEquals(3, env.sendsOf(MessageType.ACK).size());
        assertEquals(1, counters.snapshot().dropped(DropReason.DUPLICATE_MEMBERSHIP));
    }

    @Test
    void aSubscriptionToANodeThatNeverJoinedIsDroppedUnacknowledged() {
        arena.bootstrap(0, 0);
        arena.onMessage(0, 5, 0, FORWARDED, 4, 9, 0);
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().dropped(DropReason.NOT_MEMBER));
        assertNotEquals(true, arena.isMember(5));
    }

    @Test
    void aResubscriptionThroughItsOnlyMemberSendsNoCopyAnywhere() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 20);
        env.clear();
        arena.onMessage(0, 0, 20, SUBSCRIBE, 1, 0, 0);
        assertEquals(List.of(MessageType.ACK), env.sent.stream().map(Sent::type).toList());
        assertArrayEquals(new int[] {20}, arena.partialView(0));
    }
}
