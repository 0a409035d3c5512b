package io.gossip.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.CounterSnapshot;
import io.gossip.protocol.IdTable;
import io.gossip.protocol.NodeIds;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Unlink;
import io.gossip.udp.cluster.LoopbackCluster;
import io.gossip.udp.wire.WireCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event loop's id table is swept: addresses its nodes no longer refer to are released, their
 * ids given to new addresses, and nothing is ever sent to an address by the id of another.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IdTableSweepTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Short retransmissions: the (sender, seq) pairs a node remembers are forgotten after 350 ms. */
    private static final ProtocolConfig SHORT_MEMORY = ProtocolConfig.builder().retransmitTimeoutMillis(50)
            .maxAttempts(3).heartbeatPeriodMillis(200).build();

    private static <T> T onLoop(EventLoop loop, Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private static void sweep(EventLoop loop) {
        unchecked(() -> onLoop(loop, () -> {
            loop.sweepIds();
            return null;
        }));
    }

    // ------------------------------------------------------------------ forged senders

    private static final int NODES = 8;
    private static final int FORGED_DATAGRAMS = 20_000;
    private static final int FORGED_GOSSIPS = 1_000;
    private static final int FORGED_MEMBERSHIP = 400;
    /** Small enough for the victim's receive buffer (about 1 KB of kernel memory per datagram). */
    private static final int BURST = 100;

    /**
     * A datagram from the {@code i}-th forged sender, 127.1.x.y (port 7): a gossip message from a
     * forged origin, 127.2.x.y, for the first {@link #FORGED_GOSSIPS} (at the largest hop count, so
     * the victim delivers and remembers it but passes it on to nobody); then Replaces naming a
     * forged replacement and Unlinks (the victim remembers their senders as handled for a while,
     * and an Unlink it cannot apply as a tombstone); then heartbeats. Every address is new.
     */
    private static ByteBuffer forged(WireCodec codec, int i) throws Exception {
        byte[] high = {(byte) (i >> 8), (byte) i};
        PeerAddress sender = PeerAddress.of(InetAddress.getByAddress(new byte[] {127, 1, high[0], high[1]}), 7);
        PeerAddress named = PeerAddress.of(InetAddress.getByAddress(new byte[] {127, 2, high[0], high[1]}), 7);
        IdTable<PeerAddress> ids = new IdTable<>();
        int namedId = ids.intern(named);
        ids.intern(sender);
        Message message;
        if (i < FORGED_GOSSIPS) {
            message = Gossip.create(namedId, i, Integer.MAX_VALUE, new byte[] {(byte) i});
        } else if (i < FORGED_GOSSIPS + FORGED_MEMBERSHIP / 2) {
            message = new Replace(1, namedId);
        } else if (i < FORGED_GOSSIPS + FORGED_MEMBERSHIP) {
            message = new Unlink(1);
        } else {
            message = Heartbeat.INSTANCE;
        }
        return codec.encode(sender, message, ids);
    }

    /** How many of the first {@code sent} forged datagrams the victim has handled, by its core's counts. */
    private static long handled(GossipNode victim, CounterSnapshot before, int sent) {
        CounterSnapshot now = victim.metrics().core();
        long gossips = now.delivered() - before.delivered();
        long replaces = now.received(MessageType.REPLACE) - before.received(MessageType.REPLACE);
        long unlinks = now.received(MessageType.UNLINK) - before.received(MessageType.UNLINK);
        // Heartbeats of the cluster count too: a lower bound on the forged ones it is not.
        long heartbeats = now.received(MessageType.HEARTBEAT) - before.received(MessageType.HEARTBEAT);
        return gossips + replaces + unlinks + Math.min(heartbeats, Math.max(0, sent - FORGED_GOSSIPS
                - FORGED_MEMBERSHIP));
    }

    @Test
    void addressesOfForgedSendersAreReleasedAndTheTableStaysWithinTwiceWhatTheNodesHold() throws Exception {
        try (LoopbackCluster cluster = LoopbackCluster.start(new LoopbackCluster.Options(NODES, SHORT_MEMORY, 1, 21,
                null)); DatagramChannel attacker = DatagramChannel.open()) {
            cluster.joinAll(Duration.ofMillis(5));
            assertTrue(cluster.awaitSettled(WAIT));
            EventLoop loop = cluster.node(0).eventLoop();
            GossipNode victim = cluster.node(3);
            attacker.bind(new InetSocketAddress(LOOPBACK, 0));
            WireCodec codec = new WireCodec(1_400, 1_024);
            CounterSnapshot before = victim.metrics().core();
            int largestTable = 0;
            for (int i = 0; i < FORGED_DATAGRAMS; i++) {
                attacker.send(forged(codec, i), victim.address().toSocketAddress());
                if ((i + 1) % BURST == 0) {
                    int sent = i + 1;
                    assertTrue(LoopbackCluster.awaitCondition(() -> handled(victim, before, sent) >= sent, WAIT),
                            () -> "the victim handled " + handled(victim, before, sent) + " of " + sent);
                    largestTable = Math.max(largestTable, loop.idTableSize());
                }
            }
            // What the nodes may hold meanwhile: their own addresses, the forged origins the victim's
            // duplicate memory remembers (10 minutes), the forged senders of membership messages
            // (350 ms). A sweep keeps those and runs again once the table holds twice as many (its
            // other trigger, ids read / 8, stays below that here); between two checks the loop
            // reads at most 64 of the victim's datagrams, naming at most 128 new addresses.
            int bound = 2 * (NODES + FORGED_GOSSIPS + FORGED_MEMBERSHIP) + 128;
            assertTrue(largestTable <= bound, "largest table " + largestTable + ", bound " + bound);
            assertTrue(loop.idSweepCount() > 0);

            // Once the membership senders are forgotten, a sweep leaves exactly what the nodes hold.
            int held = NODES + FORGED_GOSSIPS;
            assertTrue(LoopbackCluster.awaitCondition(() -> {
                sweep(loop);
                return loop.idTableSize() == held;
            }, WAIT), () -> "table " + loop.idTableSize() + ", expected " + held);
            int otherForged = FORGED_DATAGRAMS + FORGED_MEMBERSHIP / 2; // senders, and Replaces' replacements
            assertTrue(loop.releasedIdCount() >= otherForged * 0.99 && loop.releasedIdCount() <= otherForged,
                    "released " + loop.releasedIdCount() + " of " + otherForged + " other forged addresses");

            MessageId id = cluster.broadcast(5, new byte[] {42});
            assertTrue(cluster.awaitCoverage(id, 1.0, WAIT), "coverage " + cluster.coverage(id));
            assertEquals(0, loop.errorCount());
        }
    }

    // ------------------------------------------------------------------ churn

    private static final int FIRST_NODES = 10;
    private static final int CHURN_ROUNDS = 6;
    private static final int LEAVERS_PER_ROUND = 2;

    /**
     * Nodes leave and new nodes start on new ports, on one loop that sweeps whenever its table
     * doubles and after every poll of every wait: once a leaver's address is released and its id
     * freed, the next node started takes that id, every node a broadcast can reach along the
     * PartialViews delivers it, and the loop counts no error (no send to an id without an address,
     * no reference to one found by a sweep).
     */
    @Test
    void underChurnNewNodesTakeFreedIdsAndEveryReachableNodeDeliversEachBroadcast() throws Exception {
        // Pairs remembered as handled for 1.5 s, gossip ids for 1 s: a leaver is soon forgotten.
        ProtocolConfig config = ProtocolConfig.builder().retransmitTimeoutMillis(100).maxAttempts(4)
                .heartbeatPeriodMillis(200).isolationTimeoutMillis(1_000).duplicateMemoryAgeMillis(1_000).build();
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        List<GossipNode> live = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(33);
        try (EventLoop loop = EventLoop.start("churn")) {
            onLoop(loop, () -> {
                loop.sweepFromSize(1);
                return null;
            });
            for (int i = 0; i < FIRST_NODES; i++) {
                live.add(start(loop, config, delivered, random.nextLong()));
            }
            // Every node joins through node 0, which never leaves: a node keeps its bootstrap contact's
            // address for good (it re-subscribes through it if its PartialView ever empties).
            GossipNode entry = live.get(0);
            entry.bootstrap();
            for (int i = 1; i < live.size(); i++) {
                live.get(i).join(entry.address()).get(10, TimeUnit.SECONDS);
            }
            awaitReachable(live);
            int idsEverGiven = onLoop(loop, () -> loop.ids().idBound()); // no sweep has released any yet
            int reused = 0;
            int everyoneReached = 0;
            for (int r = 0; r < CHURN_ROUNDS; r++) {
                int round = r;
                List<GossipNode> leavers = new ArrayList<>();
                List<PeerAddress> gone = new ArrayList<>();
                for (int l = 0; l < LEAVERS_PER_ROUND; l++) {
                    GossipNode leaver = live.remove(1 + random.nextInt(live.size() - 1));
                    assertTrue(leaver.leave(Duration.ofSeconds(10)), "every goodbye acknowledged");
                    leavers.add(leaver);
                    gone.add(leaver.address());
                }
                // A leaver answers whoever still holds it (a Keep that crossed its leave, a Replace
                // naming it sent by the other leaver) until no view names it; then it may close.
                assertTrue(LoopbackCluster.awaitCondition(() -> GossipNode.metricsOf(live).join().stream()
                        .noneMatch(m -> gone.stream().anyMatch(m.partialView()::contains)
                                || gone.stream().anyMatch(m.inView()::contains)), WAIT), "views forget the leavers");
                leavers.forEach(GossipNode::close);
                // A node's duplicate memory forgets a gossip id when it next sees gossip: node 0 (which
                // never leaves) broadcasts while we wait, so that the leavers' broadcasts are forgotten.
                assertTrue(LoopbackCluster.awaitCondition(() -> {
                    entry.broadcastAsync(new byte[] {-1});
                    return released(loop, gone);
                }, WAIT), () -> "the leavers' addresses " + gone + " are released once nothing refers to them; "
                        + holdersOf(loop, live, gone));
                sweep(loop); // their ids are free now
                for (int n = 0; n < LEAVERS_PER_ROUND; n++) {
                    GossipNode joiner = start(loop, config, delivered, random.nextLong());
                    int id = onLoop(loop, () -> loop.ids().find(joiner.address()));
                    if (id < idsEverGiven) {
                        reused++;
                    }
                    idsEverGiven = Math.max(idsEverGiven, id + 1);
                    joiner.join(entry.address()).get(10, TimeUnit.SECONDS);
                    live.add(joiner);
                }
                awaitReachable(live);
                // Gossip reaches a node only along PartialView arcs present when it passes: wait for
                // the joins to settle (as LoopbackCluster.awaitSettled), sweeping meanwhile.
                assertTrue(LoopbackCluster.awaitCondition(() -> sweptAndSettled(loop, live), WAIT),
                        () -> "round " + round + ": settled" + describe(live, null, delivered));
                // SCAMP does not promise a strongly connected graph (a leave's Removes cost arcs: in
                // one run two nodes ended up holding only each other), so the broadcast goes from the
                // node that reaches the most others, and every node it reaches must deliver it.
                Map<PeerAddress, List<PeerAddress>> arcs = new HashMap<>();
                GossipNode.metricsOf(live).join().forEach(m -> arcs.put(m.address(), m.partialView()));
                GossipNode origin = live.stream().max(Comparator.comparingInt(n -> reached(arcs, n.address()).size()))
                        .orElseThrow();
                Set<PeerAddress> reached = reached(arcs, origin.address());
                List<GossipNode> audience = live.stream().filter(n -> reached.contains(n.address())).toList();
                MessageId message = origin.broadcast(new byte[] {(byte) round});
                assertTrue(LoopbackCluster.awaitCondition(
                        () -> sweptAndDelivered(loop, audience, origin, message, delivered), WAIT),
                        () -> "round " + round + ": every node reachable from " + origin.address() + " delivers "
                                + message + "; errors " + loop.errorCount() + describe(live, message, delivered));
                everyoneReached += audience.size() == live.size() ? 1 : 0;
                assertEquals(0, loop.errorCount(), "round " + round);
            }
            assertEquals(CHURN_ROUNDS * LEAVERS_PER_ROUND, reused, "every new node took a freed id");
            // Usually every round's broadcast reaches all ten nodes; one run of a few dozen saw 2 of 6.
            assertTrue(everyoneReached >= 1, "no round's broadcast could reach every node");
            assertTrue(loop.releasedIdCount() >= CHURN_ROUNDS * LEAVERS_PER_ROUND);
            for (GossipNode node : live) {
                NodeMetrics m = node.metrics();
                for (PeerAddress peer : m.partialView()) {
                    assertTrue(live.stream().anyMatch(n -> n.address().equals(peer)), "views name live nodes only");
                }
            }
        }
    }

    /** The nodes reachable from {@code origin} along PartialView arcs, the origin included. */
    private static Set<PeerAddress> reached(Map<PeerAddress, List<PeerAddress>> arcs, PeerAddress origin) {
        Set<PeerAddress> seen = new HashSet<>(List.of(origin));
        Deque<PeerAddress> next = new ArrayDeque<>(seen);
        while (!next.isEmpty()) {
            for (PeerAddress to : arcs.getOrDefault(next.poll(), List.of())) {
                if (arcs.containsKey(to) && seen.add(to)) {
                    next.add(to);
                }
            }
        }
        return seen;
    }

    /** Each node's views, and whether it delivered {@code message}: what a failed round prints. */
    private static String describe(List<GossipNode> nodes, MessageId message, Set<String> delivered) {
        StringBuilder out = new StringBuilder();
        for (GossipNode n : nodes) {
            NodeMetrics m = n.metrics();
            boolean got = delivered.contains(n.address() + " " + message);
            out.append('\n').append(n.address()).append(got ? " got" : " missed").append(" pv=")
                    .append(m.partialView()).append(" iv=").append(m.inView()).append(" unacknowledged=")
                    .append(m.unacknowledged()).append(" dropped=").append(m.core().droppedMap())
                    .append(" retransmissions=").append(m.core().retransmissions());
        }
        return out.toString();
    }

    /** Which nodes still refer to the ids of {@code gone}, and whether from their views. */
    private static String holdersOf(EventLoop loop, List<GossipNode> nodes, List<PeerAddress> gone) {
        return unchecked(() -> onLoop(loop, () -> {
            StringBuilder out = new StringBuilder();
            for (PeerAddress address : gone) {
                int id = loop.ids().find(address);
                out.append('\n').append(address).append(" id ").append(id);
                for (GossipNode n : nodes) {
                    boolean[] held = {false};
                    n.runtime().forEachReferencedId(i -> held[0] |= i == id);
                    if (held[0]) {
                        out.append(", held by ").append(n.address()).append(" (PartialView ")
                                .append(n.runtime().core().partialViewContains(id)).append(", InView ")
                                .append(n.runtime().core().inViewContains(id)).append(')');
                    }
                }
            }
            return out.toString();
        }));
    }

    private static <T> T unchecked(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static GossipNode start(EventLoop loop, ProtocolConfig config, Set<String> delivered, long seed)
            throws Exception {
        GossipNode[] self = new GossipNode[1];
        self[0] = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).protocol(config).seed(seed).insecure()
                .onDeliver((id, hops, payload) -> delivered.add(self[0].address() + " " + id)).start();
        return self[0];
    }

    private static void awaitReachable(List<GossipNode> nodes) throws Exception {
        for (GossipNode node : nodes) {
            node.reachable().get(20, TimeUnit.SECONDS);
        }
    }

    /** Sweeps, then whether none of {@code addresses} has an id any more. */
    private static boolean released(EventLoop loop, List<PeerAddress> addresses) {
        sweep(loop);
        return unchecked(() -> onLoop(loop,
                () -> addresses.stream().allMatch(a -> loop.ids().find(a) == NodeIds.NONE)));
    }

    /**
     * Sweeps, then whether every node is a member that someone holds, with nothing unacknowledged
     * (a node's PartialView may stay empty: Removes from leavers can take every arc it had).
     */
    private static boolean sweptAndSettled(EventLoop loop, List<GossipNode> nodes) {
        sweep(loop);
        return GossipNode.metricsOf(nodes).join().stream().allMatch(m -> m.member() && m.unacknowledged() == 0
                && m.inViewSize() > 0);
    }

    /** Sweeps, then whether every node of {@code nodes} but the origin delivered {@code message}. */
    private static boolean sweptAndDelivered(EventLoop loop, List<GossipNode> nodes, GossipNode origin,
            MessageId message, Set<String> delivered) {
        sweep(loop);
        return nodes.stream().allMatch(n -> n == origin || delivered.contains(n.address() + " " + message));
    }

    // ------------------------------------------------------------------ a missed reference

    /**
     * A reference a sweep missed (simulated by releasing an id a node's PartialView holds) must
     * fail loudly: sends to it are counted as errors of the loop and go nowhere, and the next sweep
     * counts the reference it finds to an id without an address and keeps the id out of use.
     */
    @Test
    void aSendToAnIdReleasedByMistakeIsCountedAndNeverSent() throws Exception {
        try (EventLoop loop = EventLoop.start("missed");
                GossipNode origin = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).seed(1).insecure()
                        .start();
                GossipNode receiver = GossipNode.builder().bindEphemeral(LOOPBACK).eventLoop(loop).seed(2).insecure()
                        .start()) {
            origin.bootstrap();
            receiver.join(origin.address()).get(10, TimeUnit.SECONDS);
            origin.reachable().get(10, TimeUnit.SECONDS);
            long[] outcome = onLoop(loop, () -> {
                NodeRuntime runtime = origin.runtime();
                int receiverId = loop.ids().find(receiver.address());
                assertTrue(runtime.core().partialViewContains(receiverId));
                BitSet referenced = new BitSet();
                runtime.forEachReferencedId(referenced::set);
                referenced.clear(receiverId); // the mistake: one reference not reported
                receiver.runtime().forEachReferencedId(id -> {
                    if (id != receiverId) {
                        referenced.set(id);
                    }
                });
                loop.ids().retainOnly(referenced);
                NodeMetrics before = runtime.metrics(); // (its PartialView's lookup counts an error too)
                long errorsBefore = loop.errorCount();
                runtime.core().broadcast(RealClock.nowMicros(), new byte[] {1}); // gossips to the receiver's id
                long errorsAfter = loop.errorCount();
                NodeMetrics after = runtime.metrics();
                long queuedOrSent = after.datagramsSent() + after.outboundQueued()
                        - before.datagramsSent() - before.outboundQueued();
                return new long[] {errorsAfter - errorsBefore, receiverId, queuedOrSent};
            });
            assertEquals(1, outcome[0], "the send to the released id is counted");
            assertEquals(0, outcome[2], "and nothing was sent");
            int releasedId = (int) outcome[1];
            long errorsBefore = loop.errorCount();
            sweep(loop);
            assertTrue(loop.errorCount() > errorsBefore, "the sweep counts the reference it finds to a released id");
            int newcomer = onLoop(loop, () -> {
                loop.sweepIds(); // still referenced: still in quarantine, never free
                return loop.ids().intern(PeerAddress.parse("127.0.0.9:9"));
            });
            assertTrue(newcomer != releasedId, "a new address never gets an id still referenced");
            assertFalse(onLoop(loop, () -> loop.ids().hasIdentity(releasedId)));
        }
    }
}
