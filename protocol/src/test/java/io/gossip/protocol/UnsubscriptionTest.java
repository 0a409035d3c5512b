package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Unlink;
import java.util.ArrayList;
import java.util.List;
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
}
