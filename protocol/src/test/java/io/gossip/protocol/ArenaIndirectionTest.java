package io.gossip.protocol;

import static io.gossip.protocol.ArenaFixtures.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The indirection walk and adoption on a {@link ScampArena} (PROTOCOL.md, "Indirection";
 * package-info, "Indirection"): the entry point walks a newcomer's subscription over PartialView ∪
 * InView, each node subtracting 1/(its degree), never onto the subscriber and at most the forward
 * limit; the end acts as the contact and offers adoption, which swaps the entry point for it.
 */
class ArenaIndirectionTest {
    private static final int SUBSCRIBE = MessageType.SUBSCRIBE.ordinal();
    private static final int WALK = MessageType.WALK.ordinal();
    private static final int ADOPT = MessageType.ADOPT.ordinal();
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().c(1).noHeartbeats().walkBudget(2.0)
            .forwardLimit(6).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();
    private final ScampArena arena = ArenaFixtures.arena(CONFIG, env, counters, 9);

    /** Node 0 holding {@code partialView} and held by {@code inView}; nothing recorded yet. */
    private void entryPoint(int[] partialView, int[] inView) {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, partialView);
        ArenaFixtures.holdInInView(arena, 0, 0, inView);
        env.clear();
    }

    /** A walk step handed to {@code node}, unacknowledged (sequence number 0), so that it can be repeated. */
    private void walkStep(int node, int from, int subscriber, double budget, int hops) {
        arena.onSubscription(0, node, from, WALK, 0, subscriber, hops, budget, 0, 0);
    }

    @Test
    void theEntryPointStartsAWalkInsteadOfActingAsTheContact() {
        entryPoint(new int[] {11, 12}, new int[] {21});
        arena.onMessage(0, 0, 30, SUBSCRIBE, 1, 0, 0);
        assertTrue(contains(arena.inView(0), 30), "the newcomer holds the entry point");
        assertEquals(List.of(), env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION));
        List<Sent> walks = env.sendsOf(MessageType.WALK);
        assertEquals(1, walks.size());
        Sent walk = walks.get(0);
        assertEquals(30, walk.subject());
        assertEquals(1, walk.hops());
        // The entry point is the first visit: degree 2 + 2 (the newcomer now in its InView).
        assertEquals(2.0 - 1.0 / 4, walk.budget(), 1e-12);
        assertNotEquals(30, walk.to(), "never onto the subscriber");
        assertTrue(List.of(11, 12, 21).contains(walk.to()));
    }

    @Test
    void aWalkStepsToAUniformNeighbourOfPartialViewAndInViewNeverTheSubscriber() {
        entryPoint(new int[] {11, 12}, new int[] {21, 30});
        int[] counts = new int[40];
        for (int i = 0; i < 4_000; i++) {
            env.clear();
            walkStep(0, 21, 30, 5.0, 1);
            Sent step = env.sendsOf(MessageType.WALK).get(0);
            assertEquals(2, step.hops());
            assertEquals(5.0 - 1.0 / 4, step.budget(), 1e-12);
            counts[step.to()]++;
        }
        assertEquals(0, counts[30]);
        for (int to : new int[] {11, 12, 21}) {
            assertEquals(4_000 / 3.0, counts[to], 150, "steps to " + to);
        }
    }

    @Test
    void whereTheBudgetRunsOutTheNodeActsAsTheContactAndOffersAdoption() {
        entryPoint(new int[] {11, 12}, new int[] {21});
        walkStep(0, 21, 30, 1.0 / 3, 2); // degree 3: nothing left
        assertEquals(List.of(), env.sendsOf(MessageType.WALK));
        List<Sent> copies = env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION);
        assertEquals(2 + CONFIG.c(), copies.size(), "every member and c extra");
        assertTrue(copies.stream().allMatch(s -> s.subject() == 30));
        List<Sent> adopts = env.sendsOf(MessageType.ADOPT);
        assertEquals(1, adopts.size());
        assertEquals(30, adopts.get(0).to());
    }

    @Test
    void aWalkEndsAtTheForwardLimitOrWhereTheSubscriberIsTheOnlyNeighbour() {
        entryPoint(new int[] {11, 12}, new int[0]);
        walkStep(0, 11, 30, 10.0, CONFIG.forwardLimit());
        assertEquals(List.of(), env.sendsOf(MessageType.WALK), "at the forward limit");
        assertEquals(1, env.sendsOf(MessageType.ADOPT).size());
        assertEquals(3, env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size());
        env.clear();
        walkStep(0, 11, 30, 10.0, CONFIG.forwardLimit() - 1);
        assertEquals(CONFIG.forwardLimit(), env.sendsOf(MessageType.WALK).get(0).hops(), "the last step allowed");

        ScampArena lone = ArenaFixtures.arena(CONFIG, env, counters, 1);
        lone.bootstrap(0, 5);
        ArenaFixtures.holdInInView(lone, 5, 0, 30);
        env.clear();
        lone.onSubscription(0, 5, 30, WALK, 1, 30, 3, 10.0, 0, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.WALK), "no neighbour but the subscriber");
        assertArrayEquals(new int[] {30}, lone.partialView(5), "an empty PartialView keeps the subscriber");
        assertEquals(1, env.sendsOf(MessageType.ADOPT).size());
    }

    @Test
    void aMemberResubscribingThroughANodeThatHoldsItIsServedWithoutAWalk() {
        entryPoint(new int[] {11, 12}, new int[] {30});
        arena.onMessage(0, 0, 30, SUBSCRIBE, 1, 0, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.WALK));
        assertEquals(2 + CONFIG.c(), env.sendsOf(MessageType.FORWARDED_SUBSCRIPTION).size());
        assertEquals(List.of(), env.sendsOf(MessageType.ADOPT), "no adoption: it is no newcomer");
    }

    @Test
    void theFirstAdoptionAfterAJoinSwapsTheEntryPointForTheWalksEnd() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        env.clear();
        arena.onMessage(0, 1, 7, ADOPT, 1, 0, 0);
        assertArrayEquals(new int[] {7}, arena.partialView(1));
        assertEquals(List.of(0), env.sendsOf(MessageType.UNLINK).stream().map(Sent::to).toList());
        assertEquals(List.of(7), env.sendsOf(MessageType.KEEP).stream().map(Sent::to).toList());
        env.clear();
        arena.onMessage(0, 1, 8, ADOPT, 1, 0, 0);
        assertArrayEquals(new int[] {7}, arena.partialView(1), "only the first offer is taken");
        assertEquals(List.of(MessageType.ACK), env.sent.stream().map(Sent::type).toList());
    }

    @Test
    void anAdoptionByTheEntryPointItselfOrAfterTheEntryPointWentChangesNothing() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        env.clear();
        arena.onMessage(0, 1, 0, ADOPT, 1, 0, 0);
        assertArrayEquals(new int[] {0}, arena.partialView(1));
        assertEquals(List.of(MessageType.ACK), env.sent.stream().map(Sent::type).toList());

        arena.bootstrap(0, 2);
        arena.join(0, 3, 2);
        arena.onMessage(0, 3, 2, MessageType.REMOVE.ordinal(), 1, 0, 0); // the entry point left
        env.clear();
        arena.onMessage(0, 3, 7, ADOPT, 2, 0, 0);
        assertArrayEquals(new int[0], arena.partialView(3));
        assertEquals(List.of(MessageType.ACK), env.sent.stream().map(Sent::type).toList());
    }

    @Test
    void anAdoptionByANodeAlreadyHeldKeepsItOnceWithoutAKeep() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        ArenaFixtures.holdInPartialView(arena, 1, 0, 7);
        env.clear();
        arena.onMessage(0, 1, 7, ADOPT, 1, 0, 0);
        assertArrayEquals(new int[] {7}, arena.partialView(1));
        assertEquals(List.of(0), env.sendsOf(MessageType.UNLINK).stream().map(Sent::to).toList());
        assertEquals(List.of(), env.sendsOf(MessageType.KEEP));
    }

    @Test
    void aWalkEndingAtItsEntryPointOffersNoAdoption() {
        entryPoint(new int[0], new int[0]);
        arena.onMessage(0, 0, 30, SUBSCRIBE, 1, 0, 0); // its only neighbour is the subscriber
        assertEquals(List.of(), env.sendsOf(MessageType.WALK));
        assertArrayEquals(new int[] {30}, arena.partialView(0), "alone, the entry point keeps it");
        assertEquals(List.of(), env.sendsOf(MessageType.ADOPT), "the entry point is already its contact");
    }

    @Test
    void afterItsFirstAdoptionANodeNeverSwapsItsEntryPointAgain() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        arena.onMessage(0, 1, 7, ADOPT, 1, 0, 0);
        ArenaFixtures.holdInPartialView(arena, 1, 0, 0); // holds the entry point again, as any member
        env.clear();
        arena.onMessage(0, 1, 8, ADOPT, 2, 0, 0);
        assertTrue(contains(arena.partialView(1), 0));
        assertTrue(!contains(arena.partialView(1), 8));
        assertEquals(List.of(), env.sendsOf(MessageType.UNLINK));
    }
}
