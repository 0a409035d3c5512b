package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Subscribe;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReliableDeliveryTest {
    private final ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
            .maxAttempts(4).retransmitTimeoutMillis(100).build();
    private final RecordingEnvironment env = new RecordingEnvironment();

    @Test
    void unacknowledgedMessageIsRetransmittedWithDoublingBackoff() {
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(1), new Counters());
        node.join(0, 2);
        Subscribe first = env.sentOf(Subscribe.class).get(0);
        assertTrue(first.wantsAck());

        long[] expectedRetransmitTimes = {100_000, 300_000, 700_000};
        for (long at : expectedRetransmitTimes) {
            env.clear();
            node.onTimeout(at - 1);
            assertTrue(env.sentOf(Subscribe.class).isEmpty(), "nothing due before " + at);
            node.onTimeout(at);
            List<Subscribe> again = env.sentOf(Subscribe.class);
            assertEquals(1, again.size(), "retransmission at " + at);
            assertEquals(first, again.get(0), "the same message, same sequence number");
        }
        assertEquals(3, node.counters().snapshot().retransmissions());
    }

    @Test
    void ackStopsRetransmission() {
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(1), new Counters());
        node.join(0, 2);
        int seq = env.sentOf(Subscribe.class).get(0).seq();
        node.onMessage(10, 2, new Ack(seq));
        assertEquals(0, node.unacknowledgedCount());
        env.clear();
        node.onTimeout(10_000_000);
        assertTrue(env.sentOf(Subscribe.class).isEmpty());
    }

    @Test
    void ackForUnknownSequenceIsCounted() {
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(1), new Counters());
        node.join(0, 2);
        node.onMessage(10, 2, new Ack(12345));
        node.onMessage(10, 3, new Ack(env.sentOf(Subscribe.class).get(0).seq()));
        assertEquals(2, node.counters().snapshot().dropped(DropReason.UNKNOWN_ACK));
        assertEquals(1, node.unacknowledgedCount());
    }

    @Test
    void retransmissionAlreadyHandledIsAckedAgainButHandledOnce() {
        ScampNode contact = NodeFixtures.member(0, config, env, 2);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        env.clear();
        Subscribe subscribe = new Subscribe(77, 0, 0);
        contact.onMessage(0, 20, subscribe);
        contact.onMessage(50_000, 20, subscribe);
        assertEquals(2, env.sendsOf(Ack.class).size(), "each copy is acked");
        assertEquals(2 + config.c(), env.sendsOf(ForwardedSubscription.class).size(), "handled once");
        assertEquals(1, contact.counters().snapshot().dropped(DropReason.DUPLICATE_MEMBERSHIP));
    }

    @Test
    void copyWhoseTargetNeverAcksGoesToAnotherMember() {
        ScampNode node = NodeFixtures.member(0, config, env, 3);
        NodeFixtures.holdInPartialView(node, 0, 10, 11, 12);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        env.clear();
        node.onMessage(0, 9, new ForwardedSubscription(5, 10, 0, 0)); // 10 is held: passed on
        Sent copy = env.sendsOf(ForwardedSubscription.class).get(0);
        int silent = copy.to();
        env.clear();
        for (long t = 0; t <= 2_000_000; t += 50_000) {
            node.onTimeout(t);
        }
        List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
        Sent redirected = copies.get(copies.size() - 1);
        assertNotEquals(silent, redirected.to(), "redirected away from the silent member");
        assertNotEquals(10, redirected.to(), "never to its own subscriber");
        assertEquals(1, node.counters().snapshot().dropped(DropReason.RETRANSMIT_EXHAUSTED));
        assertTrue(node.partialViewContains(silent), "the silent member is not evicted");
    }

    @Test
    void singleAttemptIsThePapersUnacknowledgedModel() {
        ProtocolConfig oneShot = config.toBuilder().maxAttempts(1).build();
        ScampNode node = new ScampNode(1, oneShot, env, new SplittableRandom(1), new Counters());
        node.join(0, 2);
        Subscribe s = env.sentOf(Subscribe.class).get(0);
        assertEquals(MembershipMessage.UNACKNOWLEDGED, s.seq());
        assertEquals(0, node.unacknowledgedCount());

        ScampNode contact = NodeFixtures.member(3, oneShot, env, 4);
        env.clear();
        contact.onMessage(0, 1, s);
        assertTrue(env.sendsOf(Ack.class).isEmpty(), "no ack for an unacknowledged message");
    }

    @Test
    void nonMemberDoesNotAcknowledgeSoSendersGiveUpOnIt() {
        ScampNode fresh = new ScampNode(3, config, env, new SplittableRandom(1), new Counters());
        fresh.onMessage(0, 1, new Subscribe(5, 0, 0));
        assertTrue(env.sendsOf(Ack.class).isEmpty());
        assertEquals(1, fresh.counters().snapshot().dropped(DropReason.NOT_MEMBER));
    }

    /** Wakes {@code node} every 50 ms up to {@code untilMicros}. */
    private static void runTimers(ScampNode node, long fromMicros, long untilMicros) {
        for (long t = fromMicros; t <= untilMicros; t += 50_000) {
            node.onTimeout(t);
        }
    }

    /** Whatever the draws, a redirected copy goes to a member other than the silent one. */
    @Test
    void aRedirectedCopyNeverGoesBackToTheSilentMember() {
        for (int seed = 0; seed < 32; seed++) {
            RecordingEnvironment e = new RecordingEnvironment();
            ScampNode node = NodeFixtures.member(0, config, e, seed);
            NodeFixtures.holdInPartialView(node, 0, 10, 11, 12);
            NodeFixtures.acknowledgeEverything(node, e, 0);
            e.clear();
            node.onMessage(0, 9, new ForwardedSubscription(5, 10, 0, 0)); // 10 is held: passed on
            int silent = e.sendsOf(ForwardedSubscription.class).get(0).to();
            e.clear();
            runTimers(node, 0, 2_000_000);
            List<Sent> copies = e.sendsOf(ForwardedSubscription.class);
            int redirectedTo = copies.get(copies.size() - 1).to();
            assertEquals(10 + 11 + 12 - 10 - silent, redirectedTo, "seed " + seed + ": the one member left");
        }
    }

    /**
     * A copy whose only possible next hop never answered is not lost: the node, which does not hold
     * the subscriber (the draw passed the copy on), keeps it itself.
     */
    @Test
    void aCopyWithNowhereElseToGoIsKeptRatherThanLost() {
        int redirected = 0;
        for (int seed = 0; seed < 16; seed++) {
            RecordingEnvironment e = new RecordingEnvironment();
            ScampNode node = NodeFixtures.member(7, config, e, seed);
            NodeFixtures.holdInPartialView(node, 0, 10);
            NodeFixtures.acknowledgeEverything(node, e, 0);
            e.clear();
            node.onMessage(0, 9, new ForwardedSubscription(5, 30, 0, 0));
            if (node.partialViewContains(30)) {
                continue; // kept at once (probability 1/2): nothing to redirect
            }
            assertEquals(10, e.sendsOf(ForwardedSubscription.class).get(0).to());
            redirected++;
            e.clear();
            runTimers(node, 0, 2_000_000);
            assertTrue(node.partialViewContains(30), "seed " + seed + ": kept by the node itself");
            assertTrue(e.sendsOf(ForwardedSubscription.class).stream().allMatch(s -> s.to() == 10),
                    "retransmitted to 10 only, never sent anywhere else");
            List<Sent> keeps = e.sendsOf(io.gossip.protocol.message.Keep.class);
            assertTrue(!keeps.isEmpty() && keeps.stream().allMatch(s -> s.to() == 30), "the subscriber is told");
        }
        assertTrue(redirected > 0, "some seed passed the copy on");
    }

    /** Redirecting a copy counts as a hop, so a copy bouncing between silent members ends at the limit. */
    @Test
    void aRedirectCountsAsAHopAndStopsAtTheForwardLimit() {
        ProtocolConfig limited = config.toBuilder().forwardLimit(3).build();
        ScampNode node = NodeFixtures.member(0, limited, env, 4);
        NodeFixtures.holdInPartialView(node, 0, 10, 11, 12);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        env.clear();
        node.onMessage(0, 9, new ForwardedSubscription(5, 10, 1, 0));
        assertEquals(2, env.sentOf(ForwardedSubscription.class).get(0).hops());
        env.clear();
        runTimers(node, 0, 2_000_000);
        List<ForwardedSubscription> redirected = env.sentOf(ForwardedSubscription.class).stream()
                .filter(fs -> fs.hops() != 2).distinct().toList();
        assertEquals(1, redirected.size(), "one redirect (retransmitted as it is)");
        assertEquals(3, redirected.get(0).hops(), "at hop 3");
        runTimers(node, 2_000_000, 4_000_000);
        assertEquals(1, node.counters().snapshot().dropped(DropReason.FORWARD_LIMIT), "its redirect would be hop 4");
    }

    /** A message that makes the node send a membership message makes it ask for that retransmission's wake-up. */
    @Test
    void aNodeAsksToBeWokenForTheRetransmissionOfWhatAMessageMadeItSend() {
        ScampNode contact = NodeFixtures.member(0, config, env, 2);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        NodeFixtures.acknowledgeEverything(contact, env, 0);
        contact.onTimeout(1_000_000); // nothing due, no wake-up pending
        env.clear();
        contact.onMessage(2_000_000, 20, new Subscribe(77, 0, 0));
        assertEquals(List.of(2_100_000L), env.wakes);
    }

    /** Sends three messages that want an ack: two copies of a subscription and the c extra one. */
    private ScampNode contactWithThreeCopiesInFlight(RecordingEnvironment e) {
        ScampNode contact = NodeFixtures.member(0, config, e, 2);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        NodeFixtures.acknowledgeEverything(contact, e, 0);
        e.clear();
        contact.onMessage(0, 20, new Subscribe(77, 0, 0));
        assertEquals(3, contact.unacknowledgedCount());
        return contact;
    }

    /**
     * An ack ends the retransmission of the message it acknowledges and no other; a repeated or
     * unknown ack changes nothing but its counter.
     */
    @Test
    void anAckStopsOnlyItsOwnMessageAndARepeatedOrUnknownAckNothing() {
        ScampNode contact = contactWithThreeCopiesInFlight(env);
        List<Sent> copies = env.sendsOf(ForwardedSubscription.class);
        Sent last = copies.get(2);
        int lastSeq = ((MembershipMessage) last.message()).seq();
        contact.onMessage(10, last.to(), new Ack(lastSeq));
        contact.onMessage(20, last.to(), new Ack(lastSeq));
        contact.onMessage(30, 99, new Ack(lastSeq));
        assertEquals(2, contact.unacknowledgedCount());
        assertEquals(2, contact.counters().snapshot().dropped(DropReason.UNKNOWN_ACK));
        env.clear();
        contact.onTimeout(100_000);
        assertEquals(java.util.Set.of(copies.get(0).message(), copies.get(1).message()),
                java.util.Set.copyOf(env.sentOf(ForwardedSubscription.class)), "the other two are retransmitted");
    }

    /** Every sequence number is acked with itself, however large. */
    @Test
    void eachMembershipMessageIsAckedWithItsOwnSequenceNumber() {
        ScampNode node = NodeFixtures.member(0, config, env, 2);
        int[] seqs = {1, 4_095, 4_096, 1 << 30, Integer.MAX_VALUE, -5};
        for (int seq : seqs) {
            node.onMessage(0, 9, new io.gossip.protocol.message.Remove(seq));
        }
        assertEquals(java.util.Arrays.stream(seqs).boxed().toList(),
                env.sentOf(Ack.class).stream().map(Ack::seq).toList());
    }

    /** Sends, acks and retransmissions of membership messages are counted by type. */
    @Test
    void membershipSendsAcksAndRetransmissionsAreCounted() {
        ScampNode contact = NodeFixtures.member(0, config, env, 2);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        NodeFixtures.acknowledgeEverything(contact, env, 0);
        MessageType copy = MessageType.FORWARDED_SUBSCRIPTION;
        CounterSnapshot before = contact.counters().snapshot();
        contact.onMessage(0, 20, new Subscribe(77, 0, 0));
        CounterSnapshot after = contact.counters().snapshot();
        assertEquals(1, after.sent(MessageType.ACK) - before.sent(MessageType.ACK));
        assertEquals(3, after.sent(copy) - before.sent(copy), "two members and one extra copy");
        contact.onTimeout(100_000);
        CounterSnapshot later = contact.counters().snapshot();
        assertEquals(3, later.sent(copy) - after.sent(copy));
        assertEquals(3, later.retransmissions() - after.retransmissions());
    }
}
