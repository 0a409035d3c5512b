package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ChannelArrays} against two {@link HashMap}s under random sets and clears: after every
 * step every node's two arrays are the very ones last set, the table holds exactly the nodes with
 * either, and it is never more than half full nor (past its smallest size) less than an eighth
 * full. Node ids come from a small range (so runs of colliding slots and removals inside them are
 * frequent) or from the whole id range.
 */
class ChannelArraysProperties {
    @Property(tries = 200, seed = "20261128")
    void matchesAMapUnderRandomSetsAndClears(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3_000) int idRange,
            @ForAll @IntRange(min = 1, max = 4_000) int steps,
            @ForAll boolean wideIds) {
        SplittableRandom random = new SplittableRandom(seed);
        ChannelArrays table = new ChannelArrays();
        Map<Integer, long[]> awaiting = new HashMap<>();
        Map<Integer, long[]> handled = new HashMap<>();
        int[] ids = new int[idRange];
        for (int i = 0; i < idRange; i++) {
            ids[i] = wideIds ? random.nextInt(Integer.MAX_VALUE) : i;
        }
        if (wideIds) {
            ids[0] = Integer.MAX_VALUE; // the largest id: its key (id + 1) wraps to a negative int
        }
        for (int step = 0; step < steps; step++) {
            int node = ids[random.nextInt(idRange)];
            // Clears as often as sets, then bursts of either, so the table both grows and shrinks.
            boolean set = (step / 500) % 2 == 0 ? random.nextInt(4) > 0 : random.nextInt(4) == 0;
            long[] value = set ? new long[] {step} : null;
            if (random.nextBoolean()) {
                table.setAwaiting(node, value);
                put(awaiting, node, value);
            } else {
                table.setHandled(node, value);
                put(handled, node, value);
            }
            assertSame(awaiting.get(node), table.awaiting(node), "awaiting of node " + node + " at step " + step);
            assertSame(handled.get(node), table.handled(node), "handled of node " + node + " at step " + step);
            assertTrue(2 * table.size() <= table.slots(), "more than half full at step " + step);
            assertTrue(table.slots() == 64 || 8 * table.size() >= table.slots(),
                    "under an eighth full at step " + step + ": " + table.size() + " of " + table.slots());
            if (step % 97 == 0 || step == steps - 1) {
                checkEveryNode(table, ids, awaiting, handled, step);
            }
        }
    }

    /** Every id's arrays, and the table's size against the nodes holding either. */
    private static void checkEveryNode(ChannelArrays table, int[] ids, Map<Integer, long[]> awaiting,
            Map<Integer, long[]> handled, int step) {
        for (int id : ids) {
            assertSame(awaiting.get(id), table.awaiting(id), "awaiting of node " + id + " at step " + step);
            assertSame(handled.get(id), table.handled(id), "handled of node " + id + " at step " + step);
        }
        Set<Integer> holding = new HashSet<>(awaiting.keySet());
        holding.addAll(handled.keySet());
        assertEquals(holding.size(), table.size(), "nodes in the table at step " + step);
    }

    private static void put(Map<Integer, long[]> map, int node, long[] value) {
        if (value == null) {
            map.remove(node);
        } else {
            map.put(node, value);
        }
    }
}
