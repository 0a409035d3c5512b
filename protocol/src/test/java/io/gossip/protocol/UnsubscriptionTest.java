package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnsubscriptionTest {
    private final RecordingEnvironment env = new RecordingEnvironment();

    /**
     * PartialView j1..jl = ids 100.., InView i1..il' = ids 200..: in-neighbour i(m), m = 1..l'−c−1,
     * gets Replace(j(1 + (m−1) mod l)); the last c+1 get Remove; with l' ≤ c+1 or l = 0, all Remove.
     */
    @ParameterizedTest(name = "l={0}, l''={1}, c={2}")
    @CsvSource({"3, 5, 1", "2, 6, 1", "4, 4, 0", "3, 2, 1", "3, 3, 2", "0, 3, 0", "1, 7, 2", "5, 1, 0"})
    void leavingNodeSendsExactlyThePapersReplaceAndRemoveMessages(int l, int lIn, int c) {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).c(c).build();
        ScampNode leaver = NodeFixtures.member(0, config, env, 11);
        int[] pv = IntStream.range(100, 100 + l).toArray();
        int[] in = IntStream.range(200, 200 + lIn).toArray();
        NodeFixtures.holdInPartialView(leaver, 0, pv);
        NodeFixtures.holdInInView(leaver, 0, in);
        assertArrayEquals(pv, leaver.partialView());
        env.clear();

        leaver.leave(0);

        int replaces = (l == 0 || lIn <= c + 1) ? 0 : lIn - c - 1;
        List<String> expected = new ArrayList<>();
        for (int m = 1; m <= lIn; m++) {
            if (m <= replaces) {
                expected.add("Replace " + in[m - 1] + " -> " + pv[(m - 1) % l]);
            } else {
                expected.add("Remove " + in[m - 1]);
            }
        }
        for (int j : pv) {
            expected.add("Unlink " + j);
        }
        List<String> actual = new ArrayList<>();
        for (Sent s : env.sent) {
            if (s.message() instanceof Replace r) {
                actual.add("Replace " + s.to() + " -> " + r.replacement());
            } else if (s.message() instanceof Remove) {
                actual.add("Remove " + s.to());
            } else if (s.message() instanceof Unlink) {
                actual.add("Unlink " + s.to());
            }
        }
        assertEquals(expected, actual);
        assertTrue(leaver.hasLeft());
        assertEquals(0, leaver.partialViewSize());
        assertEquals(0, leaver.inViewSize());
    }

    /** The plan as a count: never negative, whatever the InView's size against c + 1. */
    @ParameterizedTest(name = "l={0}, l''={1}, c={2}")
    @CsvSource({"3, 0, 0", "3, 1, 1", "3, 2, 2", "3, 2, 1", "3, 3, 1", "0, 9, 1"})
    void theReplaceCountIsTheInViewBeyondCPlusOneAndNeverNegative(int l, int lIn, int c) {
        int expected = l == 0 ? 0 : Math.max(0, lIn - c - 1);
        assertEquals(expected, UnsubscriptionPlan.replaceCount(l, lIn, c));
    }

    @Test
    void replaceSwapsTheLeaverForTheReplacementAndTellsTheReplacement() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().build();
        ScampNode node = NodeFixtures.member(0, config, env, 12);
        NodeFixtures.holdInPartialView(node, 0, 5, 6);
        env.clear();
        node.onMessage(0, 5, new Replace(3, 8));
        assertArrayEquals(new int[] {6, 8}, node.partialView());
        List<Sent> keeps = env.sendsOf(Keep.class);
        assertEquals(1, keeps.size());
        assertEquals(8, keeps.get(0).to());
    }

    @Test
    void replaceWithSelfOrAnAlreadyHeldNodeOnlyRemovesTheLeaver() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().build();
        ScampNode node = NodeFixtures.member(0, config, env, 13);
        NodeFixtures.holdInPartialView(node, 0, 5, 6, 7);
        env.clear();
        node.onMessage(0, 5, new Replace(3, 0));
        node.onMessage(0, 6, new Replace(4, 7));
        assertArrayEquals(new int[] {7}, node.partialView());
        assertTrue(env.sendsOf(Keep.class).isEmpty());
    }

    @Test
    void replaceOrRemoveFromANodeNotHeldIsIgnoredAndCounted() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().build();
        ScampNode node = NodeFixtures.member(0, config, env, 14);
        NodeFixtures.holdInPartialView(node, 0, 5);
        node.onMessage(0, 9, new Replace(3, 8));
        node.onMessage(0, 9, new Remove(4));
        assertArrayEquals(new int[] {5}, node.partialView());
        assertEquals(2, node.counters().snapshot().dropped(DropReason.NONSENSICAL));
    }

    @Test
    void removeDropsTheLeaverAndUnlinkDropsTheInNeighbour() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().build();
        ScampNode node = NodeFixtures.member(0, config, env, 15);
        NodeFixtures.holdInPartialView(node, 0, 5);
        NodeFixtures.holdInInView(node, 0, 6);
        node.onMessage(0, 5, new Remove(3));
        node.onMessage(0, 6, new Unlink(4));
        assertEquals(0, node.partialViewSize());
        assertFalse(node.inViewContains(6));
        assertEquals(0, node.counters().snapshot().dropped(DropReason.NONSENSICAL), "both made sense");
    }

    @Test
    void aNodeThatLeftIgnoresMembershipMessagesAndCannotBroadcast() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().build();
        ScampNode node = NodeFixtures.member(0, config, env, 16);
        node.leave(0);
        node.onMessage(0, 5, new Keep(9));
        assertEquals(0, node.inViewSize());
        assertEquals(1, node.counters().snapshot().dropped(DropReason.NOT_MEMBER));
        assertThrows(IllegalStateException.class, () -> node.broadcast(0, new byte[0]));
        assertThrows(IllegalStateException.class, () -> node.leave(0));
    }

    /** A member holding {@code partialView} that has just left; what it sent so far is cleared. */
    private ScampNode departed(ProtocolConfig config, int... partialView) {
        ScampNode leaver = NodeFixtures.member(0, config, env, 17);
        NodeFixtures.holdInPartialView(leaver, 0, partialView);
        NodeFixtures.acknowledgeEverything(leaver, env, 0);
        leaver.leave(0);
        env.clear();
        return leaver;
    }

    /** What a departed node answered: "Replace to -> replacement" or "Remove to", in order. */
    private List<String> answers() {
        List<String> out = new ArrayList<>();
        for (Sent s : env.sent) {
            if (s.message() instanceof Replace r) {
                out.add("Replace " + s.to() + " -> " + r.replacement());
            } else if (s.message() instanceof Remove) {
                out.add("Remove " + s.to());
            } else {
                out.add(s.message().getClass().getSimpleName() + " " + s.to());
            }
        }
        return out;
    }

    /**
     * A node still sending gossip or heartbeats to a leaver holds it without having been told (its
     * Keep crossed the departure): it gets a replacement from the leaver's former PartialView, once
     * per sender, and nothing is delivered.
     */
    @Test
    void aLateGossipOrHeartbeatSenderIsHandedAReplacementOncePerSender() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).build();
        ScampNode leaver = departed(config, 5);
        leaver.onMessage(10, 9, Gossip.create(9, 1, 0, new byte[0]));
        leaver.onMessage(20, 9, Heartbeat.INSTANCE);
        leaver.onMessage(30, 9, Gossip.create(9, 2, 0, new byte[0]));
        leaver.onMessage(40, 8, Heartbeat.INSTANCE);
        assertEquals(List.of("Replace 9 -> 5", "Replace 8 -> 5"), answers());
        assertTrue(env.delivered.isEmpty(), "a node that left delivers nothing");
        assertEquals(4, leaver.counters().snapshot().dropped(DropReason.NOT_MEMBER));
        assertFalse(leaver.isMember());
    }

    /**
     * A late Subscribe, forwarded subscription, walk or Keep also means its sender holds the
     * leaver: answered once per (sender, sequence number), so a retransmission gets no second
     * answer, and never acknowledged (the sender then sends a copy elsewhere).
     */
    @Test
    void aLateMembershipMessageIsAnsweredOncePerSequenceNumberAndNotAcknowledged() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).build();
        ScampNode leaver = departed(config, 5);
        leaver.onMessage(10, 9, new Keep(7));
        leaver.onMessage(20, 9, new Keep(7));
        leaver.onMessage(30, 9, new Keep(8));
        leaver.onMessage(40, 8, new ForwardedSubscription(3, 30, 2, 0));
        leaver.onMessage(50, 7, new Subscribe(4, 0, 0));
        leaver.onMessage(60, 6, new Walk(5, 30, 0.5, 1, 0, 0));
        assertEquals(List.of("Replace 9 -> 5", "Replace 9 -> 5", "Replace 8 -> 5", "Replace 7 -> 5",
                "Replace 6 -> 5"), answers());
    }

    /** In the unacknowledged model every message has sequence number 0: once per sender, then. */
    @Test
    void withoutSequenceNumbersALateMembershipSenderIsAnsweredOnce() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).maxAttempts(1).build();
        ScampNode leaver = departed(config, 5);
        leaver.onMessage(10, 9, new Keep(MembershipMessage.UNACKNOWLEDGED));
        leaver.onMessage(20, 9, new ForwardedSubscription(MembershipMessage.UNACKNOWLEDGED, 30, 0, 0));
        assertEquals(List.of("Replace 9 -> 5"), answers());
    }

    /**
     * Remove, Unlink, Replace and Adopt do not mean that their sender holds the leaver: answering
     * them would let two departed nodes answer each other for ever.
     */
    @Test
    void aLeaverAnswersNoRemoveUnlinkReplaceOrAdopt() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).build();
        ScampNode leaver = departed(config, 5);
        leaver.onMessage(10, 9, new Remove(1));
        leaver.onMessage(10, 9, new Unlink(2));
        leaver.onMessage(10, 9, new Replace(3, 6));
        leaver.onMessage(10, 9, new Adopt(4));
        assertEquals(List.of(), answers());
        assertEquals(4, leaver.counters().snapshot().dropped(DropReason.NOT_MEMBER));
    }

    /** With no out-neighbour to offer, or only the sender itself, the late sender is told to remove. */
    @Test
    void aLateSenderGetsARemoveWhenThereIsNoOtherReplacement() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false).build();
        ScampNode alone = departed(config);
        alone.onMessage(10, 9, Heartbeat.INSTANCE);
        assertEquals(List.of("Remove 9"), answers());

        env.clear();
        ScampNode leaver = departed(config, 5);
        leaver.onMessage(10, 5, Heartbeat.INSTANCE);
        assertEquals(List.of("Remove 5"), answers(), "never replace a node by itself");
    }

    /**
     * Leaving stops the retransmission of the node's own Subscribe and of its Keeps: arriving
     * late, they would make their receivers point at (or hold in their InView) a departed node. The
     * goodbyes themselves are retransmitted until acknowledged.
     */
    @Test
    void leavingStopsRetransmittingSubscriptionsAndKeepsButNotGoodbyes() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .retransmitTimeoutMillis(100).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(1), new Counters());
        node.join(0, 2); // a Subscribe to 2, never acknowledged
        NodeFixtures.holdInPartialView(node, 0, 30); // a Keep to 30, never acknowledged
        node.onMessage(0, 30, new Remove(9)); // 30 left: no Unlink to it will cancel that Keep
        NodeFixtures.holdInInView(node, 0, 40);
        node.leave(0);
        env.clear();
        for (long t = 0; t <= 1_000_000; t += 10_000) {
            node.onTimeout(t);
        }
        assertTrue(env.sendsOf(Subscribe.class).isEmpty(), "the Subscribe is not retransmitted");
        assertTrue(env.sendsOf(Keep.class).isEmpty(), "the Keep is not retransmitted");
        assertFalse(env.sendsOf(Remove.class).isEmpty(), "the goodbye is retransmitted");
    }

    /** Leaving asks the driver for a wake-up at the goodbyes' first retransmission. */
    @Test
    void leavingAsksToBeWokenForTheGoodbyes() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .retransmitTimeoutMillis(100).build();
        ScampNode node = NodeFixtures.member(0, config, env, 18);
        NodeFixtures.holdInPartialView(node, 0, 5);
        NodeFixtures.holdInInView(node, 0, 9);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        node.onTimeout(200_000); // nothing due, no wake-up pending
        env.clear();
        node.leave(300_000);
        assertEquals(List.of(400_000L), env.wakes);
    }
}
