package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Subscribe;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JoinProgressTest {
    private static final int SELF = 1;
    private static final int CONTACT = 2;
    /** Retransmissions after 100, 200 and 400 ms: the fourth transmission's wait ends at 1.5 s. */
    private final ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
            .maxAttempts(4).retransmitTimeoutMillis(100).build();
    private static final long EXHAUSTED_AT_MICROS = 1_500_000;
    private final RecordingEnvironment env = new RecordingEnvironment();

    private ScampNode joined() {
        ScampNode node = new ScampNode(SELF, config, env, new SplittableRandom(1), new Counters());
        node.join(0, CONTACT);
        return node;
    }

    /** Wakes the node every 10 ms from just after 0 up to {@code untilMicros}, as a driver would. */
    private static void runTimersUntil(ScampNode node, long untilMicros) {
        for (long now = 10_000; now < untilMicros; now += 10_000) {
            node.onTimeout(now);
        }
        node.onTimeout(untilMicros);
    }

    private int joinSeq() {
        return env.sentOf(Subscribe.class).get(0).seq();
    }

    @Test
    void aNewOrBootstrappedNodeHasNoJoinInProgress() {
        ScampNode node = new ScampNode(SELF, config, env, new SplittableRandom(1), new Counters());
        assertEquals(JoinProgress.NONE, node.joinProgress());
        node.bootstrap(0);
        assertEquals(JoinProgress.NONE, node.joinProgress());
    }

    @Test
    void joinIsAcknowledgedWhenTheContactAcksTheSubscribe() {
        ScampNode node = joined();
        assertEquals(JoinProgress.PENDING, node.joinProgress());
        node.onMessage(10, CONTACT, new Ack(joinSeq()));
        assertEquals(JoinProgress.ACKNOWLEDGED, node.joinProgress());
    }

    @Test
    void anAckFromAnotherNodeOrForAnotherSequenceDoesNotCount() {
        ScampNode node = joined();
        node.onMessage(10, 3, new Ack(joinSeq()));
        node.onMessage(10, CONTACT, new Ack(joinSeq() + 1));
        assertEquals(JoinProgress.PENDING, node.joinProgress());
    }

    @Test
    void joinFailsWhenEveryAttemptRunsOutAndTheNodeStaysAMemberHoldingTheContact() {
        ScampNode node = joined();
        runTimersUntil(node, EXHAUSTED_AT_MICROS - 1);
        assertEquals(JoinProgress.PENDING, node.joinProgress(), "attempts left until the last wait ends");
        assertEquals(4, env.sentOf(Subscribe.class).size());
        node.onTimeout(EXHAUSTED_AT_MICROS);
        assertEquals(JoinProgress.UNACKNOWLEDGED, node.joinProgress());
        assertTrue(node.isMember(), "the rules keep a node that sent its subscription a member");
        assertArrayEquals(new int[] {CONTACT}, node.partialView());
    }

    @Test
    void aKeepProvesTheJoinEvenIfEveryAckIsLost() {
        ScampNode node = joined();
        node.onMessage(20, 7, new Keep(5));
        assertEquals(JoinProgress.ACKNOWLEDGED, node.joinProgress());
        runTimersUntil(node, EXHAUSTED_AT_MICROS);
        assertEquals(JoinProgress.ACKNOWLEDGED, node.joinProgress(), "the outcome is settled once");
    }

    @Test
    void anAdoptionProvesTheJoin() {
        ScampNode node = joined();
        node.onMessage(20, 7, new Adopt(5));
        assertEquals(JoinProgress.ACKNOWLEDGED, node.joinProgress());
    }

    @Test
    void anExhaustedJoinSubscribeRedirectedToAnotherMemberStaysPendingUntilThatMemberAcks() {
        ScampNode node = joined();
        NodeFixtures.holdInPartialView(node, 0, 10);
        NodeFixtures.acknowledgeEverythingBut(node, env, 0, CONTACT);
        runTimersUntil(node, EXHAUSTED_AT_MICROS - 1);
        env.clear();
        node.onTimeout(EXHAUSTED_AT_MICROS);
        assertEquals(JoinProgress.PENDING, node.joinProgress());
        Subscribe redirected = env.sentOf(Subscribe.class).get(0);
        assertEquals(10, env.sent.get(env.sent.size() - 1).to());
        node.onMessage(EXHAUSTED_AT_MICROS + 10, 10, new Ack(redirected.seq()));
        assertEquals(JoinProgress.ACKNOWLEDGED, node.joinProgress());
    }

    @Test
    void leavingBeforeTheAckAbandonsTheJoin() {
        ScampNode node = joined();
        node.leave(10);
        assertEquals(JoinProgress.ABANDONED, node.joinProgress());
    }

    @Test
    void aNodeThatLeftCannotJoinAgainAndIsToldSo() {
        ScampNode node = joined();
        node.leave(10);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> node.join(20, 3));
        assertEquals("cannot join: node 1 has left (a node that left cannot join again)", e.getMessage());
    }

    @Test
    void theUnacknowledgedModelCannotConfirmAJoin() {
        ProtocolConfig unacknowledged = config.toBuilder().maxAttempts(1).build();
        ScampNode node = new ScampNode(SELF, unacknowledged, env, new SplittableRandom(1), new Counters());
        node.join(0, CONTACT);
        assertEquals(JoinProgress.UNCONFIRMABLE, node.joinProgress());
    }

    /**
     * The join follows its Subscribe when it is redirected: once the member it went to has run out
     * of attempts too and no other member is left, the join has failed.
     */
    @Test
    void aRedirectedJoinFailsWhenItsNewContactIsSilentTooAndNoMemberIsLeft() {
        ScampNode node = joined();
        NodeFixtures.holdInPartialView(node, 0, 10);
        NodeFixtures.acknowledgeEverythingBut(node, env, 0, CONTACT);
        runTimersUntil(node, EXHAUSTED_AT_MICROS);
        assertEquals(10, env.sendsOf(Subscribe.class).get(env.sendsOf(Subscribe.class).size() - 1).to());
        node.onMessage(EXHAUSTED_AT_MICROS, CONTACT, new Remove(77)); // the silent contact was leaving
        assertArrayEquals(new int[] {10}, node.partialView());
        runTimersUntil(node, 2 * EXHAUSTED_AT_MICROS - 1);
        assertEquals(JoinProgress.PENDING, node.joinProgress());
        node.onTimeout(2 * EXHAUSTED_AT_MICROS);
        assertEquals(JoinProgress.UNACKNOWLEDGED, node.joinProgress());
    }

    /** A member is one from its join or bootstrap until it leaves. */
    @Test
    void membershipLastsFromTheJoinUntilTheNodeLeaves() {
        ScampNode node = new ScampNode(SELF, config, env, new SplittableRandom(1), new Counters());
        assertFalse(node.isMember());
        node.join(0, CONTACT);
        assertTrue(node.isMember());
        node.leave(10);
        assertFalse(node.isMember());
    }
}
