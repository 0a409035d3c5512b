package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The protocol's statistical behaviour in an in-memory group (instant, loss-free delivery), with
 * the view invariants checked after every message.
 */
class GroupBehaviourTest {
    private static final int N = 1_000;

    private static ProtocolConfig config(int c) {
        return ProtocolConfig.builder().c(c).noHeartbeats().indirection(false).build();
    }

    private static InMemoryGroup checkedGroup(int c, long seed) {
        InMemoryGroup group = new InMemoryGroup(N, config(c), seed);
        group.afterEachMessage(node -> ViewInvariants.checkLocal(group.node(node)));
        return group;
    }

    /**
     * The mean view size of one group depends a lot on its first few joins (they are averaged into
     * every later one), so the check averages five independent groups. Individual groups of 1,000
     * nodes range over about ±15% around that average; (c+1)·ln n is the large-n limit, and at
     * n = 1,000 the exact recursion (c+1)(H_n − 1.5) + 1 lies a few percent below it for c = 2.
     */
    @ParameterizedTest(name = "c = {0}")
    @ValueSource(ints = {0, 1, 2})
    void meanPartialViewSizeSettlesNearCPlusOneTimesLnN(int c) {
        double sum = 0;
        int groups = 5;
        for (int g = 0; g < groups; g++) {
            InMemoryGroup group = checkedGroup(c, 100 * c + g);
            group.growTo(N);
            ViewInvariants.checkConsistent(group);
            double mean = group.meanPartialView();
            assertEquals(mean, group.meanInView(), 1e-9, "every arc is counted once at each end");
            sum += mean;
        }
        double expected = (c + 1) * Math.log(N);
        assertEquals(expected, sum / groups, 0.15 * expected, "mean PartialView size for c = " + c);
    }

    @Test
    void withCOneEveryBroadcastReachesEveryNode() {
        InMemoryGroup group = checkedGroup(1, 7);
        group.growTo(N);
        SplittableRandom random = new SplittableRandom(8);
        for (int b = 0; b < 10; b++) {
            ScampNode origin = group.node(random.nextInt(N));
            long id = origin.broadcast(group.now(), new byte[] {(byte) b});
            group.settle();
            assertEquals(N - 1, group.reached(id), "broadcast " + b + " from " + origin.id());
        }
    }

    @Test
    void afterTwentyPercentLeaveTheRestStillReceiveEverythingAndViewsTrackTheSmallerGroup() {
        InMemoryGroup group = checkedGroup(1, 9);
        group.growTo(N);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(10));
        for (int i = 0; i < N / 5; i++) {
            group.node(order.get(i)).leave(group.now());
            group.settle();
        }
        ViewInvariants.checkConsistent(group);
        int remaining = group.liveMembers().size();
        assertEquals(N - N / 5, remaining);
        double expected = 2 * Math.log(remaining);
        assertEquals(expected, group.meanPartialView(), 0.15 * expected, "mean PartialView after departures");
        for (int b = 0; b < 10; b++) {
            ScampNode origin = group.liveMembers().get(b * 37);
            long id = origin.broadcast(group.now(), new byte[0]);
            group.settle();
            assertEquals(remaining - 1, group.reached(id), "broadcast " + b);
        }
    }

    /** Averaged over five groups at every sample, for the reason given on the test above. */
    @Test
    void leasesKeepTheMeanViewSizeNearCPlusOneLnNOverFiveLeasePeriods() {
        long leaseMillis = 20_000;
        ProtocolConfig leased = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false)
                .leaseDurationMillis(leaseMillis).build();
        int groups = 5;
        List<InMemoryGroup> all = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            InMemoryGroup group = new InMemoryGroup(N, leased, 200 + g);
            group.growTo(N);
            all.add(group);
        }
        double expected = 2 * Math.log(N);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (long t = 1_000_000; t <= 6 * leaseMillis * 1000; t += 1_000_000) {
            double sum = 0;
            for (InMemoryGroup group : all) {
                group.runUntil(t);
                sum += group.meanPartialView();
            }
            lowest = Math.min(lowest, sum / groups);
            highest = Math.max(highest, sum / groups);
        }
        assertTrue(lowest >= 0.85 * expected && highest <= 1.15 * expected,
                "mean PartialView stayed in [" + lowest + ", " + highest + "], expected " + expected + " ± 15%");
        for (InMemoryGroup group : all) {
            CounterSnapshot counts = group.counters().snapshot();
            assertTrue(counts.leaseRenewals() >= 5L * N,
                    "every node renewed about five times: " + counts.leaseRenewals());
            assertTrue(counts.leaseExpiries() > 5L * N, "old arcs expired: " + counts.leaseExpiries());
            ViewInvariants.checkConsistent(group);
            long id = group.node(3).broadcast(group.now(), new byte[0]);
            group.settle();
            assertEquals(N - 1, group.reached(id), "the renewed graph still disseminates to everyone");
        }
    }

    @Test
    void isolatedNodeRecoversAfterAllItsInNeighboursFail() {
        ProtocolConfig hb = ProtocolConfig.builder().c(1).indirection(false)
                .heartbeatPeriodMillis(1_000).isolationTimeoutMillis(5_000).build();
        InMemoryGroup group = new InMemoryGroup(200, hb, 12);
        group.growTo(200);
        group.runUntil(3_000_000);
        ScampNode victim = group.node(150);
        int[] inNeighbours = victim.inView();
        assertTrue(inNeighbours.length > 0);
        for (int in : inNeighbours) {
            group.crash(in);
        }
        long before = group.counters().snapshot().isolationRecoveries();
        group.runUntil(60_000_000);
        assertTrue(group.counters().snapshot().isolationRecoveries() > before, "the victim noticed its isolation");
        ScampNode origin = group.liveMembers().get(0);
        long id = origin.broadcast(group.now(), new byte[0]);
        group.settle();
        boolean reached = group.deliveriesOf(victim.id()).stream().anyMatch(g -> g.messageId() == id);
        assertTrue(reached, "after re-subscribing, the victim receives broadcasts again");
    }
}
