package io.gossip.protocol;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A test harness: many {@link ScampNode}s wired through an in-memory network with instant,
 * loss-free, FIFO delivery, and a virtual clock that jumps to the next requested wake-up. No
 * simulator needed; used to check the protocol's statistical behaviour and invariants.
 */
final class InMemoryGroup implements Environment {
    private record InFlight(int from, int to, Message message) {
    }

    private record Wake(long at, long order, int node) {
    }

    private final ProtocolConfig config;
    private final SplittableRandom random;
    private final List<ScampNode> nodes = new ArrayList<>();
    private final List<List<Gossip>> deliveries = new ArrayList<>();
    private final ArrayDeque<InFlight> network = new ArrayDeque<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final boolean[] crashed;
    private final Counters counters = new Counters();
    private SplittableRandom lossRandom;
    private double loss;
    private int[] partitionGroup;
    private long wakeOrder;
    private long nowMicros;
    private long messagesDelivered;
    private java.util.function.IntConsumer afterEachMessage = node -> { };
    private java.util.function.Consumer<InFlight> onSend = m -> { };

    InMemoryGroup(int capacity, ProtocolConfig config, long seed) {
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.crashed = new boolean[capacity];
    }

    /** Loses each message independently with {@code probability}, drawn from its own seeded generator. */
    void loseMessages(double probability, long seed) {
        this.loss = probability;
        this.lossRandom = new SplittableRandom(seed);
    }

    /** Runs {@code check} with the receiver's id after every message delivered (for invariant checks). */
    void afterEachMessage(java.util.function.IntConsumer check) {
        this.afterEachMessage = check;
    }

    /** Observes every message sent, before delivery. */
    void onSend(SendObserver observer) {
        this.onSend = m -> observer.sent(m.from(), m.to(), m.message());
    }

    /** Sees each message as it is sent. */
    interface SendObserver {
        void sent(int from, int to, Message message);
    }

    /** Creates the next node (id = its index) without joining it. */
    ScampNode newNode() {
        return newNode(config);
    }

    ScampNode newNode(ProtocolConfig nodeConfig) {
        ScampNode node = new ScampNode(nodes.size(), nodeConfig, this, random.split(), counters);
        nodes.add(node);
        deliveries.add(new ArrayList<>());
        return node;
    }

    /** Bootstraps a first node, then joins {@code n − 1} more, each through a uniformly random member. */
    void growTo(int n) {
        growTo(n, false);
    }

    /** As {@link #growTo(int)}, but with {@code singleEntry} every newcomer joins through node 0. */
    void growTo(int n, boolean singleEntry) {
        if (nodes.isEmpty()) {
            newNode().bootstrap(nowMicros);
            settle();
        }
        while (nodes.size() < n) {
            int contact = singleEntry ? 0 : randomLiveMember();
            newNode().join(nowMicros, contact);
            settle();
        }
    }

    int randomLiveMember() {
        while (true) {
            int candidate = random.nextInt(nodes.size());
            if (!crashed[candidate] && nodes.get(candidate).isMember()) {
                return candidate;
            }
        }
    }

    /** Delivers every message in flight (instantly), without advancing time. */
    void settle() {
        InFlight m;
        while ((m = network.poll()) != null) {
            if (loss > 0 && lossRandom.nextDouble() < loss) {
                continue;
            }
            if (partitionGroup != null && partitionGroup[m.from()] != partitionGroup[m.to()]) {
                continue;
            }
            if (!crashed[m.to()]) {
                messagesDelivered++;
                nodes.get(m.to()).onMessage(nowMicros, m.from(), m.message());
                afterEachMessage.accept(m.to());
            }
        }
    }

    /** Advances virtual time to {@code untilMicros}, firing due wake-ups and settling after each. */
    void runUntil(long untilMicros) {
        settle();
        while (!wakes.isEmpty() && wakes.peek().at() <= untilMicros) {
            Wake w = wakes.poll();
            nowMicros = Math.max(nowMicros, w.at());
            if (!crashed[w.node()]) {
                nodes.get(w.node()).onTimeout(nowMicros);
            }
            settle();
        }
        nowMicros = Math.max(nowMicros, untilMicros);
    }

    /**
     * Splits the group: from now on a message between nodes of different groups is lost (as in the
     * simulator, decided at delivery). {@code groupOfNode} is indexed by node id.
     */
    void partition(int[] groupOfNode) {
        this.partitionGroup = groupOfNode.clone();
    }

    /** Ends the partition. */
    void heal() {
        this.partitionGroup = null;
    }

    void crash(int node) {
        crashed[node] = true;
    }

    boolean isCrashed(int node) {
        return crashed[node];
    }

    long now() {
        return nowMicros;
    }

    ScampNode node(int id) {
        return nodes.get(id);
    }

    int size() {
        return nodes.size();
    }

    List<ScampNode> nodes() {
        return nodes;
    }

    List<Gossip> deliveriesOf(int node) {
        return deliveries.get(node);
    }

    Counters counters() {
        return counters;
    }

    long messagesDelivered() {
        return messagesDelivered;
    }

    /** Live members: joined, not left, not crashed. */
    List<ScampNode> liveMembers() {
        List<ScampNode> live = new ArrayList<>();
        for (ScampNode n : nodes) {
            if (n.isMember() && !crashed[n.id()]) {
                live.add(n);
            }
        }
        return live;
    }

    double meanPartialView() {
        return liveMembers().stream().mapToInt(ScampNode::partialViewSize).average().orElse(0);
    }

    double meanInView() {
        return liveMembers().stream().mapToInt(ScampNode::inViewSize).average().orElse(0);
    }

    /** How many live members (other than the origin) have delivered the message. */
    int reached(long messageId) {
        int count = 0;
        for (ScampNode n : liveMembers()) {
            for (Gossip g : deliveries.get(n.id())) {
                if (g.messageId() == messageId) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    @Override
    public void send(int from, int to, Message message) {
        InFlight m = new InFlight(from, to, message);
        onSend.accept(m);
        network.add(m);
    }

    @Override
    public void deliver(int node, Gossip message) {
        deliveries.get(node).add(message);
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        wakes.add(new Wake(deadlineMicros, wakeOrder++, node));
    }
}
