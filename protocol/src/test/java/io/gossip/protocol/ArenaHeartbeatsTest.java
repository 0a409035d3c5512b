package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingArenaEnvironment.Sent;
import io.gossip.protocol.message.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats and isolation recovery on a {@link ScampArena} (PROTOCOL.md, "Recovery from isolation";
 * package-info, "Isolation"): a heartbeat to every PartialView member each period, the first at a
 * random time within a period of joining; a heartbeat or gossip heard restarts the isolation watch;
 * after the isolation timeout in silence the node subscribes again through a random PartialView
 * member, or its bootstrap contact (which it then holds), keeping its PartialView.
 */
class ArenaHeartbeatsTest {
    private static final int HEARTBEAT = MessageType.HEARTBEAT.ordinal();
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final long MS = 1_000;
    private static final long PERIOD_MS = 1_000;
    private static final long ISOLATION_MS = 5_000;
    private static final ProtocolConfig CONFIG = ProtocolConfig.builder().c(1).indirection(false)
            .heartbeatPeriodMillis(PERIOD_MS).isolationTimeoutMillis(ISOLATION_MS).maxAttempts(1).build();

    private final RecordingArenaEnvironment env = new RecordingArenaEnvironment();
    private final Counters counters = new Counters();
    private final ScampArena arena = ArenaFixtures.arena(CONFIG, env, counters, 17);

    /** Node 0, bootstrapped at 0 and holding {@code partialView}; nothing recorded yet. */
    private void member(int... partialView) {
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, partialView);
        env.clear();
    }

    private List<Integer> heartbeatsTo() {
        return env.sendsOf(MessageType.HEARTBEAT).stream().map(Sent::to).toList();
    }

    @Test
    void everyPeriodAHeartbeatGoesToEveryPartialViewMemberTheFirstWithinAPeriodOfJoining() {
        member(11, 12, 13);
        long first = env.wakeOf(0);
        assertTrue(first > 0 && first <= PERIOD_MS * MS, "first heartbeat at " + first);
        env.wakeUp(arena, first - 1, 0);
        assertEquals(List.of(), heartbeatsTo());
        env.wakeUp(arena, first, 0);
        assertEquals(List.of(11, 12, 13), heartbeatsTo());
        assertEquals(first + PERIOD_MS * MS, env.wakeOf(0), "the next one a period later");
        env.clear();
        env.wakeUp(arena, first + PERIOD_MS * MS, 0);
        assertEquals(List.of(11, 12, 13), heartbeatsTo());
        assertEquals(6, counters.snapshot().sent(MessageType.HEARTBEAT));
    }

    @Test
    void theFirstHeartbeatsOfManyNodesAreSpreadOverAPeriod() {
        long earliest = Long.MAX_VALUE;
        long latest = 0;
        for (int node = 0; node < 100; node++) {
            arena.bootstrap(0, node);
            earliest = Math.min(earliest, env.wakeOf(node));
            latest = Math.max(latest, env.wakeOf(node));
        }
        assertTrue(earliest < PERIOD_MS * MS / 10 && latest > PERIOD_MS * MS * 9 / 10, earliest + " .. " + latest);
        assertTrue(latest <= PERIOD_MS * MS);
    }

    @Test
    void afterTheIsolationTimeoutInSilenceTheNodeSubscribesAgainThroughAPartialViewMember() {
        member(11, 12);
        arena.onMessage(2_000 * MS, 0, 11, HEARTBEAT, 0, 0, 0); // heard at 2 s
        env.wakeUp(arena, (2_000 + ISOLATION_MS) * MS - 1, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.SUBSCRIBE));
        assertEquals(0, counters.snapshot().isolationRecoveries());
        env.wakeUp(arena, (2_000 + ISOLATION_MS) * MS, 0);
        List<Sent> subscribes = env.sendsOf(MessageType.SUBSCRIBE);
        assertEquals(1, subscribes.size());
        assertTrue(subscribes.get(0).to() == 11 || subscribes.get(0).to() == 12);
        assertEquals(0, subscribes.get(0).renewalCopies(), "a new subscription, with the c extra copies");
        assertEquals(1, counters.snapshot().isolationRecoveries());
        assertArrayEquals(new int[] {11, 12}, arena.partialView(0), "its PartialView is kept");
        env.clear();
        env.wakeUp(arena, (2_000 + 2 * ISOLATION_MS) * MS - 1, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.SUBSCRIBE), "the watch restarted at the recovery");
    }

    @Test
    void gossipCountsAsHearingFromAnInNeighbour() {
        member(11);
        int message = arena.broadcast(0, 0);
        arena.onMessage(4_000 * MS, 0, 11, GOSSIP, 0, message, 1); // its own message, come back: heard all the same
        env.clear();
        env.wakeUp(arena, (4_000 + ISOLATION_MS) * MS - 1, 0);
        assertEquals(List.of(), env.sendsOf(MessageType.SUBSCRIBE));
        env.wakeUp(arena, (4_000 + ISOLATION_MS) * MS, 0);
        assertEquals(1, env.sendsOf(MessageType.SUBSCRIBE).size());
    }

    @Test
    void aHeartbeatFromNoValidOtherNodeIsNotHeard() {
        member(11);
        arena.onMessage(3_000 * MS, 0, 0, HEARTBEAT, 0, 0, 0);
        arena.onMessage(3_000 * MS, 0, NodeIds.NONE, HEARTBEAT, 0, 0, 0);
        assertEquals(1, counters.snapshot().dropped(DropReason.FROM_SELF));
        assertEquals(1, counters.snapshot().dropped(DropReason.NONSENSICAL));
        env.wakeUp(arena, ISOLATION_MS * MS, 0);
        assertEquals(1, env.sendsOf(MessageType.SUBSCRIBE).size(), "silent since joining");
    }

    @Test
    void withAnEmptyPartialViewTheNodeSubscribesThroughItsBootstrapContactAndHoldsIt() {
        arena.bootstrap(0, 0);
        arena.join(0, 1, 0);
        arena.onMessage(0, 1, 0, MessageType.REMOVE.ordinal(), 0, 0, 0); // its contact left
        assertArrayEquals(new int[0], arena.partialView(1));
        env.clear();
        env.wakeUp(arena, ISOLATION_MS * MS, 1);
        assertEquals(List.of(0), env.sendsOf(MessageType.SUBSCRIBE).stream().map(Sent::to).toList());
        assertArrayEquals(new int[] {0}, arena.partialView(1));
    }

    @Test
    void aLoneBootstrapNodeHasNobodyToAsk() {
        arena.bootstrap(0, 0);
        env.wakeUp(arena, ISOLATION_MS * MS, 0);
        assertEquals(List.of(), env.sent);
        assertEquals(0, counters.snapshot().isolationRecoveries());
    }

    @Test
    void eachHeartbeatIsCountedOnceAsReceived() {
        member(11);
        long received = arena.messagesReceived(0);
        for (int i = 1; i <= 3; i++) {
            arena.onMessage(i * MS, 0, 11, HEARTBEAT, 0, 0, 0);
        }
        assertEquals(3, counters.snapshot().received(MessageType.HEARTBEAT));
        assertEquals(received + 3, arena.messagesReceived(0));
    }

    @Test
    void aNodeLeftToItsOwnWakeUpsRecoversAtTheEndOfItsIsolationWatchNotAtALaterHeartbeat() {
        member(11);
        // Served only at the times it asks for: heartbeats every period, and the end of the watch.
        long t = 0;
        while (env.sendsOf(MessageType.SUBSCRIBE).isEmpty()) {
            t = env.nextWake();
            assertTrue(t <= 2 * ISOLATION_MS * MS, "no recovery by " + t);
            env.wakeDue(arena, t);
        }
        assertEquals(ISOLATION_MS * MS, t, "silent since joining at 0");
        assertTrue(heartbeatsTo().size() >= 4, "and its heartbeats went out meanwhile");
    }

    @Test
    void withoutAnIsolationTimeoutANodeNeverSubscribesAgain() {
        ScampArena arena = ArenaFixtures.arena(CONFIG.toBuilder().isolationTimeoutMillis(0).build(), env, counters, 3);
        arena.bootstrap(0, 0);
        ArenaFixtures.holdInPartialView(arena, 0, 0, 11);
        env.clear();
        for (long t = 0; t <= 20 * ISOLATION_MS; t += PERIOD_MS) {
            env.wakeUp(arena, t * MS, 0);
        }
        assertEquals(List.of(), env.sendsOf(MessageType.SUBSCRIBE));
        assertTrue(heartbeatsTo().size() >= 99);
    }
}
