package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimersTest {
    private final RecordingEnvironment env = new RecordingEnvironment();

    /**
     * The longest timers a configuration accepts, on a clock decades in: every deadline the node
     * asks for lies ahead of the clock. (An isolation timeout near Long.MAX_VALUE / 1000 ms once
     * wrapped round to a deadline in the past, and the node asked to be woken at once, forever.)
     */
    @Test
    void theLongestTimersNeverWrapRoundToADeadlineInThePast() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(ProtocolConfig.MAX_TIME_MILLIS - 1)
                .isolationTimeoutMillis(ProtocolConfig.MAX_TIME_MILLIS)
                .duplicateMemoryAgeMillis(ProtocolConfig.MAX_TIME_MILLIS)
                .retransmitTimeoutMillis(ProtocolConfig.MAX_RETRANSMIT_TIMEOUT_MILLIS).maxAttempts(16).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(3), new Counters());
        long decades = 40L * 365 * 24 * 3_600 * 1_000_000;
        env.wakes.clear();
        node.join(decades, 2);
        NodeFixtures.holdInPartialView(node, decades, 3);
        for (long t = decades; t < decades + 10_000_000; t += 1_000_000) {
            node.onTimeout(t);
        }
        assertFalse(env.wakes.isEmpty(), "the subscription awaits its acknowledgement, the member its timers");
        for (long deadline : env.wakes) {
            assertTrue(deadline > decades, "a deadline in the past: " + deadline);
        }
    }

    @Test
    void timersBeyondTheirLongestAreRefused() {
        long over = ProtocolConfig.MAX_TIME_MILLIS + 1;
        for (Runnable refused : List.<Runnable>of(
                () -> ProtocolConfig.builder().heartbeatPeriodMillis(over).isolationTimeoutMillis(0).build(),
                () -> ProtocolConfig.builder().isolationTimeoutMillis(over).build(),
                () -> ProtocolConfig.builder().duplicateMemoryAgeMillis(over).build(),
                () -> ProtocolConfig.builder()
                        .retransmitTimeoutMillis(ProtocolConfig.MAX_RETRANSMIT_TIMEOUT_MILLIS + 1).build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, refused::run);
            assertTrue(e.getMessage().contains("must be in ["), e.getMessage());
        }
    }

    @Test
    void heartbeatGoesToEveryPartialViewMemberEachPeriod() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000).isolationTimeoutMillis(0).build();
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 3, 4);
        env.clear();
        int rounds = 0;
        for (long t = 0; t <= 10_000_000; t += 10_000) {
            int before = env.sendsOf(Heartbeat.class).size();
            node.onTimeout(t);
            if (env.sendsOf(Heartbeat.class).size() > before) {
                rounds++;
            }
        }
        assertEquals(10, rounds, "one round per second over 10 s");
        assertEquals(20, env.sendsOf(Heartbeat.class).size());
    }

    @Test
    void isolatedNodeResubscribesThroughAPartialViewMemberAndKeepsItsView() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(5_000).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(2), new Counters());
        node.join(0, 2);
        NodeFixtures.holdInPartialView(node, 0, 3);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        env.clear();
        node.onTimeout(4_999_999);
        assertTrue(env.sendsOf(Subscribe.class).isEmpty(), "not isolated yet");
        node.onTimeout(5_000_000);
        List<Sent> resubscribe = env.sendsOf(Subscribe.class);
        assertEquals(1, resubscribe.size());
        assertTrue(resubscribe.get(0).to() == 2 || resubscribe.get(0).to() == 3);
        assertEquals(2, node.partialViewSize(), "the PartialView is kept");
        assertEquals(1, node.counters().snapshot().isolationRecoveries());
    }

    @Test
    void heartbeatsReceivedPostponeIsolation() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(5_000).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(2), new Counters());
        node.join(0, 2);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        env.clear();
        for (long t = 0; t <= 20_000_000; t += 1_000_000) {
            node.onMessage(t, 7, Heartbeat.INSTANCE);
            node.onTimeout(t);
        }
        assertTrue(env.sendsOf(Subscribe.class).isEmpty());
    }

    @Test
    void leasedEntryExpiresAndTheSubscriberIsUnlinked() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().leaseDurationMillis(10_000).build();
        ScampNode keeper = NodeFixtures.member(0, config, env, 3);
        keeper.onMessage(1_000_000, 9, new ForwardedSubscription(0, 30, 0, 4_000));
        assertTrue(keeper.partialViewContains(30));
        env.clear();
        keeper.onTimeout(4_999_999);
        assertTrue(keeper.partialViewContains(30), "lease still running");
        keeper.onTimeout(5_000_000);
        assertFalse(keeper.partialViewContains(30), "expired 4 s after it was kept");
        List<Sent> unlinks = env.sendsOf(Unlink.class);
        assertEquals(1, unlinks.size());
        assertEquals(30, unlinks.get(0).to());
        assertEquals(1, keeper.counters().snapshot().leaseExpiries());
    }

    @Test
    void nodeRenewsItsLeaseWhenItRunsOutThroughAMemberKeepingItsView() {
        long leaseMillis = 10_000;
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().leaseDurationMillis(leaseMillis).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(4), new Counters());
        node.join(0, 2);
        Subscribe first = env.sentOf(Subscribe.class).get(0);
        assertTrue(first.leaseMillis() > leaseMillis / 2 && first.leaseMillis() <= leaseMillis,
                "first lease has a random phase in (L/2, L]: " + first.leaseMillis());
        NodeFixtures.holdInPartialView(node, 0, 3, 4);
        NodeFixtures.holdInInView(node, 0, 5, 6, 7); // three keepers of its subscription
        NodeFixtures.acknowledgeEverything(node, env, 0);
        env.clear();
        node.onTimeout(first.leaseMillis() * 1000L - 2);
        assertTrue(env.sendsOf(Subscribe.class).isEmpty());
        // Due 1 µs before the lease ends, before any keeper can expire the arcs it counts.
        node.onTimeout(first.leaseMillis() * 1000L - 1);
        List<Sent> renewals = env.sendsOf(Subscribe.class);
        assertEquals(1, renewals.size());
        Subscribe renewal = (Subscribe) renewals.get(0).message();
        assertTrue(renewal.isRenewal());
        assertEquals(leaseMillis, renewal.leaseMillis(), "later leases last L");
        assertFalse(node.partialViewContains(2), "the arc to the join contact expired with the first lease");
        assertTrue(node.partialViewContains(renewals.get(0).to()));
        assertEquals(2, node.partialViewSize(), "the rest of the PartialView is kept");
        assertEquals(3 + 1, renewal.renewalCopies(),
                "a renewal asks for as many copies as its subscription holds arcs, plus the expired join arc");
        assertEquals(1, node.counters().snapshot().leaseRenewals());
    }

    /**
     * A node holding no arc of its own (here the bootstrap node) renews with as many copies as its
     * PartialView holds, but one subscription carries at most 65,535: with 70,000 members the
     * renewal used to throw instead of being sent.
     */
    @Test
    void aRenewalFromAPartialViewOfMoreThan65535MembersAsksForTheMostOneSubscriptionCarries() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().leaseDurationMillis(10_000).build();
        ScampNode node = new ScampNode(0, config, env, new SplittableRandom(6), new Counters());
        node.bootstrap(0);
        for (int id = 1; id <= 70_000; id++) {
            node.partialView.add(id, IdList.NEVER); // no arc of this node's own subscription
        }
        node.onTimeout(node.leaseRenewalMicros);
        List<Sent> renewals = env.sendsOf(Subscribe.class);
        assertEquals(1, renewals.size());
        assertEquals(Subscribe.MAX_RENEWAL_COPIES, ((Subscribe) renewals.get(0).message()).renewalCopies());
        assertEquals(List.of(7, 8, 9, 65_535, 65_535), List.of(Leases.renewalCopies(0, 3, 6),
                Leases.renewalCopies(0, 8, 6), Leases.renewalCopies(9, 70_000, 6),
                Leases.renewalCopies(70_000, 3, 6), Leases.renewalCopies(0, 70_000, 6)));
    }

    @Test
    void wakeUpsAreRequestedForTheEarliestDeadline() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000).isolationTimeoutMillis(0)
                .retransmitTimeoutMillis(100).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(5), new Counters());
        node.join(0, 2);
        long requested = env.wakes.get(env.wakes.size() - 1);
        assertTrue(requested <= 100_000, "first retransmission or heartbeat due within 100 ms: " + requested);
    }

    /**
     * Runs {@code node}'s timeouts only when it asked for them, as a driver does, until
     * {@code untilMicros}, and returns the time of the first wake-up at which it sent a Subscribe
     * (-1 if none).
     */
    private long firstSubscribeDrivenByWakes(ScampNode node, long untilMicros) {
        PriorityQueue<Long> due = new PriorityQueue<>(env.wakes);
        Set<Long> done = new HashSet<>();
        int seen = env.wakes.size();
        while (!due.isEmpty() && due.peek() <= untilMicros) {
            long at = due.poll();
            if (!done.add(at)) {
                continue;
            }
            int subscribes = env.sentOf(Subscribe.class).size();
            node.onTimeout(at);
            if (env.sentOf(Subscribe.class).size() > subscribes) {
                return at;
            }
            for (; seen < env.wakes.size(); seen++) {
                due.add(env.wakes.get(seen));
            }
        }
        return -1;
    }

    /** The isolation watch asks for its own wake-up: recovery is not left to the next heartbeat. */
    @Test
    void anIsolatedNodeIsWokenWhenItsIsolationTimeoutEnds() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(5_000).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(6), new Counters());
        node.join(0, 2);
        node.onMessage(0, 2, new Ack(env.sentOf(Subscribe.class).get(0).seq()));
        assertEquals(5_000_000, firstSubscribeDrivenByWakes(node, 20_000_000));
    }

    /** Without an isolation watch no wake-up is asked for it: every deadline asked for lies ahead. */
    @Test
    void withoutAnIsolationWatchEveryWakeUpLiesAhead() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000).isolationTimeoutMillis(0).build();
        ScampNode node = NodeFixtures.member(0, config, env, 7);
        NodeFixtures.holdInPartialView(node, 0, 3);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        for (long t = 500_000; t <= 5_000_000; t += 500_000) {
            int before = env.wakes.size();
            node.onTimeout(t);
            for (long deadline : env.wakes.subList(before, env.wakes.size())) {
                assertTrue(deadline > t, "asked at " + t + " to be woken at " + deadline);
            }
        }
    }

    /** A bootstrapped node asks to be woken for its first heartbeat, at a random time within a period. */
    @Test
    void aBootstrappedNodeAsksToBeWokenForItsFirstHeartbeat() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000).isolationTimeoutMillis(0).build();
        ScampNode node = new ScampNode(0, config, env, new SplittableRandom(8), new Counters());
        node.bootstrap(0);
        assertEquals(1, env.wakes.size());
        long first = env.wakes.get(0);
        assertTrue(first > 0 && first <= 1_000_000, "first heartbeat at " + first);
        assertThrows(IllegalStateException.class, () -> node.bootstrap(0), "a member cannot bootstrap again");
    }

    /**
     * An isolated node whose PartialView is empty re-subscribes through its bootstrap contact and,
     * as at its join, holds that contact: the contact notes it as a newcomer that holds it.
     */
    @Test
    void anIsolatedNodeWithAnEmptyPartialViewResubscribesThroughItsBootstrapContactAndHoldsIt() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000)
                .isolationTimeoutMillis(5_000).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(9), new Counters());
        node.join(0, 2);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        node.onMessage(0, 2, new Remove(7));
        assertEquals(0, node.partialViewSize());
        env.clear();
        node.onTimeout(5_000_000);
        List<Sent> resubscribe = env.sendsOf(Subscribe.class);
        assertEquals(1, resubscribe.size());
        assertEquals(2, resubscribe.get(0).to());
        assertEquals(List.of(2), java.util.Arrays.stream(node.partialView()).boxed().toList());
    }

    /**
     * With leases, a contact forgets a newcomer's InView entry (mirroring the newcomer's arc to it,
     * which expires with the newcomer's lease) one retransmission horizon after that lease ends,
     * should no Unlink come.
     */
    @Test
    void aNewcomersInViewEntryIsForgottenAHorizonAfterItsLeaseEnds() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .leaseDurationMillis(10_000).build();
        ScampNode contact = NodeFixtures.member(0, config, env, 10);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11);
        contact.onMessage(1_000_000, 20, new Subscribe(1, 4_000, 0));
        NodeFixtures.acknowledgeEverything(contact, env, 1_000_000);
        assertTrue(contact.inViewContains(20));
        long forgetAt = 5_000_000 + config.retransmitHorizonMicros();
        contact.onTimeout(forgetAt - 1);
        assertTrue(contact.inViewContains(20));
        contact.onTimeout(forgetAt);
        assertFalse(contact.inViewContains(20), "its holder never said Unlink: presumed failed");
    }

    /** Without a lease in the subscription the entry never expires, leases or not. */
    @Test
    void aSubscriptionWithoutLeaseIsNeverForgotten() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .leaseDurationMillis(10_000).build();
        ScampNode contact = NodeFixtures.member(0, config, env, 11);
        contact.onMessage(1_000_000, 20, new Subscribe(1, 0, 0));
        NodeFixtures.acknowledgeEverything(contact, env, 1_000_000);
        contact.onTimeout(Long.MAX_VALUE / 2);
        assertTrue(contact.inViewContains(20));
    }

    /** The first lease is drawn uniformly from (L/2, L]: with L = 4 ms, 3 or 4 ms, both occurring. */
    @Test
    void theFirstLeaseIsDrawnFromTheUpperHalfOfTheLeaseDuration() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().leaseDurationMillis(4).build();
        Set<Integer> drawn = new HashSet<>();
        for (int seed = 0; seed < 64; seed++) {
            RecordingEnvironment e = new RecordingEnvironment();
            new ScampNode(1, config, e, new SplittableRandom(seed), new Counters()).join(0, 2);
            drawn.add(e.sentOf(Subscribe.class).get(0).leaseMillis());
        }
        assertEquals(Set.of(3, 4), drawn);
    }

    /** A node holding fewer arcs than c + 1 still asks for c + 1 copies when it renews. */
    @Test
    void aRenewalAsksForAtLeastCPlusOneCopies() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().c(2).leaseDurationMillis(10_000).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(12), new Counters());
        node.join(0, 2);
        int firstLease = env.sentOf(Subscribe.class).get(0).leaseMillis();
        NodeFixtures.holdInPartialView(node, 0, 3);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        env.clear();
        node.onTimeout(firstLease * 1000L - 1);
        List<Subscribe> renewals = env.sentOf(Subscribe.class);
        assertEquals(1, renewals.size());
        assertEquals(3, renewals.get(0).renewalCopies(), "the join arc alone, raised to c + 1");
    }

    /** Removing one leased entry leaves the others with their own expiry (the two lists stay aligned). */
    @Test
    void aRemovedEntryTakesOnlyItsOwnLeaseWithIt() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .leaseDurationMillis(10_000).build();
        ScampNode keeper = NodeFixtures.member(0, config, env, 13);
        keeper.onMessage(0, 9, new ForwardedSubscription(0, 30, 0, 4_000));
        NodeFixtures.holdInPartialView(keeper, 0, 31); // kept with no lease: never expires
        keeper.onMessage(0, 9, new ForwardedSubscription(1, 32, 0, 8_000));
        assertArrayEquals(new int[] {30, 31, 32}, keeper.partialView(), "32 kept at once: the seed's draw");
        keeper.onMessage(1_000_000, 30, new Remove(5)); // 30 leaves
        NodeFixtures.acknowledgeEverything(keeper, env, 1_000_000);
        keeper.onTimeout(5_000_000);
        assertTrue(keeper.partialViewContains(31), "31 kept without a lease, not 30's four seconds");
        assertTrue(keeper.partialViewContains(32));
        keeper.onTimeout(8_000_000);
        assertFalse(keeper.partialViewContains(32), "32's own lease");
        assertTrue(keeper.partialViewContains(31));
    }

    /**
     * A keeper that keeps a node's renewal again (it held the node already) stays in the node's
     * InView for the new lease: the entry is not forgotten at the end of the old one.
     */
    @Test
    void aKeeperOfTheRenewalStaysInTheInViewForTheNewLease() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().leaseDurationMillis(10_000).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(14), new Counters());
        node.join(0, 2);
        long firstEnd = env.sentOf(Subscribe.class).get(0).leaseMillis() * 1000L;
        NodeFixtures.holdInInView(node, 0, 9);
        NodeFixtures.acknowledgeEverything(node, env, 0);
        node.onTimeout(firstEnd - 1); // renews
        assertEquals(1, node.counters().snapshot().leaseRenewals());
        NodeFixtures.holdInInView(node, firstEnd, 9); // 9 keeps the renewal too
        NodeFixtures.acknowledgeEverything(node, env, firstEnd);
        node.onTimeout(firstEnd + config.retransmitHorizonMicros() + 1);
        assertTrue(node.inViewContains(9), "held for the second lease");
    }
}
