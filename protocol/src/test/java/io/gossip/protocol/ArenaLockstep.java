package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Remove;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A lockstep driver for equivalence tests: {@code n} {@link ScampNode}s and one {@link ScampArena}
 * with the same configuration and the same generators (node {@code i} gets {@code parent.split()},
 * arena stream {@code i} gets {@code splitFrom(i, parentStreams, 0)} from an identical parent). Every
 * input is given to both; every output (send, delivery, wake-up request) is written to one log per
 * side in a common text form, so the two logs must be equal line for line after every input.
 *
 * <p>Gossip is named on both sides by the arena's message index: a {@link Gossip} is mapped through
 * its {@code messageId}, which the driver learns from each broadcast.
 */
final class ArenaLockstep {
    /** One message as both sides sent it: the object for the nodes, the primitives for the arena. */
    record Packet(int from, int to, Message message, int type, int seq, int subject, int hops) {
        Packet withEnds(int newFrom, int newTo) {
            return new Packet(newFrom, newTo, message, type, seq, subject, hops);
        }
    }

    final ProtocolConfig config;
    final ScampNode[] nodes;
    final ScampArena arena;
    final Counters nodeCounters = new Counters();
    final Counters arenaCounters = new Counters();
    final List<String> nodeLog = new ArrayList<>();
    final List<String> arenaLog = new ArrayList<>();
    /** Sends of both sides, paired by position, not yet taken by the caller (see {@link #takeSent}). */
    final List<Packet> sent = new ArrayList<>();
    /** Earliest wake-up requested per node and not yet served. */
    final long[] wakes;
    final boolean[] created;
    private final SplittableRandom parent;
    private final Environment nodeEnv;
    private final Map<Long, Integer> messageIndex = new HashMap<>();
    private final List<Message> nodeSends = new ArrayList<>();
    private final List<int[]> arenaSends = new ArrayList<>();

    ArenaLockstep(int n, ProtocolConfig config, long seed) {
        this.config = config;
        this.nodes = new ScampNode[n];
        this.wakes = new long[n];
        this.created = new boolean[n];
        Arrays.fill(wakes, Long.MAX_VALUE);
        this.parent = new SplittableRandom(seed);
        RandomStreams parentStreams = new RandomStreams(1);
        parentStreams.seed(0, seed);
        this.nodeEnv = new Environment() {
            @Override
            public void send(int from, int to, Message message) {
                nodeSends.add(message);
                nodeLog.add("send " + from + "->" + to + " " + primitive(message));
            }

            @Override
            public void deliver(int node, Gossip message) {
                Integer index = messageIndex.get(message.messageId());
                nodeLog.add("deliver " + node + " " + (index == null ? "?" + message.messageId() : index)
                        + " hops " + message.hops());
            }

            @Override
            public void wakeAt(int node, long deadlineMicros) {
                nodeLog.add("wake " + node + " " + deadlineMicros);
                wakes[node] = Math.min(wakes[node], deadlineMicros);
            }
        };
        ArenaEnvironment arenaEnv = new ArenaEnvironment() {
            @Override
            public void send(int from, int to, int type, int seq, int subject, int hops) {
                arenaSends.add(new int[] {from, to, type, seq, subject, hops});
                arenaLog.add("send " + from + "->" + to + " " + format(type, seq, subject, hops));
            }

            @Override
            public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
                    int leaseMillis, int renewalCopies) {
                arenaSends.add(new int[] {from, to, type, seq, subscriber, hops});
                arenaLog.add("send " + from + "->" + to + " " + format(type, seq, subscriber, hops)
                        + (type == MessageType.WALK.ordinal() ? " budget " + Double.toHexString(budget) : "")
                        + lease(leaseMillis, renewalCopies));
            }

            @Override
            public void deliver(int node, int message, int hops) {
                arenaLog.add("deliver " + node + " " + message + " hops " + hops);
            }

            @Override
            public void wakeAt(int node, long deadlineMicros) {
                arenaLog.add("wake " + node + " " + deadlineMicros);
            }
        };
        // Until it bootstraps or joins, a node is a placeholder that never draws (a node that has not
        // joined drops or ignores everything): the arena splits a node's generator off the parent
        // when the node is created, so the ScampNode gets its split at the same moment.
        for (int i = 0; i < n; i++) {
            nodes[i] = new ScampNode(i, config, nodeEnv, new SplittableRandom(-1 - i), nodeCounters);
        }
        this.arena = new ScampArena(n, config, arenaEnv, parentStreams, 0, arenaCounters);
    }

    private String primitive(Message m) {
        if (m instanceof Gossip g) {
            Integer index = messageIndex.get(g.messageId());
            return format(m.type().ordinal(), 0, index == null ? -1 : index, g.hops());
        }
        if (m instanceof ForwardedSubscription fs) {
            return format(m.type().ordinal(), fs.seq(), fs.subscriber(), fs.hops()) + lease(fs.leaseMillis(), 0);
        }
        if (m instanceof Subscribe s) {
            return format(m.type().ordinal(), s.seq(), 0, 0) + lease(s.leaseMillis(), s.renewalCopies());
        }
        if (m instanceof Keep k) {
            return format(m.type().ordinal(), k.seq(), 0, 0);
        }
        if (m instanceof Ack a) {
            return format(m.type().ordinal(), a.seq(), 0, 0);
        }
        if (m instanceof Heartbeat) {
            return format(m.type().ordinal(), 0, 0, 0);
        }
        if (m instanceof Walk w) {
            return format(m.type().ordinal(), w.seq(), w.subscriber(), w.hops()) + " budget "
                    + Double.toHexString(w.budget()) + lease(w.leaseMillis(), w.renewalCopies());
        }
        if (m instanceof Adopt a) {
            return format(m.type().ordinal(), a.seq(), 0, 0);
        }
        if (m instanceof Unlink u) {
            return format(m.type().ordinal(), u.seq(), 0, 0);
        }
        if (m instanceof Replace r) {
            return format(m.type().ordinal(), r.seq(), r.replacement(), 0);
        }
        if (m instanceof Remove r) {
            return format(m.type().ordinal(), r.seq(), 0, 0);
        }
        return "unexpected " + m;
    }

    /** A subscription's lease and renewal copies, written only when either is set (never without leases). */
    private static String lease(int leaseMillis, int renewalCopies) {
        return leaseMillis == 0 && renewalCopies == 0 ? "" : " lease " + leaseMillis + " copies " + renewalCopies;
    }

    private static String format(int type, int seq, int subject, int hops) {
        return MessageType.ofOrdinal(type) + " seq " + seq + " subject " + subject + " hops " + hops;
    }

    /** The node-side message for a gossip of the arena's index {@code message} at {@code hops}. */
    Gossip gossip(int message, int hops) {
        long id = arena.messageId(message);
        return Gossip.create((int) (id >>> 32), (int) id, hops, new byte[0]);
    }

    /** A packet built from a node-side message (its arena form derived from it). */
    Packet packet(int from, int to, Message m) {
        if (m instanceof Gossip g) {
            return new Packet(from, to, m, m.type().ordinal(), 0, messageIndex.get(g.messageId()), g.hops());
        }
        int seq = m instanceof Ack a ? a.seq() : m instanceof MembershipMessage mm ? mm.seq() : 0;
        int subject = m instanceof ForwardedSubscription fs ? fs.subscriber() : m instanceof Walk w ? w.subscriber()
                : m instanceof Replace r ? r.replacement() : 0;
        int hops = m instanceof ForwardedSubscription fs ? fs.hops() : m instanceof Walk w ? w.hops() : 0;
        return new Packet(from, to, m, m.type().ordinal(), seq, subject, hops);
    }

    // ------------------------------------------------------------------ inputs, given to both sides

    /** The node, given its generator now if it is about to be created by a bootstrap or a valid join. */
    private ScampNode creating(int node, boolean valid) {
        if (valid && !created[node]) {
            nodes[node] = new ScampNode(node, config, nodeEnv, parent.split(), nodeCounters);
        }
        return nodes[node];
    }

    void bootstrap(long now, int node) {
        ScampNode scamp = creating(node, true);
        created[node] = true;
        scamp.bootstrap(now);
        arena.bootstrap(now, node);
        check("bootstrap " + node);
    }

    void join(long now, int node, int contact) {
        ScampNode scamp = creating(node, contact >= 0 && contact != node);
        created[node] = true;
        scamp.join(now, contact);
        arena.join(now, node, contact);
        check("join " + node + " via " + contact);
    }

    void broadcast(long now, int node) {
        long id = nodes[node].broadcast(now, new byte[0]);
        int index = arena.broadcast(now, node);
        assertEquals(id, arena.messageId(index), "identity of broadcast " + index);
        messageIndex.put(id, index);
        // The node side logged its sends before the index was known: re-render them.
        for (int i = 0; i < nodeLog.size(); i++) {
            nodeLog.set(i, nodeLog.get(i).replace("subject -1 ", "subject " + index + " "));
        }
        check("broadcast by " + node);
    }

    void leave(long now, int node) {
        nodes[node].leave(now);
        arena.leave(now, node);
        check("leave of " + node);
    }

    void deliver(long now, Packet p, boolean arenaSkips) {
        nodes[p.to()].onMessage(now, p.from(), p.message());
        // As the simulator carries them: walk steps, and with leases every subscription message, as objects.
        Message m = p.message();
        boolean object = m instanceof Walk
                || (config.leaseDurationMillis() > 0 && (m instanceof Subscribe || m instanceof ForwardedSubscription));
        if (!arenaSkips && object) {
            arena.onSubscription(now, p.to(), p.from(), (MembershipMessage) m);
        } else if (!arenaSkips) {
            arena.onMessage(now, p.to(), p.from(), p.type(), p.seq(), p.subject(), p.hops());
        }
        check("deliver " + p);
    }

    void timeout(long now, int node, boolean arenaSkips) {
        if (now >= wakes[node]) {
            wakes[node] = Long.MAX_VALUE;
        }
        nodes[node].onTimeout(now);
        if (!arenaSkips) {
            arena.onTimeout(now, node);
        }
        check("timeout of " + node + " at " + now);
    }

    /** Sends made since the last call, both sides' forms paired (compared equal already). */
    List<Packet> takeSent() {
        List<Packet> taken = new ArrayList<>(sent);
        sent.clear();
        return taken;
    }

    // ------------------------------------------------------------------ comparison

    private void check(String what) {
        assertEquals(nodeLog.size(), arenaLog.size(), () -> "number of outputs after " + what
                + "\nnodes: " + nodeLog + "\narena: " + arenaLog);
        for (int i = 0; i < nodeLog.size(); i++) {
            assertEquals(nodeLog.get(i), arenaLog.get(i), "output " + i + " after " + what);
        }
        nodeLog.clear();
        arenaLog.clear();
        assertEquals(nodeSends.size(), arenaSends.size());
        for (int i = 0; i < nodeSends.size(); i++) {
            int[] a = arenaSends.get(i);
            sent.add(new Packet(a[0], a[1], nodeSends.get(i), a[2], a[3], a[4], a[5]));
        }
        nodeSends.clear();
        arenaSends.clear();
        assertSameCounters(nodeCounters.snapshot(), arenaCounters.snapshot(), what);
    }

    static void assertSameCounters(CounterSnapshot expected, CounterSnapshot actual, String what) {
        assertArrayEquals(expected.sentByType(), actual.sentByType(), "sent after " + what);
        assertArrayEquals(expected.receivedByType(), actual.receivedByType(), "received after " + what);
        assertArrayEquals(expected.droppedByReason(), actual.droppedByReason(), () -> "dropped after " + what
                + ": nodes " + expected.droppedMap() + ", arena " + actual.droppedMap());
        assertEquals(expected.delivered(), actual.delivered(), "delivered after " + what);
        assertEquals(expected.duplicates(), actual.duplicates(), "duplicates after " + what);
        assertEquals(expected.retransmissions(), actual.retransmissions(), "retransmissions after " + what);
        assertEquals(expected.subscriptionsKept(), actual.subscriptionsKept(), "kept after " + what);
        assertEquals(expected.isolationRecoveries(), actual.isolationRecoveries(), "isolation after " + what);
        assertEquals(expected.leaseRenewals(), actual.leaseRenewals(), "renewals after " + what);
        assertEquals(expected.leaseExpiries(), actual.leaseExpiries(), "lease expiries after " + what);
    }

    /** Every node's views and unacknowledged count, and its membership, on both sides. */
    void assertSameState() {
        for (int i = 0; i < nodes.length; i++) {
            assertEquals(nodes[i].isMember(), arena.isMember(i), "membership of " + i);
            assertEquals(nodes[i].hasLeft(), arena.hasLeft(i), "departure of " + i);
            assertEquals(nodes[i].partialViewSize(), arena.partialViewSize(i), "PartialView size of " + i);
            assertEquals(nodes[i].inViewSize(), arena.inViewSize(i), "InView size of " + i);
            if (created[i]) {
                assertArrayEquals(nodes[i].partialView(), arena.partialView(i), "PartialView of " + i);
                assertArrayEquals(nodes[i].inView(), arena.inView(i), "InView of " + i);
                assertEquals(nodes[i].unacknowledgedCount(), arena.unacknowledgedCount(i), "unacked of " + i);
            }
        }
    }
}
