package io.gossip.sim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.DropReason;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.scenario.MembershipSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AggregateTest {
    private static final int LIVE = 100;

    /** A broadcast with the given delays in ms (negative = level never reached). */
    private static BroadcastResult broadcast(int reached, double t50Millis, double t99Millis, double t100Millis) {
        return new BroadcastResult(0, 0, 0, LIVE, reached, micros(t50Millis), micros(t99Millis), micros(t100Millis),
                5, 1000, 900, 0, new int[0]);
    }

    private static long micros(double millis) {
        return millis < 0 ? -1 : Math.round(millis * 1000);
    }

    private static RunResult run(int repetition, List<BroadcastResult> broadcasts) {
        NodeTableSnapshot.Builder builder = new NodeTableSnapshot.Builder(LIVE);
        for (int slot = 0; slot < LIVE; slot++) {
            builder.set(slot, true, 9, 9, 0, 0);
        }
        NodeTableSnapshot nodes = builder.build();
        return new RunResult(new RunKey(0, MembershipSpec.Type.SCAMP, repetition), 0, broadcasts, nodes, List.of(),
                List.of(), new long[MessageType.count()], new long[NetworkDropReason.count()],
                new long[DropReason.count()], 0, RunResult.NO_SOCKETS, 10, 0);
    }

    private static RunResult withLateCopies(int repetition, long late) {
        RunResult r = run(repetition, List.of());
        return new RunResult(r.key(), 0, r.broadcasts(), r.nodes(), r.timeline(), r.eventRows(), r.sentByType(),
                r.networkDrops(), r.nodeDrops(), late, r.kernelReceiveDrops(), r.events(), r.endMicros());
    }

    private static RunResult withKernelDrops(int repetition, long drops) {
        RunResult r = run(repetition, List.of());
        return new RunResult(r.key(), 0, r.broadcasts(), r.nodes(), r.timeline(), r.eventRows(), r.sentByType(),
                r.networkDrops(), r.nodeDrops(), RunResult.NOT_MEASURED, drops, r.events(), r.endMicros());
    }

    @Test
    void kernelDropsAreSummedOverLiveRunsUnknownIfOneCouldNotReadThemAndAbsentFromSimulatedRuns() {
        Aggregate simulated = new Aggregate();
        simulated.add(run(0, List.of()), 1, 0);
        assertFalse(simulated.kernelReceiveDropsApply, "no sockets, no kernel figure");
        Aggregate live = new Aggregate();
        live.add(withKernelDrops(0, 5), 1, 0);
        live.add(withKernelDrops(1, 0), 1, 0);
        live.add(withKernelDrops(2, 7), 1, 0);
        assertTrue(live.kernelReceiveDropsApply);
        assertFalse(live.kernelReceiveDropsUnknown);
        assertEquals(12, live.kernelReceiveDrops);
        Aggregate unreadable = new Aggregate();
        unreadable.add(withKernelDrops(0, 5), 1, 0);
        unreadable.add(withKernelDrops(1, RunResult.NOT_MEASURED), 1, 0);
        assertTrue(unreadable.kernelReceiveDropsUnknown, "a sum without one run's drops is not the plan's");
    }

    @Test
    void messagesPerNodeCountsTheNodesThatJoinedNotTheSlots() {
        // 10 slots: 6 joined (one has left since, one crashed), 4 never did; 120 messages in all.
        NodeTableSnapshot.Builder builder = new NodeTableSnapshot.Builder(10);
        for (int slot = 0; slot < 6; slot++) {
            builder.set(slot, true, slot < 4, slot < 4 ? 3 : 0, 3, 20, 20);
        }
        long[] sent = new long[MessageType.count()];
        sent[MessageType.GOSSIP.ordinal()] = 120;
        RunResult r = run(0, List.of());
        Aggregate aggregate = new Aggregate();
        aggregate.add(new RunResult(r.key(), 0, List.of(), builder.build(), List.of(), List.of(), sent,
                r.networkDrops(), r.nodeDrops(), 0, RunResult.NO_SOCKETS, 10, 0), 1, 0);
        assertEquals(20.0, aggregate.messagesPerNode(), 1e-12, "120 messages over 6 nodes, not over 10 slots");
    }

    @Test
    void aSlotSetWithoutSayingWhetherItJoinedIsTakenForNeverJoinedOnlyWhenItShowsNothing() {
        NodeTableSnapshot nodes = new NodeTableSnapshot.Builder(4).set(0, true, 0, 0, 0, 0)
                .set(1, false, 0, 0, 5, 0).set(2, false, 0, 0, 0, 0).build();
        assertTrue(nodes.joined(0));
        assertTrue(nodes.joined(1), "gone, but it sent messages");
        assertFalse(nodes.joined(2));
        assertFalse(nodes.joined(3), "never set");
        assertEquals(2, nodes.joinedCount());
    }

    /** A run of {@code slots} live nodes whose PartialViews hold {@code sizes} in turn ({@code -1}: gone). */
    private static RunResult withViews(int repetition, int... sizes) {
        NodeTableSnapshot.Builder builder = new NodeTableSnapshot.Builder(sizes.length);
        for (int slot = 0; slot < sizes.length; slot++) {
            builder.set(slot, true, sizes[slot] >= 0, Math.max(0, sizes[slot]), 3, 10, 10);
        }
        RunResult r = run(repetition, List.of());
        return new RunResult(r.key(), 0, List.of(), builder.build(), List.of(), List.of(), r.sentByType(),
                r.networkDrops(), r.nodeDrops(), 0, RunResult.NO_SOCKETS, 10, 0);
    }

    @Test
    void theSpreadOfTheMeanPartialViewIsOverEachRepetitionsMean() {
        Aggregate aggregate = new Aggregate();
        aggregate.add(withViews(0, 4, 4, 4, 4), 1, 0); // mean 4
        aggregate.add(withViews(1, 5, 7, -1), 1, 0); // mean 6 over its two live nodes
        aggregate.add(withViews(2, -1, -1), 1, 0); // no live node: no mean to spread
        assertEquals(2, aggregate.partialViewMeanPerRun.count());
        assertEquals(1.0, aggregate.partialViewMeanPerRun.stddev(), 1e-12, "population stddev of 4 and 6");
        assertEquals(28.0 / 6, aggregate.partialView.mean(), 1e-12, "pv_mean still pools the live nodes");
        assertTrue(Double.isNaN(aggregate.partialViewMeanSpread()),
                "a repetition without a mean: no spread, since a standard error would count it");
        Aggregate two = new Aggregate();
        two.add(withViews(0, 4, 4, 4, 4), 1, 0);
        two.add(withViews(1, 5, 7, -1), 1, 0);
        assertEquals(1.0, two.partialViewMeanSpread(), 1e-12, "population stddev of 4 and 6");
        Aggregate one = new Aggregate();
        one.add(withViews(0, 4, 6), 1, 0);
        assertEquals(0.0, one.partialViewMeanSpread(), 1e-12, "one repetition: 0, as reliability_stddev");
    }

    @Test
    void lateCopiesAreSummedUnlessARunCouldNotCountThem() {
        Aggregate counted = new Aggregate();
        counted.add(withLateCopies(0, 3), 1, 0);
        counted.add(withLateCopies(1, 4), 1, 0);
        assertEquals(7, counted.lateMembershipCopies);
        assertFalse(counted.lateMembershipCopiesUnknown);
        Aggregate live = new Aggregate();
        live.add(withLateCopies(0, RunResult.NOT_MEASURED), 1, 0);
        live.add(withLateCopies(1, 0), 1, 0);
        assertTrue(live.lateMembershipCopiesUnknown,
                "not known for the run that could not count, so not for the whole");
        assertEquals(0, live.lateMembershipCopies, "nothing of the unknown run's -1 added");
    }

    @Test
    void t99IsAveragedOverTheBroadcastsThatReachedNinetyNinePercentAndT100OverTheCompleteOnes() {
        Aggregate aggregate = new Aggregate();
        // Repetition 0: complete and fast. Repetition 1: 99 of 100 nodes, slowly.
        aggregate.add(run(0, List.of(broadcast(LIVE, 100, 150, 160))), 1, 0);
        aggregate.add(run(1, List.of(broadcast(LIVE - 1, 400, 900, -1))), 1, 0);
        assertEquals((100 + 400) / 2.0, aggregate.t50.mean(), 1e-9, "t50 over t99's broadcasts");
        assertEquals((150 + 900) / 2.0, aggregate.t99.mean(), 1e-9, "the slow broadcast reached 99 %: it counts");
        assertEquals(160, aggregate.t100.mean(), 1e-9, "only the complete broadcast reached everyone");
        assertEquals(0.5, aggregate.reliability(), 1e-12);
        assertEquals((1.0 + 0.99) / 2, aggregate.coverageMean(), 1e-12, "coverage still counts every broadcast");
    }

    /** A broadcast whose reference set was empty: every node live when it was sent was gone by the end. */
    private static BroadcastResult unmeasured(long messages) {
        return new BroadcastResult(0, 0, 0, 0, 0, -1, -1, -1, 0, messages, 0, 0, new int[] {0});
    }

    @Test
    void unmeasuredBroadcastsCountAsSentButInNoFigureOverBroadcasts() {
        Aggregate aggregate = new Aggregate();
        // Repetition 0: one unmeasured, one complete. 1: one that missed a node. 2: unmeasured alone.
        aggregate.add(run(0, List.of(unmeasured(7), broadcast(LIVE, 100, 150, 160))), 1, 0);
        aggregate.add(run(1, List.of(broadcast(LIVE - 1, 400, 900, -1))), 1, 0);
        aggregate.add(run(2, List.of(unmeasured(5))), 1, 0);
        assertEquals(4, aggregate.broadcasts, "every broadcast sent");
        assertEquals(2, aggregate.unmeasuredBroadcasts);
        assertEquals((1.0 + 0.99) / 2, aggregate.coverageMean(), 1e-12, "not (0 + 1 + 0.99 + 0) / 4");
        assertEquals(0.99, aggregate.coverageMin(), 1e-12, "not 0");
        assertEquals(0.5, aggregate.reliability(), 1e-12, "1 complete of 2 measured, not 3 of 4");
        assertEquals(2, aggregate.reliabilityPerRun.count(), "repetition 2 has no reliability, as without broadcasts");
        assertEquals(0.5, aggregate.reliabilityPerRun.stddev(), 1e-12, "population stddev of 1 and 0");
        assertTrue(Double.isNaN(aggregate.reliabilitySpread()),
                "no spread for points.csv: the report would divide it by the 3 repetitions, not the 2 measured");
        Aggregate two = new Aggregate();
        two.add(run(0, List.of(broadcast(LIVE, 100, 150, 160))), 1, 0);
        two.add(run(1, List.of(unmeasured(7), broadcast(LIVE - 1, 400, 900, -1))), 1, 0);
        assertEquals(0.5, two.reliabilitySpread(), 1e-12, "every repetition measured a broadcast");
        assertEquals(160, aggregate.t100.mean(), 1e-9);
        assertEquals((150 + 900) / 2.0, aggregate.t99.mean(), 1e-9);
        assertEquals(7 + 1000 + 1000 + 5, aggregate.gossipMessages, "their copies were sent");
    }

    @Test
    void withEveryBroadcastUnmeasuredTheFiguresOverBroadcastsAreUndefined() {
        Aggregate aggregate = new Aggregate();
        aggregate.add(run(0, List.of(unmeasured(6), unmeasured(4))), 1, 0);
        assertEquals(2, aggregate.broadcasts);
        assertEquals(2, aggregate.unmeasuredBroadcasts);
        assertTrue(Double.isNaN(aggregate.coverageMean()), "was 0");
        assertTrue(Double.isNaN(aggregate.coverageMin()));
        assertTrue(Double.isNaN(aggregate.reliability()), "was 1: both counted complete");
        assertTrue(Double.isNaN(aggregate.reliabilityPerRun.stddev()));
        assertTrue(Double.isNaN(aggregate.reliabilitySpread()));
        assertTrue(Double.isNaN(aggregate.t99.mean()) && Double.isNaN(aggregate.t100.mean()));
    }

    @Test
    void anUnmeasuredBroadcastHasNoCoverageAndIsNotComplete() {
        BroadcastResult b = unmeasured(3);
        assertFalse(b.measured());
        assertTrue(Double.isNaN(b.coverage()), "was 0");
        assertFalse(b.complete(), "was true: 0 reached of 0");
        BroadcastResult missedAll = new BroadcastResult(0, 0, 0, 4, 0, -1, -1, -1, 0, 3, 0, 0, new int[] {0});
        assertTrue(missedAll.measured());
        assertEquals(0.0, missedAll.coverage());
        assertFalse(missedAll.complete());
    }

    @Test
    void withoutAnyCompleteBroadcastT99IsStillTheMeanOfThoseThatReachedNinetyNinePercent() {
        Aggregate aggregate = new Aggregate();
        // Every broadcast reached 99 of 100 nodes and none reached all: t99 was blank here before.
        aggregate.add(run(0, List.of(broadcast(LIVE - 1, 200, 300, -1), broadcast(LIVE - 1, 220, 340, -1))), 1, 0);
        aggregate.add(run(1, List.of(broadcast(60, 250, -1, -1))), 1, 0);
        assertEquals(210, aggregate.t50.mean(), 1e-9, "the broadcast that reached 60 % is not in t99's set");
        assertEquals(320, aggregate.t99.mean(), 1e-9);
        assertTrue(Double.isNaN(aggregate.t100.mean()));
    }

    @Test
    void withoutAnyBroadcastReachingNinetyNinePercentTheDelaysAreUndefined() {
        Aggregate aggregate = new Aggregate();
        aggregate.add(run(0, List.of(broadcast(60, 200, -1, -1))), 1, 0);
        assertTrue(Double.isNaN(aggregate.t50.mean()));
        assertTrue(Double.isNaN(aggregate.t99.mean()));
        assertTrue(Double.isNaN(aggregate.t100.mean()));
    }

    /** Random mixes of broadcasts reaching 30 %, 60 %, 99 % and 100 % over several runs, seeded. */
    @Test
    void eachDelayCountsExactlyTheBroadcastsThatReachedItsSetAndT50StaysBelowT99() {
        SplittableRandom random = new SplittableRandom(2024);
        for (int trial = 0; trial < 200; trial++) {
            Aggregate aggregate = new Aggregate();
            long reached99 = 0;
            long complete = 0;
            for (int r = 0; r < 1 + random.nextInt(4); r++) {
                List<BroadcastResult> broadcasts = new ArrayList<>();
                for (int b = 0; b < 1 + random.nextInt(6); b++) {
                    double t50 = 50 + random.nextDouble(500);
                    double t99 = t50 + random.nextDouble(1000);
                    double t100 = t99 + random.nextDouble(100);
                    int level = random.nextInt(4); // 0: below half, 1: half, 2: 99 %, 3: everyone
                    int reached = level == 3 ? LIVE : level == 2 ? LIVE - 1 : level == 1 ? 60 : 30;
                    reached99 += level >= 2 ? 1 : 0;
                    complete += level == 3 ? 1 : 0;
                    broadcasts.add(broadcast(reached, level >= 1 ? t50 : -1, level >= 2 ? t99 : -1,
                            level == 3 ? t100 : -1));
                }
                aggregate.add(run(r, broadcasts), 1, 0);
            }
            assertEquals(reached99, aggregate.t99.count(), "trial " + trial);
            assertEquals(reached99, aggregate.t50.count(), "trial " + trial + ": t50 over t99's broadcasts");
            assertEquals(complete, aggregate.t100.count(), "trial " + trial);
            if (reached99 > 0) {
                assertTrue(aggregate.t50.mean() <= aggregate.t99.mean(),
                        "trial " + trial + ": t50 " + aggregate.t50.mean() + ", t99 " + aggregate.t99.mean());
            }
        }
    }
}
