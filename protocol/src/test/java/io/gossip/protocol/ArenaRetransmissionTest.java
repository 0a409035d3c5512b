package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reliable membership messages on a {@link ScampArena} (PROTOCOL.md, "Membership messages must
 * survive loss"; package-info, "Reliable membership messages" and "Undeliverable messages"):
 * retransmission with doubling delays up to maxAttempts transmissions, every field kept; a copy or
 * walk step out of attempts goes to another member one hop further, a Subscribe to another
 * PartialView member; a leaving node stops retransmitting its Subscribes and Keeps, and an Unlink
 * stops the Keep it undoes.
 */
class ArenaRetransmissionTest {
    private static final int FORWARDED = MessageType.FORWARDED_SUBSCRIPTION.ordinal();
    private static final int WALK = MessageType.WALK.ordinal();
    private static final int ACK = MessageType.ACK.ordinal();
    private static final long MS = 1_000;
    /** Transmissions at 0, 100 and 300 ms; out of attempts at 700 ms. */
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().c(0).noHeartbeats().indirection(false)
            .maxAttempts(3).retransmitTimeoutMillis(100).forwardLimit(9).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();

    private ScampArena arena(ProtocolConfig config) {
        return ArenaFixtures.arena(config, env, counters, 31);
    }

    /** Wakes {@code node} at each of {@code millis}, losing whatever it sends. */
    private void wakeAt(ScampArena arena, int node, long... millis) {
        for (long t : millis) {
            env.wakeUp(arena, t * MS, node);
        }
        env.loseInFlight();
    }

    @Test
    void anUnacknowledgedMessageIsSentAgainAfterDoublingDelaysThenHandedOnOutOfAttempts() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onMessage(0, 0, 40, FORWARDED, 1, 11, 4); // 11 is held: passed on to 12, hop 5
        assertEquals(1, arena.unacknowledgedCount(0));
        assertEquals(100 * MS, env.wakeOf(0));
        wakeAt(arena, 0, 99, 100, 299);
        assertEquals(2, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size(), "the second delay is twice the first");
        wakeAt(arena, 0, 300, 699);
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(3, copies.size(), "three transmissions, the first at once: " + copies);
        for (Sent copy : copies) {
            assertEquals(12, copy.to());
            assertEquals(11, copy.subject());
            assertEquals(5, copy.hops());
            assertEquals(copies.get(0).seq(), copy.seq(), "the same message");
        }
        assertEquals(2, counters.snapshot().retransmissions());
        env.clear();
        wakeAt(arena, 0, 700);
        assertEquals(1, counters.snapshot().dropped(DropReason.RETRANSMIT_EXHAUSTED));
        // 12 never answered; the only other member is the copy's own subscriber: nowhere to go.
        assertEquals(1, counters.snapshot().dropped(DropReason.NO_MEMBER_TO_FORWARD));
        assertEquals(List.of(), env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION));
        assertArrayEquals(new int[] {11, 12}, arena.partialView(0));
    }

    @Test
    void aCopyOfANewSubscriberWithNowhereElseToGoIsKeptByTheNodeItself() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        int subscriber = 50;
        env.clear();
        // Kept at once with probability 1/2: offer new subscribers until one is passed on to 12.
        while (env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).isEmpty()) {
            ArenaFixtures.acknowledgeEverything(arena, env, 0);
            env.clear();
            arena.onMessage(0, 0, 40, FORWARDED, ++subscriber, subscriber, 0);
        }
        int passedOn = subscriber;
        assertEquals(12, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).get(0).to());
        wakeAt(arena, 0, 100, 300);
        env.clear();
        wakeAt(arena, 0, 700);
        assertTrue(ArenaFixtures.contains(arena.partialView(0), passedOn), "the copy is not lost");
        assertEquals(List.of(passedOn), env.sendsOf(MessageType.KEEP).stream().map(Sent::to).toList());
    }

    @Test
    void aCopyOutOfAttemptsGoesToAnotherMemberOneHopFurtherAndItsSilentMemberIsKept() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        for (int round = 0; round < 10; round++) {
            env.clear();
            arena.onMessage(round * 1_000 * MS, 0, 40, FORWARDED, 1 + round, 11, 2);
            Sent first = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).get(0);
            assertNotEquals(11, first.to());
            assertEquals(3, first.hops());
            wakeAt(arena, 0, round * 1_000 + 100, round * 1_000 + 300);
            env.clear();
            env.wakeUp(arena, (round * 1_000 + 700) * MS, 0);
            Sent redirected = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).get(0);
            assertEquals(4, redirected.hops(), "the detour counts as a hop");
            assertEquals(11, redirected.subject());
            assertNotEquals(first.to(), redirected.to(), "another member");
            assertNotEquals(11, redirected.to(), "never its subscriber");
            // A member that answers: nothing more is sent.
            arena.onMessage((round * 1_000 + 700) * MS, 0, redirected.to(), ACK, redirected.seq(), 0, 0);
            assertEquals(0, arena.unacknowledgedCount(0));
        }
        assertArrayEquals(new int[] {11, 12, 13}, arena.partialView(0), "silent members are not evicted");
    }

    @Test
    void aCopyAtTheForwardLimitOutOfAttemptsIsDroppedAndCounted() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onMessage(0, 0, 40, FORWARDED, 1, 11, CONFIG.forwardLimit() - 1);
        wakeAt(arena, 0, 100, 300);
        env.clear();
        wakeAt(arena, 0, 700);
        assertEquals(List.of(), env.sent);
        assertEquals(1, counters.snapshot().dropped(DropReason.FORWARD_LIMIT));
    }

    @Test
    void aSubscribeOutOfAttemptsGoesToAnotherPartialViewMember() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 1);
        arena.join(0, 0, 1);
        env.clear();
        ArenaFixtures.holdInPartialView(arena, 0, 0, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0); // not the Subscribe
        env.clear();
        wakeAt(arena, 0, 100, 300);
        assertEquals(List.of(1, 1), env.sendsOf(MessageType.SUBSCRIBE).stream().map(Sent::to).toList());
        env.clear();
        wakeAt(arena, 0, 700);
        assertEquals(List.of(12), env.sendsOf(MessageType.SUBSCRIBE).stream().map(Sent::to).toList());
        env.clear();
        wakeAt(arena, 0, 800, 1_000, 1_400);
        assertEquals(List.of(12, 12, 1), env.sendsOf(MessageType.SUBSCRIBE).stream().map(Sent::to).toList(),
                "then back to the first: silent members are not evicted");
    }

    @Test
    void aWalkStepOutOfAttemptsGoesToAnotherNeighbourWithTheSameBudgetOrEndsThere() {
        ScampArena arena = arena(CONFIG.toBuilder().indirection(true).build());
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onSubscription(0, 0, 40, WALK, 1, 30, 3, 7.5, 0, 0);
        Sent step = env.sendsOf(MessageType.WALK).get(0);
        assertEquals(7.5 - 1.0 / 2, step.budget(), 1e-12);
        wakeAt(arena, 0, 100, 300);
        List<Sent> steps = env.sendsOf(MessageType.WALK);
        assertEquals(3, steps.size());
        assertTrue(steps.stream().allMatch(s -> s.budget() == step.budget() && s.hops() == 4 && s.subject() == 30
                && s.to() == step.to()), "retransmitted whole: " + steps);
        env.clear();
        env.wakeUp(arena, 700 * MS, 0);
        Sent redirected = env.sendsOf(MessageType.WALK).get(0);
        assertNotEquals(step.to(), redirected.to());
        assertEquals(step.budget(), redirected.budget(), "a detour spends no budget");
        assertEquals(5, redirected.hops());
        // Every detour is a hop: redirected again and again, the walk ends at the forward limit.
        long t = 700;
        for (int hops = 5; hops < CONFIG.forwardLimit(); hops++) {
            env.clear();
            wakeAt(arena, 0, t + 100, t + 300);
            t += 700;
            env.clear();
            env.wakeUp(arena, t * MS, 0);
            assertEquals(hops + 1, env.sendsOf(MessageType.WALK).get(0).hops());
        }
        env.clear();
        wakeAt(arena, 0, t + 100, t + 300);
        env.clear();
        env.wakeUp(arena, (t + 700) * MS, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.WALK), "at the forward limit the walk ends here");
        assertEquals(2, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size(), "acting as the contact");
        assertEquals(List.of(30), env.sendsOf(MessageType.ADOPT).stream().map(Sent::to).toList());
    }

    @Test
    void underLeasesARetransmittedOrRedirectedSubscriptionKeepsItsLeaseAndCopies() {
        ScampArena arena = arena(CONFIG.toBuilder().leaseDurationMillis(60_000).build());
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onSubscription(0, 0, 40, MessageType.SUBSCRIBE.ordinal(), 1, 0, 0, 0, 45_000, 2);
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(2, copies.size());
        wakeAt(arena, 0, 100, 300);
        env.clear();
        env.wakeUp(arena, 700 * MS, 0);
        // Both copies out of attempts: each goes to the other member.
        List<Sent> redirected = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(2, redirected.size());
        assertTrue(redirected.stream().allMatch(s -> s.leaseMillis() == 45_000 && s.subject() == 40
                && s.hops() == 1 && s.asSubscription()), redirected.toString());
    }

    @Test
    void aLeavingNodeStopsRetransmittingItsSubscribeButNotItsGoodbyes() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 1);
        arena.join(0, 0, 1);
        ArenaFixtures.holdInInView(arena, 0, 0, 21, 22);
        env.clear();
        arena.leave(0, 0);
        assertEquals(3, arena.unacknowledgedCount(0), "two Removes and an Unlink, not the Subscribe");
        env.clear();
        wakeAt(arena, 0, 100);
        assertEquals(List.of(), env.sendsOf(MessageType.SUBSCRIBE));
        assertEquals(3, env.sent.size(), "the goodbyes are retransmitted: " + env.sent);
    }

    @Test
    void anUnlinkStopsTheRetransmissionOfTheKeepItUndoes() {
        ScampArena arena = arena(CONFIG.toBuilder().leaseDurationMillis(60_000).build());
        arena.bootstrap(0, 0);
        // Kept for a 150 ms lease; the Keep is never acknowledged.
        arena.onSubscription(0, 0, 40, FORWARDED, 0, 7, 0, 0, 150, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 8); // for good
        assertEquals(2, env.sendsOf(MessageType.KEEP).size());
        wakeAt(arena, 0, 100);
        env.clear();
        wakeAt(arena, 150);
        assertEquals(List.of(7), env.sendsOf(MessageType.UNLINK).stream().map(Sent::to).toList());
        env.clear();
        wakeAt(arena, 0, 300);
        assertEquals(List.of(8), env.sendsOf(MessageType.KEEP).stream().map(Sent::to).toList(),
                "only the Keep of the arc still held");
    }

    private void wakeAt(ScampArena arena, long millis) {
        wakeAt(arena, 0, millis);
    }

    @Test
    void aJoinWalkWhoseFirstStepIsUndeliverableEndsAtTheEntryPointWithoutAdoption() {
        ScampArena arena = arena(CONFIG.toBuilder().indirection(true).build());
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onMessage(0, 0, 30, MessageType.SUBSCRIBE.ordinal(), 1, 0, 0);
        assertEquals(List.of(11), env.sendsOf(MessageType.WALK).stream().map(Sent::to).toList());
        wakeAt(arena, 0, 100, 300);
        env.clear();
        env.wakeUp(arena, 700 * MS, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.WALK), "no other neighbour but the subscriber");
        assertEquals(List.of(11), env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).stream().map(Sent::to).toList(),
                "the entry point acts as the contact");
        assertEquals(List.of(), env.sendsOf(MessageType.ADOPT), "it is the subscriber's contact already");
    }

    @Test
    void aRetransmittedRenewalKeepsItsLeaseAndCopiesAndEverySendIsCounted() {
        ScampArena arena = arena(CONFIG.toBuilder().leaseDurationMillis(60_000).build());
        arena.bootstrap(0, 0);
        long renewal = env.wakeOf(0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        env.wakeUp(arena, renewal, 0);
        env.loseInFlight();
        env.wakeUp(arena, renewal + 100 * MS, 0);
        List<Sent> subscribes = env.sendsOf(MessageType.SUBSCRIBE);
        assertEquals(2, subscribes.size());
        for (Sent s : subscribes) {
            assertEquals(60_000, s.leaseMillis());
            assertEquals(CONFIG.c() + 1, s.renewalCopies());
            assertEquals(11, s.to());
        }
        assertEquals(2, counters.snapshot().sent(MessageType.SUBSCRIBE));
    }

    @Test
    void anAckRemovesOnlyItsMessageAndAnAckForNothingIsCounted() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13, 14);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onMessage(0, 0, 30, MessageType.SUBSCRIBE.ordinal(), 1, 0, 0); // a copy to each of four
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(4, copies.size());
        arena.onMessage(0, 0, 12, ACK, copies.get(1).seq(), 0, 0);
        arena.onMessage(0, 0, 11, ACK, copies.get(1).seq(), 0, 0); // from the wrong member
        arena.onMessage(0, 0, 12, ACK, 999, 0, 0);
        assertEquals(2, counters.snapshot().dropped(DropReason.UNKNOWN_ACK));
        assertEquals(3, arena.unacknowledgedCount(0));
        env.clear();
        wakeAt(arena, 0, 100);
        List<Sent> again = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(List.of(11, 13, 14), again.stream().map(Sent::to).sorted().toList());
        for (Sent s : again) {
            Sent original = copies.stream().filter(c -> c.to() == s.to()).findFirst().orElseThrow();
            assertEquals(original, s, "retransmitted whole");
        }
    }

    @Test
    void aLeavingNodeStillRetransmitsTheCopiesItForwarded() {
        ScampArena arena = arena(CONFIG);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        arena.onMessage(0, 0, 40, FORWARDED, 1, 11, 2); // passed on to 12
        arena.onMessage(0, 0, 41, MessageType.KEEP.ordinal(), 0, 0, 0);
        env.clear();
        arena.leave(0, 0);
        assertEquals(100 * MS, env.wakeOf(0), "woken to retransmit");
        env.clear();
        wakeAt(arena, 0, 100);
        assertEquals(1, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size(), "a copy is not the leaver's own");
        assertEquals(List.of(41), env.sendsOf(MessageType.REMOVE).stream().map(Sent::to).toList());
        assertEquals(2, env.sendsOf(MessageType.UNLINK).size());
    }

    @Test
    void underLeasesAnAckedCopyLeavesTheOthersTheirLeases() {
        ScampArena arena = arena(CONFIG.toBuilder().leaseDurationMillis(60_000).build());
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12, 13);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onSubscription(0, 0, 40, MessageType.SUBSCRIBE.ordinal(), 1, 0, 0, 0, 45_000, 0);
        arena.onSubscription(0, 0, 41, MessageType.SUBSCRIBE.ordinal(), 1, 0, 0, 0, 30_000, 0);
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(6, copies.size(), "per subscription a copy to each member (c = 0)");
        Sent acked = copies.get(0);
        arena.onMessage(0, 0, acked.to(), ACK, acked.seq(), 0, 0);
        env.clear();
        wakeAt(arena, 0, 100);
        List<Sent> again = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(copies.size() - 1, again.size());
        for (Sent s : again) {
            assertEquals(s.subject() == 40 ? 45_000 : 30_000, s.leaseMillis(), "the lease of " + s);
        }
    }

    @Test
    void anUnlinkCancelsItsKeepAndNothingElseWhateverWasAcknowledgedBefore() {
        ScampArena arena = arena(CONFIG.toBuilder().leaseDurationMillis(60_000).build());
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11, 12);
        ArenaFixtures.acknowledgeEverything(arena, env, 0);
        env.clear();
        arena.onSubscription(0, 0, 40, FORWARDED, 0, 11, 0, 0, 0, 0); // held: passed on to 12
        while (!ArenaFixtures.contains(arena.partialView(0), 7)) {
            arena.onSubscription(0, 0, 40, FORWARDED, 0, 7, 0, 0, 150, 0); // kept for 150 ms, or passed on
        }
        for (Sent s : List.copyOf(env.sent)) {
            if (s.type() == MessageType.FORWARDED_SUBSCRIPTION) {
                arena.onMessage(0, 0, s.to(), ACK, s.seq(), 0, 0); // every copy acknowledged, not the Keep
            }
        }
        assertEquals(1, arena.unacknowledgedCount(0), "the Keep to 7");
        env.clear();
        env.wakeUp(arena, 150 * MS, 0);
        assertEquals(List.of(7), env.sendsOf(MessageType.UNLINK).stream().map(Sent::to).toList());
        assertEquals(1, arena.unacknowledgedCount(0), "the Unlink, which replaced the Keep");
    }
}
