package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link NodeTable} derives join ticks and builds its dense live list only when a member first
 * goes. Under random joins, leaves and crashes it must answer exactly as a table that keeps both
 * from the start (the model below, the table's earlier layout): the live list's order decides which
 * member a uniform draw picks, so any difference would change runs.
 */
class NodeTableProperties {
    @Property(tries = 200, seed = "20261128")
    void answersLikeATableThatKeepsEverythingFromTheStart(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int capacity,
            @ForAll @IntRange(min = 0, max = 10) int endWeight) {
        NodeTable table = new NodeTable(capacity);
        EagerTable model = new EagerTable(capacity);
        SplittableRandom script = new SplittableRandom(seed);
        for (int step = 0; step < 4 * capacity; step++) {
            boolean canJoin = table.unusedCount() > 0;
            boolean canEnd = table.liveCount() > 0;
            if (canJoin && (!canEnd || script.nextInt(10 + endWeight) < 10)) {
                assertEquals(model.join(), table.join());
            } else if (canEnd) {
                int node = table.liveAt(script.nextInt(table.liveCount()));
                byte how = script.nextBoolean() ? NodeTable.LEFT : NodeTable.CRASHED;
                model.end(node, how);
                table.end(node, how);
            }
            assertAnswersAlike(model, table);
        }
    }

    @Property(tries = 50, seed = "20261128")
    void endingAMemberThatIsNotLiveIsRefusedWhateverTheList(
            @ForAll @IntRange(min = 2, max = 20) int capacity,
            @ForAll @IntRange(min = 0, max = 1) int endedBefore) {
        NodeTable table = new NodeTable(capacity);
        table.join();
        table.join();
        if (endedBefore == 1) {
            table.end(1, NodeTable.CRASHED); // the list now exists
            assertThrows(IllegalStateException.class, () -> table.end(1, NodeTable.LEFT));
        }
        int unused = table.nextUnused();
        if (unused < capacity) {
            assertThrows(IllegalStateException.class, () -> table.end(unused, NodeTable.CRASHED));
        }
        assertEquals(2 - endedBefore, table.liveCount());
    }

    private static void assertAnswersAlike(EagerTable model, NodeTable table) {
        assertEquals(model.liveCount, table.liveCount());
        assertEquals(model.joins, table.joins());
        assertEquals(model.state.length - model.used, table.unusedCount());
        for (int i = 0; i < model.liveCount; i++) {
            assertEquals(model.live[i], table.liveAt(i), "live member " + i);
        }
        BitSet gone = table.gone();
        for (int node = 0; node < model.state.length; node++) {
            assertEquals(model.state[node], table.state(node), "state of " + node);
            assertEquals(model.joinTick[node], table.joinTick(node), "join tick of " + node);
            byte state = model.state[node];
            assertEquals(state == NodeTable.LEFT || state == NodeTable.CRASHED, gone.get(node), "gone: " + node);
        }
        assertEquals(model.lowestLive(), table.lowestLive());
    }

    /** The table as it was before: tick, list and index written on every join. */
    private static final class EagerTable {
        final byte[] state;
        final int[] joinTick;
        final int[] live;
        final int[] liveIndex;
        int liveCount;
        int used;
        int joins;

        EagerTable(int nodes) {
            state = new byte[nodes];
            joinTick = new int[nodes];
            live = new int[nodes];
            liveIndex = new int[nodes];
        }

        int join() {
            int node = used++;
            state[node] = NodeTable.LIVE;
            joinTick[node] = ++joins;
            liveIndex[node] = liveCount;
            live[liveCount++] = node;
            return node;
        }

        void end(int node, byte newState) {
            state[node] = newState;
            int at = liveIndex[node];
            int last = live[--liveCount];
            live[at] = last;
            liveIndex[last] = at;
        }

        int lowestLive() {
            for (int node = 0; node < used; node++) {
                if (state[node] == NodeTable.LIVE) {
                    return node;
                }
            }
            return -1;
        }
    }
}
