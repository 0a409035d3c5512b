package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import java.util.List;
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

    @Test
    void wakeUpsAreRequestedForTheEarliestDeadline() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(1_000).isolationTimeoutMillis(0)
                .retransmitTimeoutMillis(100).build();
        ScampNode node = new ScampNode(1, config, env, new SplittableRandom(5), new Counters());
        node.join(0, 2);
        long requested = env.wakes.get(env.wakes.size() - 1);
        assertTrue(requested <= 100_000, "first retransmission or heartbeat due within 100 ms: " + requested);
    }
}
