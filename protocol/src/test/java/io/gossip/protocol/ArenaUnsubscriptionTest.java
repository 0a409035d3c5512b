package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graceful leaving on a {@link ScampArena} (PROTOCOL.md, "Unsubscription"; package-info, "Unlink"):
 * the leaver's Replace and Remove messages, what their receivers do, Unlink and the tombstone of an
 * Unlink that overtook its Keep, and how a node that left answers those who still send to it.
 */
class ArenaUnsubscriptionTest {
    private static final int REPLACE = MessageType.REPLACE.ordinal();
    private static final int REMOVE = MessageType.REMOVE.ordinal();
    private static final int UNLINK = MessageType.UNLINK.ordinal();
    private static final int KEEP = MessageType.KEEP.ordinal();
    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final int FORWARDED = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final int HEARTBEAT = MessageType.HEARTBEAT.ordinal();
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false)
            .retransmitTimeoutMillis(100).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();
    private final ScampArena arena = ArenaFixtures.arena(CONFIG, env, counters, 5);

    private long dropped(DropReason reason) {
        return counters.snapshot().dropped(reason);
    }

    /** Node 0, a member holding {@code partialView} and held by {@code inView}; nothing recorded yet. */
    private void member(int[] partialView, int[] inView) {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, partialView);
        ArenaFixtures.holdInInView(arena, 0, 0, inView);
        assertArrayEquals(partialView, arena.partialView(0));
        assertArrayEquals(inView, arena.inView(0));
        env.clear();
    }

    @Test
    void theLeaverReplacesItselfAtTheFirstInNeighboursRemovesItselfFromTheLastCPlusOneAndUnlinksItsOwn() {
        member(new int[] {11, 12}, new int[] {21, 22, 23, 24, 25});
        arena.leave(0, 0);
        // l = 2, l' = 5, c = 1: Replace(j(1 + (m-1) mod l)) to i1..i3, Remove to i4, i5.
        List<Sent> replaces = env.sendsOf(MessageType.REPLACE);
        assertEquals(List.of(21, 22, 23), replaces.stream().map(Sent::to).toList());
        assertEquals(List.of(11, 12, 11), replaces.stream().map(Sent::subject).toList());
        assertEquals(List.of(24, 25), env.sendsOf(MessageType.REMOVE).stream().map(Sent::to).toList());
        assertEquals(List.of(11, 12), env.sendsOf(MessageType.UNLINK).stream().map(Sent::to).toList());
        assertTrue(env.sent.stream().allMatch(s -> s.seq() > 0), "all acknowledged membership messages");
        assertTrue(arena.hasLeft(0));
        assertFalse(arena.isMember(0));
        assertEquals(0, arena.partialViewSize(0));
        assertEquals(0, arena.inViewSize(0));
        assertEquals(7, arena.unacknowledgedCount(0), "retransmitted until acknowledged");
    }

    @Test
    void withFewInNeighboursOrAnEmptyPartialViewEveryInNeighbourGetsRemove() {
        member(new int[] {11, 12}, new int[] {21, 22});
        arena.leave(0, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.REPLACE), "l' <= c + 1");
        assertEquals(List.of(21, 22), env.sendsOf(MessageType.REMOVE).stream().map(Sent::to).toList());
    }

    @Test
    void withAnEmptyPartialViewEveryInNeighbourGetsRemove() {
        member(new int[0], new int[] {21, 22, 23, 24});
        arena.leave(0, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.REPLACE), "l = 0");
        assertEquals(4, env.sendsOf(MessageType.REMOVE).size());
        assertEquals(List.of(), env.sendsOf(MessageType.UNLINK));
    }

    @Test
    void aReplaceSwapsTheLeaverForItsReplacementWhichIsToldByKeep() {
        member(new int[] {11, 12}, new int[0]);
        arena.onMessage(0, 0, 11, REPLACE, 4, 30, 0);
        assertArrayEquals(new int[] {12, 30}, arena.partialView(0));
        List<Sent> keeps = env.sendsOf(MessageType.KEEP);
        assertEquals(1, keeps.size());
        assertEquals(30, keeps.get(0).to());
        assertEquals(1, env.sendsOf(MessageType.ACK).size());
    }

    @Test
    void aReplaceNamingTheReceiverOrAMemberItHoldsOnlyRemovesTheLeaver() {
        member(new int[] {11, 12, 13}, new int[0]);
        arena.onMessage(0, 0, 11, REPLACE, 1, 0, 0); // names the receiver
        assertArrayEquals(new int[] {12, 13}, arena.partialView(0));
        arena.onMessage(0, 0, 12, REPLACE, 1, 13, 0); // names one it holds
        assertArrayEquals(new int[] {13}, arena.partialView(0));
        arena.onMessage(0, 0, 13, REPLACE, 1, 13, 0); // names the leaver itself
        assertArrayEquals(new int[0], arena.partialView(0));
        assertEquals(List.of(), env.sendsOf(MessageType.KEEP));
        assertEquals(0, dropped(DropReason.NONSENSICAL), "the unsubscription rule's own cases");
    }

    @Test
    void aReplaceOrRemoveFromANodeNotInThePartialViewIsDroppedAsNonsensical() {
        member(new int[] {11}, new int[0]);
        arena.onMessage(0, 0, 40, REPLACE, 1, 12, 0);
        arena.onMessage(0, 0, 40, REMOVE, 2, 0, 0);
        arena.onMessage(0, 0, 11, REPLACE, 3, NodeIds.NONE, 0); // no id: a Replace object cannot name it
        assertArrayEquals(new int[] {11}, arena.partialView(0));
        assertEquals(3, dropped(DropReason.NONSENSICAL));
        arena.onMessage(0, 0, 11, REMOVE, 4, 0, 0);
        assertArrayEquals(new int[0], arena.partialView(0));
        assertEquals(3, dropped(DropReason.NONSENSICAL));
    }

    @Test
    void anUnlinkTakesItsSenderOutOfTheInView() {
        member(new int[0], new int[] {21, 22});
        arena.onMessage(0, 0, 21, UNLINK, 3, 0, 0);
        assertArrayEquals(new int[] {22}, arena.inView(0));
        assertEquals(Long.MAX_VALUE, env.nextWake(), "nothing left to wait for");
    }

    @Test
    void anUnlinkThatOvertookItsKeepCancelsItUntilTheRetransmitHorizon() {
        arena.bootstrap(0, 0);
        long horizon = CONFIG.retransmitHorizonMicros();
        arena.onMessage(0, 0, 9, UNLINK, 5, 0, 0);
        assertEquals(horizon, env.nextWake(), "the tombstone is forgotten at the horizon");
        arena.onMessage(10, 0, 9, KEEP, 4, 0, 0);
        assertArrayEquals(new int[0], arena.inView(0), "the stale Keep is not applied");
        assertEquals(1, dropped(DropReason.NONSENSICAL));
        arena.onMessage(10, 0, 9, SUBSCRIBE, 3, 0, 0);
        assertArrayEquals(new int[0], arena.inView(0), "nor an older Subscribe");
        assertEquals(2, dropped(DropReason.NONSENSICAL));
        arena.onMessage(20, 0, 9, KEEP, 6, 0, 0);
        assertArrayEquals(new int[] {9}, arena.inView(0), "a newer Keep is");
        arena.onMessage(30, 0, 8, UNLINK, 5, 0, 0);
        arena.onTimeout(horizon + 30, 0);
        arena.onMessage(horizon + 40, 0, 8, KEEP, 4, 0, 0);
        assertArrayEquals(new int[] {9, 8}, arena.inView(0), "past the horizon no Keep can be a retransmission");
    }

    @Test
    void aNodeThatLeftAnswersALateSubscriptionWithAReplacementOrARemoveOncePerMessage() {
        member(new int[] {11}, new int[0]);
        arena.leave(0, 0);
        env.clear();
        arena.onMessage(0, 0, 40, FORWARDED, 7, 50, 0);
        arena.onMessage(0, 0, 40, FORWARDED, 7, 50, 0); // its retransmission
        List<Sent> answers = env.sent;
        assertEquals(1, answers.size(), "unacknowledged, answered once: " + answers);
        assertEquals(MessageType.REPLACE, answers.get(0).type());
        assertEquals(40, answers.get(0).to());
        assertEquals(11, answers.get(0).subject(), "a member of its former PartialView");
        env.clear();
        arena.onMessage(0, 0, 11, KEEP, 2, 0, 0);
        assertEquals(MessageType.REMOVE, env.sent.get(0).type(), "never a replacement by the sender itself");
        assertEquals(3, dropped(DropReason.NOT_MEMBER), "and nothing acknowledged");
        assertEquals(List.of(), env.sendsOf(MessageType.ACK));
    }

    @Test
    void aNodeThatLeftAnswersGossipAndHeartbeatsOncePerSenderAndNeverAnswersRemovalsOrUnlinks() {
        member(new int[0], new int[0]);
        arena.leave(0, 0);
        env.clear();
        arena.onMessage(0, 0, 40, GOSSIP, 0, 0, 1);
        arena.onMessage(0, 0, 40, HEARTBEAT, 0, 0, 0);
        arena.onMessage(0, 0, 41, HEARTBEAT, 0, 0, 0);
        assertEquals(List.of(40, 41), env.sent.stream().map(Sent::to).toList());
        assertTrue(env.sent.stream().allMatch(s -> s.type() == MessageType.REMOVE), "nobody to hand on");
        env.clear();
        for (int type : new int[] {REMOVE, UNLINK, REPLACE, MessageType.ADOPT.ordinal()}) {
            arena.onMessage(0, 0, 42, type, 9 + type, 11, 0);
        }
        assertEquals(List.of(), env.sent, "two departed nodes would answer each other for ever");
        assertEquals(7, dropped(DropReason.NOT_MEMBER));
    }

    @Test
    void aNodeThatLeftAnswersALateSubscribeOrWalkStepAndAnUnacknowledgedKeepOncePerSender() {
        member(new int[] {11}, new int[0]);
        arena.leave(0, 0);
        env.clear();
        arena.onMessage(0, 0, 40, SUBSCRIBE, 3, 0, 0);
        arena.onSubscription(0, 0, 41, MessageType.WALK.ordinal(), 3, 50, 1, 1.0, 0, 0);
        arena.onMessage(0, 0, 42, KEEP, 0, 0, 0);
        arena.onMessage(0, 0, 42, KEEP, 0, 0, 0); // unacknowledged: once per sender
        assertEquals(List.of(40, 41, 42), env.sent.stream().map(Sent::to).toList());
        assertTrue(env.sent.stream().allMatch(s -> s.type() == MessageType.REPLACE && s.subject() == 11));
    }

    @Test
    void aNodeThatLeftAnswersEachOfManySendersOnce() {
        member(new int[0], new int[0]);
        arena.leave(0, 0);
        env.clear();
        for (int round = 0; round < 2; round++) {
            for (int sender = 30; sender < 40; sender++) {
                arena.onMessage(0, 0, sender, HEARTBEAT, 0, 0, 0);
            }
        }
        assertEquals(10, env.sent.size(), "ten senders, each told once: " + env.sent);
        assertEquals(10, env.sent.stream().map(Sent::to).distinct().count());
    }

    @Test
    void aCopyOfGossipItHeldReachingANodeThatLeftIsAnsweredAsToANonMember() {
        arena.bootstrap(0, 0);
        arena.bootstrap(0, 1);
        int message = arena.broadcast(0, 1);
        arena.onMessage(0, 0, 1, GOSSIP, 0, message, 1);
        arena.leave(0, 0);
        env.clear();
        arena.onMessage(0, 0, 2, GOSSIP, 0, message, 2);
        assertEquals(0, counters.snapshot().duplicates(), "no member holds anything");
        assertEquals(1, dropped(DropReason.NOT_MEMBER));
        assertEquals(List.of(2), env.sendsOf(MessageType.REMOVE).stream().map(Sent::to).toList());
    }

    @Test
    void onlyANodeThatLeftHasLeft() {
        arena.bootstrap(0, 0);
        assertFalse(arena.hasLeft(0), "a member");
        assertFalse(arena.hasLeft(3), "never joined");
        assertFalse(arena.isMember(3));
        arena.leave(0, 0);
        assertTrue(arena.hasLeft(0));
    }

    @Test
    void tombstonesAreKeptForNodesBeyondTheFirstThousandAndForgottenAtTheirHorizon() {
        arena.bootstrap(0, 1_500);
        long horizon = CONFIG.retransmitHorizonMicros();
        arena.onMessage(0, 1_500, 9, UNLINK, 5, 0, 0);
        arena.onMessage(0, 1_500, 8, UNLINK, 7, 0, 0);
        arena.onMessage(10, 1_500, 9, KEEP, 4, 0, 0);
        arena.onMessage(10, 1_500, 8, KEEP, 6, 0, 0);
        assertArrayEquals(new int[0], arena.inView(1_500));
        assertEquals(2, dropped(DropReason.NONSENSICAL));
        assertEquals(horizon, env.wakeOf(1_500));
        env.wakeUp(arena, horizon, 1_500);
        assertEquals(Long.MAX_VALUE, env.wakeOf(1_500), "nothing left to wake for");
        arena.onMessage(horizon, 1_500, 9, KEEP, 3, 0, 0);
        assertArrayEquals(new int[] {9}, arena.inView(1_500));
    }

    @Test
    void aNodeThatLeftAnswersEveryNewMembershipMessageOfASenderButNotItsRetransmissions() {
        member(new int[] {11}, new int[0]);
        arena.leave(0, 0);
        env.clear();
        arena.onMessage(0, 0, 40, FORWARDED, 3, 50, 0);
        arena.onMessage(0, 0, 40, FORWARDED, 4, 51, 0);
        arena.onMessage(0, 0, 40, FORWARDED, 3, 50, 0);
        arena.onMessage(0, 0, 40, KEEP, 5, 0, 0);
        assertEquals(3, env.sendsOf(MessageType.REPLACE).size(), "three messages, one retransmission");
    }

    @Test
    void aLeaverAsksToBeWokenToRetransmitItsGoodbyes() {
        member(new int[0], new int[] {21, 22});
        assertEquals(Long.MAX_VALUE, env.wakeOf(0), "nothing awaited before");
        arena.leave(0, 0);
        assertEquals(CONFIG.retransmitTimeoutMillis() * 1_000, env.wakeOf(0));
    }

    @Test
    void tombstonesGrowPastTheFirstThousandNodes() {
        arena.bootstrap(0, 3);
        arena.bootstrap(0, 1_024);
        arena.onMessage(0, 3, 9, UNLINK, 5, 0, 0);
        arena.onMessage(0, 1_024, 9, UNLINK, 5, 0, 0);
        arena.onMessage(10, 3, 9, KEEP, 4, 0, 0);
        arena.onMessage(10, 1_024, 9, KEEP, 4, 0, 0);
        assertArrayEquals(new int[0], arena.inView(3));
        assertArrayEquals(new int[0], arena.inView(1_024));
        assertEquals(2, dropped(DropReason.NONSENSICAL));
    }
}
