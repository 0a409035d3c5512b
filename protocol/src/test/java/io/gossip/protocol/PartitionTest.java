package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A group split in two halves (messages between halves lost) and healed again, with heartbeats,
 * isolation recovery and indirection on, in the in-memory harness.
 */
class PartitionTest {
    private static final int N = 600;
    private static final long SECOND = 1_000_000;

    private final InMemoryGroup group = new InMemoryGroup(N,
            ProtocolConfig.builder().c(1).heartbeatPeriodMillis(1_000).isolationTimeoutMillis(10_000).build(), 21);
    private final int[] side = new int[N];

    private void splitInHalves() {
        group.growTo(N);
        group.runUntil(5 * SECOND);
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < N; i++) {
            side[i] = random.nextInt(2);
        }
        group.partition(side);
    }

    /** Nodes none of whose in-neighbours is on their own side: the partition cuts them off. */
    private List<Integer> cutOff() {
        List<Integer> cut = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            boolean heard = false;
            for (int in : group.node(i).inView()) {
                heard |= side[in] == side[i];
            }
            if (!heard) {
                cut.add(i);
            }
        }
        return cut;
    }

    private boolean received(int node, long messageId) {
        return group.deliveriesOf(node).stream().anyMatch(g -> g.messageId() == messageId);
    }

    /**
     * A cut-off node notices its isolation and re-subscribes through a PartialView member on its
     * side. That member knows it (it is in its InView) and acts as the contact at once: a walk from
     * there would step across the partition at about every other hop, each failed hop costing the
     * whole retransmission schedule, and the node stayed cut off for the rest of the partition.
     */
    @Test
    void nodesCutOffByAPartitionRejoinTheirOwnSideBeforeItHeals() {
        splitInHalves();
        List<Integer> cut = cutOff();
        assertTrue(!cut.isEmpty(), "the partition cuts some node off (else this test shows nothing)");
        group.runUntil(45 * SECOND);
        assertTrue(group.counters().snapshot().isolationRecoveries() >= cut.size(), "cut-off nodes noticed it");
        for (int origin : new int[] {cut.get(0), firstOnOtherSideThan(cut.get(0))}) {
            long id = group.node(origin).broadcast(group.now(), new byte[0]);
            group.settle();
            for (int i = 0; i < N; i++) {
                if (i != origin && side[i] == side[origin] && hasPartialViewMemberOnItsSide(i)) {
                    assertTrue(received(i, id), "node " + i + " on the side of " + origin
                            + " (cut off: " + cut.contains(i) + ") got the broadcast during the partition");
                }
                if (side[i] != side[origin]) {
                    assertTrue(!received(i, id), "nothing crosses the partition");
                }
            }
        }
    }

    @Test
    void afterThePartitionHealsEveryBroadcastReachesEveryNodeAndTheViewsAreConsistent() {
        splitInHalves();
        group.runUntil(45 * SECOND);
        group.heal();
        group.runUntil(75 * SECOND);
        ViewInvariants.checkConsistent(group);
        for (int origin = 0; origin < N; origin += 97) {
            long id = group.node(origin).broadcast(group.now(), new byte[0]);
            group.settle();
            assertEquals(N - 1, group.reached(id), "broadcast from " + origin + " after the heal");
        }
    }

    private int firstOnOtherSideThan(int node) {
        for (int i = 0; i < N; i++) {
            if (side[i] != side[node]) {
                return i;
            }
        }
        throw new AssertionError("one side is empty");
    }

    private boolean hasPartialViewMemberOnItsSide(int node) {
        for (int member : group.node(node).partialView()) {
            if (side[member] == side[node]) {
                return true;
            }
        }
        return false;
    }
}
