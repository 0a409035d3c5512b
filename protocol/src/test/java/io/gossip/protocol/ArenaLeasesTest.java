package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Leases on a {@link ScampArena} (PROTOCOL.md, "Leases"; package-info, "Leases"): a kept arc lasts
 * the subscription's lease and its keeper then drops it and says Unlink; a node's first lease is
 * drawn from (L/2, L], and it renews 1 µs before each ends through a PartialView member, asking for
 * as many copies as it has in-neighbours of its current subscription (at least c + 1).
 */
class ArenaLeasesTest {
    private static final int FORWARDED = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final long MS = 1_000;
    private static final long LEASE_MS = 10_000;
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false)
            .leaseDurationMillis(LEASE_MS).forwardLimit(8).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();
    private final ScampArena arena = ArenaFixtures.arena(CONFIG, env, counters, 21);

    @Test
    void aKeptArcExpiresWithItsSubscriptionsLeaseAndTheSubscriberIsToldByUnlink() {
        arena.bootstrap(0, 0);
        // An empty PartialView keeps the copy: the arc lasts the 3 s lease the copy carries.
        arena.onSubscription(100, 0, 5, FORWARDED, 0, 7, 0, 0, 3_000, 0);
        assertArrayEquals(new int[] {7}, arena.partialView(0));
        env.clear();
        env.wakeUp(arena, 100 + 3_000 * MS - 1, 0);
        assertArrayEquals(new int[] {7}, arena.partialView(0));
        env.wakeUp(arena, 100 + 3_000 * MS, 0);
        assertArrayEquals(new int[0], arena.partialView(0));
        List<Sent> unlinks = env.sendsOf(MessageType.UNLINK);
        assertEquals(List.of(7), unlinks.stream().map(Sent::to).toList());
        assertEquals(1, counters.snapshot().leaseExpiries());
    }

    @Test
    void theFirstLeasesAreSpreadOverTheSecondHalfOfTheLeaseAndLaterOnesLastItAll() {
        // Unacknowledged messages (one attempt): a node's only wake-up is its lease's.
        ScampArena arena = ArenaFixtures.arena(CONFIG.toBuilder().maxAttempts(1).build(), env, counters, 4);
        arena.bootstrap(0, 0);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int node = 1; node <= 200; node++) {
            arena.join(0, node, 0);
            Sent subscribe = env.sent.get(env.sent.size() - 1);
            assertEquals(MessageType.SUBSCRIBE, subscribe.type());
            assertEquals(0, subscribe.renewalCopies(), "a join is no renewal");
            long lease = subscribe.leaseMillis();
            assertTrue(lease > LEASE_MS / 2 && lease <= LEASE_MS, "first lease " + lease);
            assertEquals(lease * MS - 1, env.wakeOf(node), "renewal due 1 µs before the lease ends");
            shortest = Math.min(shortest, lease);
            longest = Math.max(longest, lease);
        }
        assertTrue(shortest < 0.55 * LEASE_MS && longest > 0.95 * LEASE_MS, shortest + " .. " + longest);
        env.clear();
        long renewal = env.wakeOf(1);
        env.wakeUp(arena, renewal, 1);
        Sent renewing = env.sendsOf(MessageType.SUBSCRIBE, 1).get(0);
        assertEquals(0, renewing.to(), "through its only member");
        assertEquals(LEASE_MS, renewing.leaseMillis(), "later leases last L");
        assertEquals(renewal + LEASE_MS * MS - 1, env.wakeOf(1), "due 1 µs before the new lease ends");
        assertEquals(1, counters.snapshot().leaseRenewals());
    }

    @Test
    void aRenewalGoesToAPartialViewMemberAndAsksForOneCopyPerInNeighbourOfItsSubscription() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        long renewal = env.sendsOf(MessageType.SUBSCRIBE, 1).get(0).leaseMillis() * MS - 1;
        env.deliverAll(arena, 0);
        // Node 1's subscription: kept by 0 (the contact, empty PartialView) and by three more keepers.
        ArenaFixtures.holdInPartialView(arena, 1, 0, 4);
        for (int keeper : new int[] {2, 3, 5}) {
            arena.onMessage(10, 1, keeper, MessageType.KEEP.ordinal(), 0, 0, 0);
        }
        env.clear();
        env.wakeUp(arena, renewal - 1, 1);
        assertEquals(List.of(), env.sendsOf(MessageType.SUBSCRIBE, 1), "not yet due");
        env.wakeUp(arena, renewal, 1);
        // The arc to its join contact ends with the first lease: the renewal goes to the member left.
        assertArrayEquals(new int[] {4}, arena.partialView(1), "the rest of the PartialView is kept");
        assertEquals(List.of(0), env.sendsOf(MessageType.UNLINK, 1).stream().map(Sent::to).toList());
        Sent subscribe = env.sendsOf(MessageType.SUBSCRIBE, 1).get(0);
        assertEquals(4, subscribe.to());
        // Four keepers of its subscription, plus one to replace the join arc.
        assertEquals(5, subscribe.renewalCopies());
        assertEquals(1, counters.snapshot().leaseRenewals());
    }

    @Test
    void aRenewingNodeWithFewInNeighboursAsksForCPlusOneCopies() {
        arena.bootstrap(0, 0);
        long renewal = env.wakeOf(0);
        assertTrue(renewal > LEASE_MS * MS / 2 && renewal < LEASE_MS * MS, "renewal at " + renewal);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 4);
        env.clear();
        env.wakeUp(arena, renewal, 0);
        Sent subscribe = env.sendsOf(MessageType.SUBSCRIBE, 0).get(0);
        assertEquals(4, subscribe.to());
        assertEquals(CONFIG.c() + 1, subscribe.renewalCopies());
    }

    @Test
    void aLoneNodeHasNobodyToRenewThroughAndStartsItsNextLease() {
        arena.bootstrap(0, 0);
        long renewal = env.wakeOf(0);
        env.wakeUp(arena, renewal, 0);
        assertEquals(List.of(), env.sent);
        assertEquals(0, counters.snapshot().leaseRenewals());
        assertEquals(renewal + LEASE_MS * MS - 1, env.wakeOf(0), "due 1 µs before the new lease ends");
    }

    @Test
    void theContactOfARenewalSendsOneCopyToEachOfThatManyDistinctMembers() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13, 14, 15);
        env.clear();
        arena.onSubscription(0, 0, 30, SUBSCRIBE, 1, 0, 0, 0, (int) LEASE_MS, 3);
        List<Integer> to = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream().map(Sent::to).toList();
        assertEquals(3, to.size());
        assertEquals(3, to.stream().distinct().count(), "distinct members: " + to);
        env.clear();
        arena.onSubscription(0, 0, 31, SUBSCRIBE, 2, 0, 0, 0, (int) LEASE_MS, 7);
        to = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream().map(Sent::to).toList();
        assertEquals(7, to.size(), "past the view's size, extra copies to random members");
        assertEquals(5, to.subList(0, 5).stream().distinct().count());
        env.clear();
        arena.onSubscription(0, 0, 32, SUBSCRIBE, 3, 0, 0, 0, (int) LEASE_MS, CONFIG.forwardLimit() + 5);
        assertEquals(CONFIG.forwardLimit(), env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size());
        assertEquals(1, counters.snapshot().dropped(DropReason.RENEWAL_COPIES_CLAMPED));
        assertTrue(env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream()
                .allMatch(s -> s.leaseMillis() == LEASE_MS && s.subject() == 32), "copies carry the lease");
    }

    @Test
    void anInViewEntryWhoseHolderNeverUnlinksIsForgottenAHorizonAfterTheArcsExpiry() {
        arena.bootstrap(0, 0);
        arena.onSubscription(0, 0, 9, SUBSCRIBE, 1, 0, 0, 0, 2_000, 0); // 9 holds 0 for its 2 s lease
        assertTrue(ArenaFixtures.contains(arena.inView(0), 9));
        assertArrayEquals(new int[] {9}, arena.partialView(0), "alone, the contact keeps the subscriber");
        env.clear();
        env.wakeUp(arena, 2_000 * MS, 0);
        assertArrayEquals(new int[0], arena.partialView(0), "the kept arc lasts the subscription's lease");
        assertEquals(List.of(9), env.sendsOf(MessageType.UNLINK).stream().map(Sent::to).toList());
        assertEquals(1, counters.snapshot().leaseExpiries());
        long gone = 2_000 * MS + CONFIG.retransmitHorizonMicros();
        env.wakeUp(arena, gone - 1, 0);
        assertTrue(ArenaFixtures.contains(arena.inView(0), 9), "its Unlink may still be under way");
        env.wakeUp(arena, gone, 0);
        assertArrayEquals(new int[0], arena.inView(0), "its holder never said Unlink: presumed failed");
        assertEquals(1, counters.snapshot().leaseExpiries(), "only arcs a node holds count as expiries");
        assertTrue(env.sendsOf(MessageType.UNLINK).stream().allMatch(u -> u.to() == 9), "nobody else to tell");
    }

    @Test
    void aRenewalsCopiesNeverGoToItsSubscriberAndItsCopiesUpToTheForwardLimitAreNotClamped() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 30, 11, 12, 13);
        env.clear();
        arena.onSubscription(0, 0, 30, SUBSCRIBE, 1, 0, 0, 0, (int) LEASE_MS, 3);
        List<Integer> to = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream().map(Sent::to).toList();
        assertEquals(List.of(11, 12, 13), to.stream().sorted().toList());
        env.clear();
        arena.onSubscription(0, 0, 30, SUBSCRIBE, 2, 0, 0, 0, (int) LEASE_MS, CONFIG.forwardLimit());
        to = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream().map(Sent::to).toList();
        assertEquals(CONFIG.forwardLimit(), to.size());
        assertTrue(!to.contains(30), to.toString());
        assertEquals(0, counters.snapshot().dropped(DropReason.RENEWAL_COPIES_CLAMPED));
    }

    @Test
    void aKeepRepeatedForALaterLeaseKeepsTheInViewEntryUntilThen() {
        arena.bootstrap(0, 0);
        long firstRenewal = env.wakeOf(0);
        long horizon = CONFIG.retransmitHorizonMicros();
        arena.onMessage(0, 0, 9, MessageType.KEEP.ordinal(), 1, 0, 0); // holds 0 until its lease ends
        env.wakeUp(arena, firstRenewal, 0); // alone: no renewal to send, but its next lease starts
        arena.onMessage(firstRenewal, 0, 9, MessageType.KEEP.ordinal(), 2, 0, 0); // kept again for that one
        env.wakeUp(arena, firstRenewal + horizon, 0);
        assertArrayEquals(new int[] {9}, arena.inView(0), "the later expiry stays");
        assertTrue(env.wakeOf(0) > firstRenewal + horizon, "nothing is due any more: no wake-up in the past");
        env.wakeUp(arena, firstRenewal + LEASE_MS * MS - 1 + horizon, 0);
        assertArrayEquals(new int[0], arena.inView(0));
    }

    @Test
    void aReplacementAlreadyHeldKeepsTheLaterOfTheTwoExpiries() {
        arena.bootstrap(0, 0);
        arena.onSubscription(0, 0, 5, FORWARDED, 0, 7, 0, 0, 1_000, 0); // kept: empty PartialView
        while (!ArenaFixtures.contains(arena.partialView(0), 11)) {
            arena.onSubscription(0, 0, 5, FORWARDED, 0, 11, 0, 0, 5_000, 0);
        }
        arena.onMessage(0, 0, 11, MessageType.REPLACE.ordinal(), 0, 7, 0); // 11 leaves, naming 7
        assertArrayEquals(new int[] {7}, arena.partialView(0));
        env.wakeUp(arena, 1_000 * MS, 0);
        assertArrayEquals(new int[] {7}, arena.partialView(0), "7 now stands for 11's arc, until 5 s");
        env.wakeUp(arena, 5_000 * MS, 0);
        assertArrayEquals(new int[0], arena.partialView(0));
    }

    @Test
    void anEntryRemovedTakesItsExpiryWithItAndTheOthersKeepTheirs() {
        arena.bootstrap(0, 0);
        arena.onSubscription(0, 0, 5, FORWARDED, 0, 7, 0, 0, 1_000, 0); // kept: empty PartialView
        while (!ArenaFixtures.contains(arena.partialView(0), 11)) {
            arena.onSubscription(0, 0, 5, FORWARDED, 0, 11, 0, 0, 5_000, 0);
        }
        arena.onMessage(0, 0, 7, MessageType.REMOVE.ordinal(), 0, 0, 0); // 7 left
        env.wakeUp(arena, 1_000 * MS, 0);
        assertArrayEquals(new int[] {11}, arena.partialView(0), "11's arc lasts its own lease");
        env.wakeUp(arena, 5_000 * MS, 0);
        assertArrayEquals(new int[0], arena.partialView(0));
    }

    @Test
    void inViewEntriesExpireEachAtItsOwnTime() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 20); // a PartialView entry before them, for good
        long horizon = CONFIG.retransmitHorizonMicros();
        arena.onSubscription(0, 0, 9, SUBSCRIBE, 1, 0, 0, 0, 1_000, 0);
        arena.onSubscription(0, 0, 8, SUBSCRIBE, 1, 0, 0, 0, 3_000, 0);
        arena.onSubscription(0, 0, 6, SUBSCRIBE, 1, 0, 0, 0, 2_000, 0);
        assertArrayEquals(new int[] {9, 8, 6}, arena.inView(0));
        env.wakeUp(arena, 1_000 * MS + horizon, 0);
        assertArrayEquals(new int[] {8, 6}, arena.inView(0));
        env.wakeUp(arena, 2_000 * MS + horizon, 0);
        assertArrayEquals(new int[] {8}, arena.inView(0));
        env.wakeUp(arena, 3_000 * MS + horizon, 0);
        assertArrayEquals(new int[0], arena.inView(0));
        assertTrue(ArenaFixtures.contains(arena.partialView(0), 20));
    }

    @Test
    void aContactNeverSendsARenewalsCopyToItselfOrTheSubscriber() {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 30, 11, 12, 13);
        env.clear();
        arena.onSubscription(0, 0, 30, SUBSCRIBE, 1, 0, 0, 0, (int) LEASE_MS, 5);
        List<Integer> to = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream().map(Sent::to).toList();
        assertEquals(5, to.size());
        assertTrue(to.stream().allMatch(t -> t >= 11 && t <= 13), to.toString());
        assertEquals(List.of(11, 12, 13), to.subList(0, 3).stream().sorted().toList(), "first to each member once");
    }

    @Test
    void aKeepRepeatedForALaterLeaseExtendsItsOwnEntryAmongOthers() {
        arena.bootstrap(0, 0);
        long firstRenewal = env.wakeOf(0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 20);
        long horizon = CONFIG.retransmitHorizonMicros();
        arena.onMessage(0, 0, 5, MessageType.KEEP.ordinal(), 0, 0, 0);
        arena.onMessage(0, 0, 9, MessageType.KEEP.ordinal(), 0, 0, 0);
        env.wakeUp(arena, firstRenewal, 0); // renews through 20, its next lease starts
        arena.onMessage(firstRenewal, 0, 9, MessageType.KEEP.ordinal(), 0, 0, 0); // 9 keeps it again
        env.wakeUp(arena, firstRenewal + horizon, 0);
        assertArrayEquals(new int[] {9}, arena.inView(0), "5 expired with the first lease, 9 holds the second");
        assertArrayEquals(new int[] {20}, arena.partialView(0));
    }
}
