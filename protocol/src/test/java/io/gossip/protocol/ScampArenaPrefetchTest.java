package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.MessageType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ScampArena#prefetch} only reads: two arenas given the same calls stay identical when one of
 * them is also asked to prefetch every id (and ids that name no node) before each call.
 */
class ScampArenaPrefetchTest {
    private static final ProtocolConfig CONFIG =
            ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
    private static final int NODES = 40;

    /** An arena whose sends come back as deliveries, 10 ms later, in order; every output is logged. */
    private static final class Loop implements ArenaEnvironment {
        final List<String> log = new ArrayList<>();
        final ArrayDeque<int[]> inFlight = new ArrayDeque<>();
        final ScampArena arena;

        Loop() {
            RandomStreams seeds = new RandomStreams(1);
            seeds.seed(0, 7);
            arena = new ScampArena(NODES, CONFIG, this, seeds, 0, new Counters());
        }

        @Override
        public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
                int leaseMillis, int renewalCopies) {
            throw new AssertionError("no walk without indirection");
        }

        @Override
        public void send(int from, int to, int type, int seq, int subject, int hops) {
            log.add("send " + from + ">" + to + " " + type + " " + seq + " " + subject + " " + hops);
            if (inFlight.size() % 7 != 3) { // lose some, so that retransmission timers fire
                inFlight.add(new int[] {from, to, type, seq, subject, hops});
            }
        }

        @Override
        public void deliver(int node, int message, int hops) {
            log.add("deliver " + node + " " + message + " " + hops);
        }

        @Override
        public void wakeAt(int node, long deadlineMicros) {
            log.add("wake " + node + " " + deadlineMicros);
        }
    }

    @Test
    void prefetchingEveryIdBetweenCallsChangesNothing() {
        Loop plain = new Loop();
        Loop prefetched = new Loop();
        long now = 0;
        for (int step = 0; step < 4_000; step++) {
            now += 10_000;
            int gossip = MessageType.GOSSIP.ordinal();
            for (int id = -2; id < NODES + 3; id++) {
                prefetched.arena.prefetch(id); // the value means nothing: reading is the point
                // As told of a gossip copy: of a message held or not, never broadcast, or nonsense;
                // then, as for one not recognised as held, of the gossip message itself.
                for (int message : new int[] {-1, 0, step / 100, step / 100 + 1, Integer.MAX_VALUE}) {
                    prefetched.arena.prefetchHeldCopy(id, gossip, message);
                }
                prefetched.arena.prefetch(id, gossip);
                // As told of an ack (its hint reads the count and the awaited entries) and of a
                // wakeup (the wakeup time, or all of prefetch(id) if the node awaits an ack).
                prefetched.arena.prefetch(id, MessageType.ACK.ordinal());
                prefetched.arena.prefetchWake(id);
            }
            int joined = step / 20;
            if (step % 20 == 0 && joined < NODES) {
                for (Loop loop : List.of(plain, prefetched)) {
                    if (joined == 0) {
                        loop.arena.bootstrap(now, 0);
                    } else {
                        loop.arena.join(now, joined, (joined * 7 + step) % joined);
                    }
                }
            } else if (step % 100 == 99) {
                for (Loop loop : List.of(plain, prefetched)) {
                    loop.arena.broadcast(now, step % Math.min(joined, NODES));
                }
            } else if (step % 9 == 0) {
                now += 300_000; // past the first retransmission deadline of what is in flight
                for (Loop loop : List.of(plain, prefetched)) {
                    loop.arena.onTimeout(now, step % NODES);
                }
            } else {
                for (Loop loop : List.of(plain, prefetched)) {
                    int[] m = loop.inFlight.poll();
                    if (m != null) {
                        loop.arena.onMessage(now, m[1], m[0], m[2], m[3], m[4], m[5]);
                    }
                }
            }
        }
        // The run must have exercised joins, gossip and timers, or the comparison shows little.
        for (String kind : List.of("send ", "deliver ", "wake ")) {
            long count = plain.log.stream().filter(line -> line.startsWith(kind)).count();
            assertTrue(count > 100, kind + "happened only " + count + " times");
        }
        assertEquals(plain.log, prefetched.log);
        for (int id = 0; id < NODES; id++) {
            assertArrayEquals(plain.arena.partialView(id), prefetched.arena.partialView(id), "PartialView of " + id);
            assertArrayEquals(plain.arena.inView(id), prefetched.arena.inView(id), "InView of " + id);
            assertEquals(plain.arena.unacknowledgedCount(id), prefetched.arena.unacknowledgedCount(id));
            assertEquals(plain.arena.messagesReceived(id), prefetched.arena.messagesReceived(id));
        }
    }

    @Test
    void idsThatNameNoNodeReadNothing() {
        Loop loop = new Loop();
        loop.arena.bootstrap(0, 0);
        for (int id : new int[] {-1, Integer.MIN_VALUE, 1, NODES - 1, NODES, Integer.MAX_VALUE}) {
            assertEquals(0, loop.arena.prefetch(id), "id " + id);
            assertEquals(0, loop.arena.prefetch(id, MessageType.GOSSIP.ordinal()), "id " + id);
            assertEquals(0, loop.arena.prefetch(id, MessageType.ACK.ordinal()), "id " + id);
            assertEquals(0, loop.arena.prefetchWake(id), "id " + id);
        }
        for (int id : new int[] {-1, Integer.MIN_VALUE, NODES, Integer.MAX_VALUE}) {
            assertEquals(-1, loop.arena.prefetchHeldCopy(id, MessageType.GOSSIP.ordinal(), 0), "id " + id);
        }
    }

    /**
     * {@link ScampArena#prefetchHeldCopy} recognises, after a broadcast has spread, exactly the
     * copies of it that its nodes hold: the nodes it was delivered to and its origin, not the others,
     * not another message and not a message of another type.
     */
    @Test
    void heldCopiesAreRecognisedForReadingAhead() {
        Loop loop = new Loop();
        long now = 0;
        loop.arena.bootstrap(now, 0);
        for (int node = 1; node < NODES; node++) {
            now += 1_000_000;
            loop.arena.join(now, node, node / 2);
            now = deliverAll(loop, now);
        }
        loop.log.clear();
        int message = loop.arena.broadcast(now, 5);
        now = deliverAll(loop, now);
        int gossip = MessageType.GOSSIP.ordinal();
        int holders = 0;
        for (int node = 0; node < NODES; node++) {
            String delivery = "deliver " + node + " " + message + " ";
            boolean delivered = node == 5 || loop.log.stream().anyMatch(line -> line.startsWith(delivery));
            int held = loop.arena.prefetchHeldCopy(node, gossip, message);
            if (delivered) {
                holders++;
                assertTrue(held >= 0, "node " + node + " holds the message");
            } else {
                assertEquals(-1, held, "node " + node + " never got the message");
            }
            assertEquals(-1, loop.arena.prefetchHeldCopy(node, gossip, message + 1), "a message never sent");
            assertEquals(-1, loop.arena.prefetchHeldCopy(node, MessageType.ACK.ordinal(), message), "an ack");
        }
        // The loop's losses (no retransmissions here) leave some nodes without it: both answers are checked.
        assertTrue(holders >= 3 && holders < NODES, holders + " holders of " + NODES);
    }

    /** Delivers what is in flight, 10 ms apart, until nothing is; returns the time reached. */
    private static long deliverAll(Loop loop, long now) {
        for (int[] m = loop.inFlight.poll(); m != null; m = loop.inFlight.poll()) {
            now += 10_000;
            loop.arena.onMessage(now, m[1], m[0], m[2], m[3], m[4], m[5]);
        }
        return now;
    }
}
