package io.gossip.protocol;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A test harness for {@link ScampNode}s whose ids are sparse and large ({@link #idOf}), far from
 * any other int a node holds, over a seeded network with loss and random latency (so messages are
 * lost, retransmitted and reordered) and a virtual clock. Messages to an id that is not a running
 * node (a crashed node, an outsider) vanish. {@link #afterEachEvent} sees the id of the node that
 * just handled a message or a timeout.
 */
final class SparseIdGroup implements Environment {
    /** Node ids start here: above every sequence number, size, lease and hop count of a test run. */
    static final int BASE = 1_000_000_000;
    private static final int STRIDE = 7;

    private record Event(long at, long order, int from, int to, Message message) {
    }

    private final ProtocolConfig config;
    private final SplittableRandom network;
    private final SplittableRandom seeds;
    private final double loss;
    private final long latencyMaxMicros;
    private final Map<Integer, ScampNode> nodes = new LinkedHashMap<>();
    private final Set<Integer> crashed = new HashSet<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final Counters counters = new Counters();
    private IntConsumer afterEachEvent = node -> { };
    private long order;
    private long nowMicros;

    SparseIdGroup(ProtocolConfig config, long seed, double loss, long latencyMaxMillis) {
        this.config = config;
        this.seeds = new SplittableRandom(seed);
        this.network = seeds.split();
        this.loss = loss;
        this.latencyMaxMicros = latencyMaxMillis * 1_000;
    }

    /** The id of the {@code index}-th node or outsider: sparse, and far above every other int. */
    static int idOf(int index) {
        return BASE + STRIDE * index;
    }

    void afterEachEvent(IntConsumer check) {
        this.afterEachEvent = check;
    }

    /** Creates node {@code index} (not joined yet). */
    ScampNode add(int index) {
        ScampNode node = new ScampNode(idOf(index), config, this, seeds.split(), counters);
        nodes.put(node.id(), node);
        return node;
    }

    ScampNode node(int id) {
        return nodes.get(id);
    }

    List<ScampNode> nodes() {
        return new ArrayList<>(nodes.values());
    }

    /** The running members (not crashed, not left), in creation order. */
    List<ScampNode> liveMembers() {
        List<ScampNode> live = new ArrayList<>();
        for (ScampNode node : nodes.values()) {
            if (node.isMember() && !crashed.contains(node.id())) {
                live.add(node);
            }
        }
        return live;
    }

    void crash(int id) {
        crashed.add(id);
    }

    boolean isRunning(int id) {
        return nodes.containsKey(id) && !crashed.contains(id);
    }

    long now() {
        return nowMicros;
    }

    Counters counters() {
        return counters;
    }

    /** {@code message} from {@code from} (any id, an outsider's too) reaches {@code to} after a random latency. */
    void inject(int from, int to, Message message) {
        send(from, to, message);
    }

    /** Handles every event due up to {@code untilMicros}, then sets the clock there. */
    void runUntil(long untilMicros) {
        Event e;
        while ((e = events.peek()) != null && e.at <= untilMicros) {
            events.poll();
            nowMicros = Math.max(nowMicros, e.at);
            if (!isRunning(e.to)) {
                continue;
            }
            ScampNode node = nodes.get(e.to);
            if (e.message == null) {
                node.onTimeout(nowMicros);
            } else {
                node.onMessage(nowMicros, e.from, e.message);
            }
            afterEachEvent.accept(e.to);
        }
        nowMicros = Math.max(nowMicros, untilMicros);
    }

    @Override
    public void send(int from, int to, Message message) {
        if (network.nextDouble() < loss) {
            return;
        }
        long latency = 1 + network.nextLong(latencyMaxMicros);
        events.add(new Event(nowMicros + latency, order++, from, to, message));
    }

    @Override
    public void deliver(int node, Gossip message) {
        // deliveries are not what this harness looks at
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        events.add(new Event(Math.max(deadlineMicros, nowMicros), order++, node, node, null));
    }
}
