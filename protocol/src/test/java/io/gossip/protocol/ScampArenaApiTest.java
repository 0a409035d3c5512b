package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Walk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Misuse of {@link ScampArena}'s API is refused with a clear error and leaves the arena unchanged. */
class ScampArenaApiTest {
    private static final ProtocolConfig SUPPORTED = ProtocolConfig.builder().noHeartbeats().indirection(false).build();

    private final List<String> calls = new ArrayList<>();
    private final ArenaEnvironment env = new ArenaEnvironment() {
        @Override
        public void send(int from, int to, int type, int seq, int subject, int hops) {
            calls.add("send " + from + " " + to + " " + type + " " + seq);
        }

        @Override
        public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
                int leaseMillis, int renewalCopies) {
            calls.add("subscription " + from + " " + to + " " + type + " " + seq + " " + subscriber + " " + budget
                    + " " + leaseMillis + " " + renewalCopies);
        }

        @Override
        public void deliver(int node, int message, int hops) {
            calls.add("deliver " + node + " " + message);
        }

        @Override
        public void wakeAt(int node, long deadlineMicros) {
            calls.add("wake " + node + " " + deadlineMicros);
        }
    };

    private ScampArena arena(int capacity) {
        return new ScampArena(capacity, SUPPORTED, env, seeded(), 0, new Counters());
    }

    private static RandomStreams seeded() {
        RandomStreams seeds = new RandomStreams(1);
        seeds.seed(0, 100);
        return seeds;
    }

    @Test
    void joiningThroughItselfIsRefusedAndTheNodeStaysOut() {
        ScampArena arena = arena(4);
        arena.bootstrap(0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> arena.join(0, 2, 2));
        assertTrue(e.getMessage().contains("itself"), e.getMessage());
        assertFalse(arena.isMember(2));
        assertEquals(0, arena.partialViewSize(2));
        arena.join(1, 2, 0); // the refused call did not half-create the node
        assertTrue(arena.isMember(2));
        assertArrayEquals(new int[] {0}, arena.partialView(2));
    }

    @Test
    void joiningThroughAnInvalidContactIsRefused() {
        ScampArena arena = arena(4);
        assertThrows(IllegalArgumentException.class, () -> arena.join(0, 1, NodeIds.NONE));
        assertThrows(IllegalArgumentException.class, () -> arena.join(0, -5, 1));
        assertFalse(arena.isMember(1));
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void joiningOrBootstrappingTwiceIsRefusedWithoutSendingAnything() {
        ScampArena arena = arena(4);
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        List<String> before = new ArrayList<>(calls);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> arena.join(5, 1, 0));
        assertTrue(twice.getMessage().contains("already joined"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> arena.bootstrap(5, 1));
        assertThrows(IllegalStateException.class, () -> arena.bootstrap(5, 0));
        assertThrows(IllegalStateException.class, () -> arena.join(5, 0, 1));
        assertEquals(before, calls);
        assertArrayEquals(new int[] {0}, arena.partialView(1));
        assertEquals(1, arena.unacknowledgedCount(1));
    }

    @Test
    void aNonMemberCannotBroadcast() {
        ScampArena arena = arena(4);
        arena.bootstrap(0, 0);
        for (int node : new int[] {1, 3, 4, 1_000, -1}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> arena.broadcast(0, node));
            assertTrue(e.getMessage().contains("not a member"), e.getMessage());
        }
        assertEquals(0, arena.messageCount());
        assertThrows(IndexOutOfBoundsException.class, () -> arena.messageId(0));
        assertEquals(0, arena.broadcast(1, 0));
    }

    @Test
    void nodesBeyondTheInitialCapacityGrowTheArena() {
        ScampArena arena = arena(1);
        arena.bootstrap(0, 0);
        arena.join(0, 9, 0);
        arena.join(0, 5, 9);
        assertTrue(arena.isMember(9));
        assertTrue(arena.isMember(5));
        assertFalse(arena.isMember(7));
        assertEquals(1, arena.unacknowledgedCount(9));
    }

    @Test
    void everyUnsupportedFeatureIsNamed() {
        ProtocolConfig.Builder b = SUPPORTED.toBuilder();
        assertRejected(b.forwardLimit(ArenaChannel.MAX_HOPS).build(), "forward limit");
        assertRejected(SUPPORTED.toBuilder().forwardLimit(Integer.MAX_VALUE).build(), "forward limit");
    }

    @Test
    void heartbeatsIsolationRecoveryAndTheWalkAreSupported() {
        assertNull(ScampArena.unsupported(SUPPORTED.toBuilder().heartbeatPeriodMillis(1_000).build()));
        assertNull(ScampArena.unsupported(
                SUPPORTED.toBuilder().heartbeatPeriodMillis(1_000).isolationTimeoutMillis(5_000).build()));
        assertNull(ScampArena.unsupported(SUPPORTED.toBuilder().indirection(true).build()));
        assertNull(ScampArena.unsupported(ProtocolConfig.defaults()));
        assertNull(ScampArena.unsupported(ProtocolConfig.defaults().toBuilder().leaseDurationMillis(30_000).build()));
    }

    @Test
    void aWalkStepHandedToOnMessageWithoutItsBudgetIsRefused() {
        ScampArena arena = new ScampArena(4, ProtocolConfig.defaults(), env, seeded(), 0, new Counters());
        arena.bootstrap(0, 0);
        int walk = MessageType.WALK.ordinal();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> arena.onMessage(10, 0, 1, walk, 1, 2, 0));
        assertTrue(e.getMessage().contains("onSubscription"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> arena.onSubscription(10, 0, 1, walk, 1, 2, 0, Double.NaN, 0, 0));
        // accepted: a step for subscriber 2 with half its budget left
        arena.onSubscription(10, 0, 1, walk, 1, 2, 0, 0.5, 0, 0);
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("send 0 1 " + MessageType.ACK.ordinal())),
                calls.toString());
    }

    @Test
    void withLeasesASubscriptionMessageWithoutItsLeaseIsRefused() {
        ProtocolConfig leases = SUPPORTED.toBuilder().leaseDurationMillis(30_000).build();
        ScampArena arena = new ScampArena(4, leases, env, seeded(), 0, new Counters());
        arena.bootstrap(0, 0);
        int subscribe = MessageType.SUBSCRIBE.ordinal();
        int forwarded = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
        for (int type : new int[] {subscribe, forwarded}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> arena.onMessage(10, 0, 1, type, 1, 1, 0));
            assertTrue(e.getMessage().contains("onSubscription"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> arena.onSubscription(10, 0, 1, subscribe, 1, 0, 0, 0, -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> arena.onSubscription(10, 0, 1, subscribe, 1, 0, 0, 0, 5, -1));
        assertThrows(IllegalArgumentException.class,
                () -> arena.onSubscription(10, 0, 1, MessageType.KEEP.ordinal(), 1, 0, 0, 0, 0, 0));
        assertEquals(List.of(), calls.stream().filter(c -> !c.startsWith("wake")).toList(),
                "nothing sent when refused");
        arena.onSubscription(10, 0, 1, subscribe, 1, 0, 0, 0, 30_000, 0); // node 1 joins through 0 with a lease
        assertEquals(1, arena.inViewSize(0));
        assertEquals(1, arena.partialViewSize(0), "the contact alone keeps the subscriber");
    }

    @Test
    void theLargestForwardLimitBelowTwoToTheTwentyIsSupported() {
        assertEquals((1 << 20) - 1, ArenaChannel.MAX_HOPS);
        ProtocolConfig config = SUPPORTED.toBuilder().forwardLimit(ArenaChannel.MAX_HOPS - 1).build();
        assertNull(ScampArena.unsupported(config));
        assertNull(ScampArena.unsupported(SUPPORTED));
        new ScampArena(1, config, env, new RandomStreams(1), 0, new Counters());
    }

    @Test
    void runsReachingTheRecordsTimeLimitAreRefusedWithTheirTimers() {
        long eightYears = 8L * 365 * 24 * 3_600 * 1_000_000;
        assertNull(ScampArena.unsupported(SUPPORTED, eightYears));
        assertNull(ScampArena.unsupported(ProtocolConfig.defaults(), eightYears));
        String why = ScampArena.unsupported(SUPPORTED, ScampArena.TIME_LIMIT_MICROS - 1);
        assertTrue(why != null && why.contains("8.9 years"), why);
        // a run ending early enough, but whose leases would be renewed past the limit
        ProtocolConfig longLeases = SUPPORTED.toBuilder().leaseDurationMillis(ProtocolConfig.MAX_LEASE_MILLIS).build();
        assertNull(ScampArena.unsupported(longLeases, eightYears - ProtocolConfig.MAX_LEASE_MILLIS * 1_000L));
        assertNotNull(ScampArena.unsupported(longLeases,
                ScampArena.TIME_LIMIT_MICROS - ProtocolConfig.MAX_LEASE_MILLIS * 1_000L));
        // the longest timers a configuration takes do not overflow the bound into a yes
        ProtocolConfig endless = SUPPORTED.toBuilder().heartbeatPeriodMillis(ProtocolConfig.MAX_TIME_MILLIS - 1)
                .isolationTimeoutMillis(ProtocolConfig.MAX_TIME_MILLIS).build();
        assertNotNull(ScampArena.unsupported(endless, 0));
        assertNotNull(ScampArena.unsupported(SUPPORTED, -1));
    }

    private void assertRejected(ProtocolConfig config, String feature) {
        String why = ScampArena.unsupported(config);
        assertTrue(why != null && why.contains(feature), "unsupported() said: " + why);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScampArena(4, config, env, new RandomStreams(1), 0, new Counters()));
        assertTrue(e.getMessage().contains(feature) && e.getMessage().contains("ScampNode"), e.getMessage());
    }

    @Test
    void aTypeThatIsNoMessageTypesOrdinalIsRefused() {
        ScampArena arena = arena(4);
        arena.bootstrap(0, 0);
        for (int type : new int[] {-1, MessageType.count()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> arena.onMessage(10, 0, 1, type, 1, 0, 0));
            assertTrue(e.getMessage().contains("ordinal " + type), e.getMessage());
        }
        assertEquals(List.of(), calls.stream().filter(c -> !c.startsWith("wake")).toList(),
                "nothing sent when refused");
    }

    @Test
    void subscriptionMessagesAreAcceptedAsTheObjectsTheyStandFor() {
        ScampArena arena = new ScampArena(4, SUPPORTED.toBuilder().leaseDurationMillis(30_000).build(), env, seeded(),
                0, new Counters());
        arena.bootstrap(0, 0);
        arena.onSubscription(10, 0, 1, new Subscribe(1, 30_000, 0));
        assertArrayEquals(new int[] {1}, arena.inView(0), "a Subscribe: its sender holds the contact");
        assertArrayEquals(new int[] {1}, arena.partialView(0), "alone, the contact keeps it");
        calls.clear();
        arena.onSubscription(10, 0, 2, new ForwardedSubscription(1, 6, 0, 30_000));
        boolean passedOn = calls.stream().anyMatch(c -> c.startsWith("subscription 0 1 "
                + MessageType.FORWARDED_SUBSCRIPTION.ordinal() + " ") && c.endsWith(" 30000 0"));
        assertTrue(passedOn != (arena.partialViewSize(0) == 2), "a copy is kept or passed on with its lease: " + calls);
        calls.clear();
        arena.onSubscription(10, 0, 3, new Walk(1, 5, 0.25, 2, 30_000, 0));
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("send 0 3 " + MessageType.ACK.ordinal())),
                calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("send 0 5 " + MessageType.ADOPT.ordinal())),
                "the walk ended here (budget spent): " + calls);
        assertThrows(IllegalArgumentException.class, () -> arena.onSubscription(10, 0, 1, new Keep(3)));
    }
}
