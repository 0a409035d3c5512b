package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScampArena} group on an instant, loss-free network ({@link RecordingArenaEnvironment})
 * shows what PROTOCOL.md asks of SCAMP, without comparing it with {@link ScampNode}: views of about
 * (c+1)·ln n, consistent InViews, gossip reaching everyone once, graceful leaving that keeps the
 * views consistent and the group connected, isolation recovery and leases.
 */
class ArenaGroupTest {
    private static final long MS = 1_000;

    /** An arena of {@code n} nodes and the network that carries its messages. */
    private static final class Group {
        final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
        final Counters counters = new Counters();
        final ScampArena arena;
        final int n;
        final SplittableRandom random;
        long now;

        Group(int n, ProtocolConfig config, long seed) {
            this.n = n;
            this.random = new SplittableRandom(seed);
            RandomStreams seeds = new RandomStreams(1);
            seeds.seed(0, seed);
            arena = new ScampArena(8, config, env, seeds, 0, counters);
        }

        /** Node 0 bootstraps; every other joins through a uniformly random member (or {@code entry}, if >= 0). */
        Group joinAll(int entry) {
            arena.bootstrap(now, 0);
            for (int node = 1; node < n; node++) {
                now += MS;
                arena.join(now, node, entry >= 0 ? entry : random.nextInt(node));
                env.deliverAll(arena, now);
            }
            return this;
        }

        /** Advances the clock to {@code until}, serving wake-ups in order. */
        void runUntil(long until) {
            int wakes = 0;
            for (long next = env.nextWake(); next <= until; next = env.nextWake()) {
                if (++wakes > 10_000_000) {
                    throw new AssertionError("wake-ups never stop at " + now + " µs");
                }
                now = Math.max(now, next);
                env.wakeDue(arena, now);
            }
            now = until;
        }

        double meanPartialView() {
            long sum = 0;
            int members = 0;
            for (int i = 0; i < n; i++) {
                if (arena.isMember(i)) {
                    sum += arena.partialViewSize(i);
                    members++;
                }
            }
            return (double) sum / members;
        }

        /** No self, no duplicate; x in y's PartialView exactly when y is in x's InView, over members. */
        void assertConsistent() {
            for (int y = 0; y < n; y++) {
                if (!arena.isMember(y)) {
                    assertEquals(0, arena.partialViewSize(y), "a node that left holds nobody");
                    continue;
                }
                ViewInvariants.checkNoSelfNoDuplicate(y, arena.partialView(y), "PartialView");
                ViewInvariants.checkNoSelfNoDuplicate(y, arena.inView(y), "InView");
                for (int x : arena.partialView(y)) {
                    assertTrue(arena.isMember(x), y + " holds " + x + ", no member");
                    assertTrue(contains(arena.inView(x), y), y + " holds " + x + " but is not in its InView");
                }
                for (int x : arena.inView(y)) {
                    assertTrue(contains(arena.partialView(x), y), y + " has " + x + " in its InView, not held");
                }
            }
        }

        /** Broadcasts from {@code origin}; asserts every other member gets it exactly once. */
        void assertBroadcastReachesEveryMember(int origin) {
            env.delivered.clear();
            int message = arena.broadcast(now, origin);
            env.deliverAll(arena, now);
            BitSet got = new BitSet();
            for (RecordingArenaEnvironment.Delivered d : env.delivered) {
                assertEquals(message, d.message());
                assertFalse(got.get(d.node()), "delivered twice at " + d.node());
                assertTrue(d.hops() >= 1);
                got.set(d.node());
            }
            for (int i = 0; i < n; i++) {
                assertEquals(arena.isMember(i) && i != origin, got.get(i), "delivery at node " + i);
            }
        }
    }

    private static boolean contains(int[] view, int id) {
        return Arrays.stream(view).anyMatch(v -> v == id);
    }

    private static ProtocolConfig config(int c) {
        return ProtocolConfig.builder().c(c).noHeartbeats().indirection(false).build();
    }

    /**
     * The mean of one group depends a lot on its first joins: five groups are averaged, as in
     * GroupBehaviourTest (which also covers other values of c).
     */
    @Test
    void joinsThroughUniformContactsGiveViewsOfAboutCPlusOneLnN() {
        double sum = 0;
        for (int g = 0; g < 5; g++) {
            Group group = new Group(1_000, config(1), 10 + g).joinAll(-1);
            group.assertConsistent();
            double mean = group.meanPartialView();
            sum += mean;
            long in = 0;
            for (int i = 0; i < 1_000; i++) {
                in += group.arena.inViewSize(i);
                assertEquals(0, group.arena.unacknowledgedCount(i), "everything acked at node " + i);
            }
            assertEquals(mean, in / 1_000.0, 1e-9, "every arc is counted once at each end");
            CounterSnapshot counts = group.counters.snapshot();
            assertTrue(counts.dropped(DropReason.FORWARD_LIMIT) < counts.subscriptionsKept() / 100,
                    "the forward limit drops well under 1 % of copies");
        }
        double expected = 2 * Math.log(1_000);
        assertEquals(expected, sum / 5, 0.15 * expected);
    }

    @Test
    void everyBroadcastReachesEveryOtherMemberOnceAndDuplicatesAreCounted() {
        Group group = new Group(300, config(1), 3).joinAll(-1);
        long arcs = 0;
        for (int i = 0; i < 300; i++) {
            arcs += group.arena.partialViewSize(i);
        }
        for (int origin : new int[] {0, 17, 299}) {
            long before = group.counters.snapshot().duplicates();
            group.assertBroadcastReachesEveryMember(origin);
            // Every node that has the message sends it along each of its arcs once: arcs copies in all,
            // of which n - 1 are first receipts.
            assertEquals(arcs - 299, group.counters.snapshot().duplicates() - before, "duplicates of " + origin);
        }
        assertEquals(3 * 299, group.counters.snapshot().delivered());
    }

    @Test
    void afterAFifthLeavesGracefullyTheViewsStayConsistentAndGossipReachesTheRest() {
        Group group = new Group(500, config(1), 5).joinAll(-1);
        for (int i = 1; i < 500; i += 5) {
            group.arena.leave(group.now, i);
            group.env.deliverAll(group.arena, group.now);
            assertTrue(group.arena.hasLeft(i));
            assertFalse(group.arena.isMember(i));
        }
        group.assertConsistent();
        assertEquals(2 * Math.log(400), group.meanPartialView(), 0.15 * 2 * Math.log(400));
        group.assertBroadcastReachesEveryMember(0);
        group.assertBroadcastReachesEveryMember(498);
    }

    @Test
    void withIndirectionOneEntryPointGivesViewsCloseToUniformContacts() {
        ProtocolConfig config = ProtocolConfig.builder().c(1).noHeartbeats().build();
        Group group = new Group(1_000, config, 7).joinAll(0);
        group.assertConsistent();
        double uniform = 2 * Math.log(1_000);
        assertEquals(uniform, group.meanPartialView(), 0.15 * uniform);
        // Adoption: newcomers swap the entry point for the walk's end, so it is no hub.
        assertTrue(group.arena.inViewSize(0) < 4 * uniform, "entry point held by " + group.arena.inViewSize(0));
        group.assertBroadcastReachesEveryMember(500);
    }

    @Test
    void underLeasesTheMeanViewStaysNearCPlusOneLnNAndEveryNodeRenews() {
        long lease = 20_000;
        ProtocolConfig config = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false)
                .leaseDurationMillis(lease).build();
        Group group = new Group(200, config, 9).joinAll(-1);
        double expected = 2 * Math.log(200);
        for (int period = 1; period <= 5; period++) {
            group.runUntil(group.now + lease * MS);
            assertEquals(expected, group.meanPartialView(), 0.15 * expected, "after period " + period);
        }
        CounterSnapshot s = group.counters.snapshot();
        assertTrue(s.leaseRenewals() >= 200 * 4, "renewals " + s.leaseRenewals());
        assertTrue(s.leaseExpiries() > 0);
        group.assertConsistent();
        group.assertBroadcastReachesEveryMember(123);
    }

    @Test
    void aNodeWhoseInNeighboursAllCrashedResubscribesThroughAPartialViewMemberAndIsHeldAgain() {
        ProtocolConfig config = ProtocolConfig.builder().c(1).indirection(false).heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(5_000).retransmitTimeoutMillis(100).build();
        Group group = new Group(60, config, 13).joinAll(-1);
        group.runUntil(group.now + 3_000 * MS);
        assertEquals(0, group.counters.snapshot().isolationRecoveries(), "heartbeats keep every node in touch");
        int lonely = 59;
        int[] partialView = group.arena.partialView(lonely);
        int[] crashed = group.arena.inView(lonely);
        assertTrue(crashed.length > 0);
        for (int in : crashed) {
            group.env.crash(in);
        }
        group.env.sent.clear();
        group.runUntil(group.now + 4_000 * MS);
        assertEquals(0, group.counters.snapshot().isolationRecoveries(), "not yet: 5 s of silence");
        group.runUntil(group.now + 2_000 * MS);
        assertTrue(group.counters.snapshot().isolationRecoveries() >= 1);
        RecordingArenaEnvironment.Sent subscribe = group.env.sendsOf(MessageType.SUBSCRIBE, lonely).get(0);
        assertTrue(contains(partialView, subscribe.to()), "through a member of its PartialView");
        for (int member : partialView) {
            assertTrue(contains(group.arena.partialView(lonely), member), "its PartialView is kept: " + member);
        }
        group.runUntil(group.now + 10_000 * MS);
        BitSet dead = new BitSet();
        Arrays.stream(crashed).forEach(dead::set);
        assertTrue(Arrays.stream(group.arena.inView(lonely)).anyMatch(in -> !dead.get(in)),
                "held again by a live node: " + Arrays.toString(group.arena.inView(lonely)));
    }
}
