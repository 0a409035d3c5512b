package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Subscribe;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ArenaChannel} keeps, removes and retransmits exactly as {@link ReliableChannel} (with its
 * {@link RetransmitQueue} and its {@link DuplicateMemory} of handled pairs) does: same sends in the
 * same order, same undeliverable hand-offs, same deadlines, counts and duplicate verdicts.
 */
class ArenaChannelTest {
    private static final int NODE = 3;

    /** Both channels of one node, with a log per side in a common form. */
    private static final class Pair {
        final Counters objectCounters = new Counters();
        final Counters arenaCounters = new Counters();
        final List<String> objectLog = new ArrayList<>();
        final List<String> arenaLog = new ArrayList<>();
        final ReliableChannel object;
        final ArenaChannel arena;
        int arenaNextSeq = 1;
        final ProtocolConfig config;

        Pair(ProtocolConfig config) {
            this.config = config;
            Environment env = new Environment() {
                @Override
                public void send(int from, int to, Message m) {
                    objectLog.add(from + "->" + to + " " + render(m));
                }

                @Override
                public void deliver(int node, Gossip message) {
                    objectLog.add("deliver?");
                }

                @Override
                public void wakeAt(int node, long deadlineMicros) {
                    objectLog.add("wake?");
                }
            };
            ArenaEnvironment arenaEnv = new ArenaEnvironment() {
                @Override
                public void send(int from, int to, int type, int seq, int subject, int hops) {
                    arenaLog.add(from + "->" + to + " " + MessageType.ofOrdinal(type) + " " + seq + " " + subject
                            + " " + hops);
                }

                @Override
                public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops,
                        double budget, int leaseMillis, int renewalCopies) {
                    arenaLog.add(from + "->" + to + " " + MessageType.ofOrdinal(type) + " " + seq + " " + subscriber
                            + " " + hops + " " + budget + " " + leaseMillis + " " + renewalCopies);
                }

                @Override
                public void deliver(int node, int message, int hops) {
                    arenaLog.add("deliver?");
                }

                @Override
                public void wakeAt(int node, long deadlineMicros) {
                    arenaLog.add("wake?");
                }
            };
            object = new ReliableChannel(NODE, config, env, objectCounters);
            arena = new ArenaChannel(1, config, arenaEnv, arenaCounters);
            arena.grow(NODE + 1); // node beyond the initial capacity
        }

        static String render(Message m) {
            int seq = m instanceof MembershipMessage mm ? mm.seq() : m instanceof Ack a ? a.seq() : 0;
            int subject = m instanceof ForwardedSubscription fs ? fs.subscriber() : 0;
            int hops = m instanceof ForwardedSubscription fs ? fs.hops() : 0;
            return m.type() + " " + seq + " " + subject + " " + hops;
        }

        /** Sends the same message on both sides; the type is one of Subscribe, ForwardedSubscription, Keep. */
        void send(long now, int to, int kind, int subject, int hops) {
            int seq = object.claimSeq();
            int arenaSeq = config.maxAttempts() == 1 ? 0 : arenaNextSeq++;
            assertEquals(seq, arenaSeq);
            MembershipMessage m = switch (kind) {
                case 0 -> new Subscribe(seq, 0, 0);
                case 1 -> new ForwardedSubscription(seq, subject, hops, 0);
                default -> new Keep(seq);
            };
            object.send(now, to, m);
            arena.send(now, NODE, to, m.type().ordinal(), seq, kind == 1 ? subject : 0, kind == 1 ? hops : 0);
        }

        void retransmitDue(long now, boolean resendOnUndeliverable) {
            object.retransmitDue(now, (t, to, m) -> {
                objectLog.add("undeliverable " + to + " " + render(m).replaceFirst(" \\d+ ", " _ "));
                if (resendOnUndeliverable) { // as ScampNode redirects: a send from inside the walk
                    object.send(t, to + 100, new ForwardedSubscription(object.claimSeq(), to, 1, 0));
                }
            });
            arena.retransmitDue(now, NODE, (t, node, to, type, subject, hops, budget, lease, copies) -> {
                arenaLog.add("undeliverable " + to + " " + MessageType.ofOrdinal(type) + " _ " + subject + " " + hops);
                if (resendOnUndeliverable) { // appends to the array being walked, possibly reallocating it
                    int seq = config.maxAttempts() == 1 ? 0 : arenaNextSeq++;
                    arena.send(t, node, to + 100, MessageType.FORWARDED_SUBSCRIPTION.ordinal(), seq, to, 1);
                }
            });
        }

        void assertSame(String what) {
            assertEquals(objectLog, arenaLog, what);
            assertEquals(object.nextDeadline(), arena.nextDeadline(NODE), "deadline after " + what);
            assertEquals(object.unacknowledgedCount(), arena.unacknowledgedCount(NODE), "unacked after " + what);
            ArenaLockstep.assertSameCounters(objectCounters.snapshot(), arenaCounters.snapshot(), what);
        }
    }

    @Tag("comparison")
    @ParameterizedTest(name = "maxAttempts {0}, seed {1}")
    @CsvSource({"1, 1", "2, 2", "6, 3", "16, 4", "3, 5"})
    void randomTrafficMatchesTheObjectChannel(int maxAttempts, long seed) {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .maxAttempts(maxAttempts).retransmitTimeoutMillis(1).forwardLimit(1_000).build();
        Pair pair = new Pair(config);
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> outstanding = new ArrayList<>(); // (to, seq) of sends
        long now = 0;
        for (int step = 0; step < 3_000; step++) {
            int op = random.nextInt(10);
            if (op < 3) {
                int to = random.nextInt(8);
                int seq = config.maxAttempts() == 1 ? 0 : pair.arenaNextSeq;
                pair.send(now, to, random.nextInt(3), random.nextInt(1 << 20), random.nextInt(1_000));
                outstanding.add(new long[] {to, seq});
            } else if (op < 5) {
                // an ack: usually for something sent, sometimes from the wrong peer or unknown
                int from = random.nextInt(8);
                int seq = 1 + random.nextInt(50);
                if (!outstanding.isEmpty() && random.nextInt(4) != 0) {
                    long[] o = outstanding.get(random.nextInt(outstanding.size()));
                    from = (int) o[0];
                    seq = o[1] == 0 ? seq : (int) o[1];
                }
                pair.object.acknowledged(from, seq);
                pair.arena.acknowledged(NODE, from, seq);
            } else if (op < 8) {
                int from = random.nextInt(8);
                int seq = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100);
                now += random.nextInt(50);
                boolean first = pair.object.receive(now, from, new Keep(seq));
                assertEquals(first, pair.arena.receive(now, NODE, from, seq), "receive " + from + "/" + seq);
            } else {
                now += random.nextInt(4_000);
                pair.retransmitDue(now, random.nextBoolean());
            }
            if (random.nextInt(10) == 0) {
                pair.object.forgetExpired(now);
                pair.arena.forgetExpired(now, NODE);
            }
            pair.assertSame("step " + step);
        }
        CounterSnapshot s = pair.arenaCounters.snapshot();
        assertTrue(s.dropped(DropReason.UNKNOWN_ACK) > 0);
        if (maxAttempts > 1) {
            assertTrue(s.retransmissions() > 0);
            assertTrue(s.dropped(DropReason.RETRANSMIT_EXHAUSTED) > 0);
            assertTrue(s.dropped(DropReason.DUPLICATE_MEMBERSHIP) > 0);
        }
    }

    @Test
    void retransmissionsRunFromTheLastEntryAndAnAckMovesTheLastIntoTheHole() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .maxAttempts(3).retransmitTimeoutMillis(1).build();
        Pair pair = new Pair(config);
        for (int to = 10; to < 14; to++) {
            pair.send(0, to, 1, to * 2, to - 10); // seqs 1..4 to 10..13
        }
        pair.object.acknowledged(11, 2);
        pair.arena.acknowledged(NODE, 11, 2); // entries now 10, 13, 12
        pair.objectLog.clear();
        pair.arenaLog.clear();
        pair.retransmitDue(1_000, false);
        assertEquals(List.of("3->12 FORWARDED_SUBSCRIPTION 3 24 2", "3->13 FORWARDED_SUBSCRIPTION 4 26 3",
                "3->10 FORWARDED_SUBSCRIPTION 1 20 0"), pair.arenaLog);
        pair.assertSame("first retransmission");
        // The second retransmission is due 2 ms later; then the third attempt is exhausted at 4 ms more.
        pair.retransmitDue(2_999, false);
        pair.assertSame("not yet due");
        pair.retransmitDue(3_000, false);
        pair.object.acknowledged(13, 4);
        pair.arena.acknowledged(NODE, 13, 4); // entries now 10, 12
        pair.objectLog.clear();
        pair.arenaLog.clear();
        pair.retransmitDue(7_000, false);
        assertEquals(List.of("undeliverable 12 FORWARDED_SUBSCRIPTION _ 24 2",
                "undeliverable 10 FORWARDED_SUBSCRIPTION _ 20 0"), pair.arenaLog);
        pair.assertSame("exhausted");
        assertEquals(0, pair.arena.unacknowledgedCount(NODE));
        assertEquals(Long.MAX_VALUE, pair.arena.nextDeadline(NODE));
    }

    @Test
    void theLargestSubjectAndHopCountSurviveThePacking() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .maxAttempts(2).retransmitTimeoutMillis(1).forwardLimit(ArenaChannel.MAX_HOPS - 1).build();
        Pair pair = new Pair(config);
        pair.send(0, Integer.MAX_VALUE, 1, Integer.MAX_VALUE, ArenaChannel.MAX_HOPS);
        pair.retransmitDue(1_000, false);
        pair.retransmitDue(3_000, false);
        pair.assertSame("packed fields");
        assertEquals("undeliverable " + Integer.MAX_VALUE + " FORWARDED_SUBSCRIPTION _ " + Integer.MAX_VALUE
                + " " + ArenaChannel.MAX_HOPS, pair.arenaLog.get(pair.arenaLog.size() - 1));
    }

    @Test
    void handledPairsAreForgottenBeyondCapacityOrAtTheirHorizon() {
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(false)
                .maxAttempts(2).retransmitTimeoutMillis(1).build();
        long horizon = config.retransmitHorizonMicros();
        Pair pair = new Pair(config);
        for (int seq = 1; seq <= ReliableChannel.HANDLED_CAPACITY + 1; seq++) {
            assertTrue(pair.arena.receive(0, NODE, 7, seq));
            assertTrue(pair.object.receive(0, 7, new Keep(seq)));
        }
        assertTrue(pair.arena.receive(0, NODE, 7, 1), "pushed out by the one past capacity: handled again");
        assertTrue(pair.object.receive(0, 7, new Keep(1)));
        assertFalse(pair.arena.receive(0, NODE, 7, 3), "the 3rd is still remembered (the 2nd made room)");
        assertFalse(pair.object.receive(0, 7, new Keep(3)));
        assertTrue(pair.arena.receive(0, NODE, 7, 2), "the 2nd was pushed out by the re-handled 1st");
        assertTrue(pair.object.receive(0, 7, new Keep(2)));
        assertFalse(pair.arena.receive(horizon - 1, NODE, 7, 4));
        assertFalse(pair.object.receive(horizon - 1, 7, new Keep(4)));
        assertTrue(pair.arena.receive(horizon, NODE, 7, 5), "forgotten exactly at its horizon");
        assertTrue(pair.object.receive(horizon, 7, new Keep(5)));
        assertTrue(pair.arena.receive(horizon, NODE, 8, 6), "another sender's seq is another pair");
        assertTrue(pair.object.receive(horizon, 8, new Keep(6)));
        pair.assertSame("handled messages");
    }
}
