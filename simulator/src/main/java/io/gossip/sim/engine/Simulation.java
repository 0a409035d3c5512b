package io.gossip.sim.engine;

import io.gossip.protocol.ArenaEnvironment;
import io.gossip.protocol.Counters;
import io.gossip.protocol.Environment;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.RandomStreams;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.baseline.GlobalGossip;
import io.gossip.sim.network.Network;
import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.results.EventRow;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run: a discrete-event loop over a virtual clock that drives unmodified {@link ScampNode}s (or
 * the global-knowledge baseline) through the {@link Environment} interface.
 *
 * <p>Single-threaded and deterministic: every event goes through one {@link EventQueue} ordered by
 * (time, insertion sequence); randomness comes from generators split from the run's seeds in a
 * fixed order (one per node in join order, one for the network, one for the baseline, one for the
 * timeline). An <em>event</em>, as counted in the results, is a message handed to a node or a wakeup
 * that called {@link ScampNode#onTimeout}; dropped messages, ignored wakeups and timeline steps are
 * not counted.
 */
public final class Simulation implements Environment, ArenaEnvironment {
    private static final int MESSAGE = 0;
    private static final int WAKE = 1;
    private static final int STEP = 2;
    /** A message of the arena: (seq, subject) in the event's word, (type, hops) in its tag. */
    private static final int PACKED = 3;
    private static final int GOSSIP = MessageType.GOSSIP.ordinal();
    private static final int PROGRESS_EVERY = 1 << 14;
    /**
     * How many coming events' destinations the arena reads ahead in one go (see {@link #readAhead}):
     * 8 was the fastest of 4, 8, 16 and 32 at 100,000 nodes.
     */
    private static final int LOOKAHEAD = 8;
    /**
     * Runs smaller than this do not read ahead: their nodes' state (about 0.5 KB each) fits in a
     * last-level cache of tens of MB, so there are few misses to overlap and reading ahead only adds
     * work. Measured here (32 MB L3): 10-15 % slower at 10,000 nodes, even at 30,000, 10-20 %
     * faster at 100,000 and 1.7 times as fast at 1,000,000 (docs/simulator-engine.md, round 3).
     */
    private static final int READ_AHEAD_MIN_NODES = 50_000;
    /** {@link #arrivalState} of a message that did not reach its destination. */
    private static final byte DROPPED = -1;

    private final RunSetup setup;
    private final ProtocolConfig config;
    private final long endMicros;
    private final EventQueue queue;
    private final NodeTable table;
    private final ScampNode[] nodes;
    /** All the SCAMP nodes, instead of {@code nodes}, when the representation is ARENA. */
    private final ScampArena arena;
    /** The broadcast index of each arena message. */
    private int[] broadcastOfMessage = new int[16];
    private final GlobalGossip global;
    private final Network network;
    private final BroadcastTracker tracker;
    private final Counters counters = new Counters();
    private final SplittableRandom nodeSeeds;
    private final SplittableRandom timelineRandom;
    private final long[] sentByType = new long[MessageType.count()];
    private final long[] networkDrops = new long[NetworkDropReason.count()];
    private final List<EventRow> rows = new ArrayList<>();
    private final MembershipSampler sampler;
    private long now;
    private final int[] ahead = new int[LOOKAHEAD];
    private boolean readsAhead;
    /** Where {@link #readAhead}'s loads go, so that the compiler keeps them. */
    private int readAheadSink;
    private long events;
    private long deliveries;
    private int openingBroadcast = -1;

    /** A run with the representation {@link NodeRepresentation#choose} picks. */
    public Simulation(RunSetup setup) {
        this(setup, NodeRepresentation.choose(setup.scenario(), setup.key().membership()));
    }

    /**
     * A run holding SCAMP nodes as asked.
     *
     * @throws IllegalArgumentException if the arena is asked for a scenario it cannot run
     */
    public Simulation(RunSetup setup, NodeRepresentation representation) {
        this.setup = setup;
        Scenario scenario = setup.scenario();
        this.config = scenario.protocol();
        this.endMicros = Math.round(scenario.durationMillis() * 1000);
        int n = scenario.nodes();
        boolean scamp = setup.key().membership() == MembershipSpec.Type.SCAMP;
        boolean useArena = scamp && representation == NodeRepresentation.ARENA;
        String whyNot = useArena ? NodeRepresentation.whyNotArena(scenario) : null;
        if (whyNot != null) {
            throw new IllegalArgumentException("the arena cannot run this scenario: it does not support " + whyNot);
        }
        this.queue = new EventQueue(Math.min(n, 1 << 16));
        this.table = new NodeTable(n, !useArena); // arena nodes count their own messages
        this.tracker = new BroadcastTracker(n);
        SplittableRandom root = new SplittableRandom(setup.runSeed());
        this.nodeSeeds = root.split();
        this.network = new Network(scenario.network(), n, root.split());
        SplittableRandom baselineRandom = root.split();
        this.timelineRandom = new SplittableRandom(setup.timelineSeed());
        this.nodes = scamp && !useArena ? new ScampNode[n] : null;
        // The arena's generators repeat what nodeSeeds.split() gives each ScampNode: a replica of
        // nodeSeeds (the root's first split), which the arena splits a node's generator off at its join.
        RandomStreams arenaSeeds = null;
        if (useArena) {
            RandomStreams rootReplica = new RandomStreams(1);
            rootReplica.seed(0, setup.runSeed());
            arenaSeeds = new RandomStreams(1);
            arenaSeeds.splitFrom(0, rootReplica, 0);
        }
        this.arena = useArena ? new ScampArena(n, config, this, arenaSeeds, 0, counters) : null;
        this.readsAhead = useArena && n >= READ_AHEAD_MIN_NODES;
        this.global = scamp ? null : new GlobalGossip(this, setup.fanout(), baselineRandom, config.gossipHopLimit());
        this.sampler = new MembershipSampler(table, nodes, arena, config.c(), scamp ? 0 : setup.fanout());
    }

    /**
     * Checks a scenario's timeline against its node count and payload limit, so that a plan fails
     * before any run starts or any file is written.
     *
     * @throws IllegalArgumentException naming the first bad action
     */
    public static void validate(Scenario scenario) {
        for (var action : scenario.timeline()) {
            Validation.check(action, scenario.nodes(), scenario.protocol().maxPayloadBytes());
        }
    }

    /** Runs to the scenario's duration and returns what was measured. */
    public RunResult run(ProgressSink progress) {
        Scenario scenario = setup.scenario();
        new TimelineDriver(this, timelineRandom).scheduleAll(scenario.timeline(), config.maxPayloadBytes());
        long sampleMicros = Math.round(scenario.output().timelineSampleMillis() * 1000);
        if (sampleMicros > 0) {
            scheduleSampling(0, sampleMicros);
        }
        long reported = 0;
        long iterations = 0;
        int untilReadAhead = 0;
        while (!queue.isEmpty() && queue.peekTime() <= endMicros) {
            if (readsAhead && --untilReadAhead <= 0) {
                untilReadAhead = readAhead();
            }
            queue.pop();
            now = queue.poppedTime();
            int kind = queue.poppedKind();
            if (kind == PACKED) {
                arrivePacked(queue.poppedFrom(), queue.poppedTo(), queue.poppedWord(), queue.poppedTag());
            } else if (kind == MESSAGE) {
                arrive(queue.poppedFrom(), queue.poppedTo(), (Message) queue.poppedRef());
            } else if (kind == WAKE) {
                wake(queue.poppedTo());
            } else {
                ((Step) queue.poppedRef()).run(now);
            }
            if ((++iterations & (PROGRESS_EVERY - 1)) == 0) {
                progress.progress(now, events - reported);
                reported = events;
            }
        }
        progress.progress(endMicros, events - reported);
        now = endMicros;
        if (queue.isEmpty()) {
            queue.trim(); // drop the spare bucket arrays and the drain buffer: nothing needs them any more
        }
        if (arena != null) {
            arena.compact();
        }
        long coverageStepMicros = Math.max(1, Math.round(scenario.output().coverageStepMillis() * 1000));
        return new RunResult(setup.key(), global != null ? setup.fanout() : 0,
                tracker.results(table, coverageStepMicros), sampler.snapshot(), sampler.samples(), rows,
                sentByType, networkDrops, counters.snapshot().droppedByReason(), events, endMicros);
    }

    /**
     * Has the arena read the state of the nodes the next {@value #LOOKAHEAD} or so events go to, all
     * together, and returns after how many events to do it again. Nearly every delivery lands on a
     * node whose state is not in cache; read one event at a time, each miss is waited out alone
     * (at 100,000 nodes, 40 % of the time), read together they overlap. Reading changes nothing, so
     * results are the same with or without it; it is done for the arena only, from
     * {@value #READ_AHEAD_MIN_NODES} nodes (or when a test asks, see {@link #readAhead(boolean)}).
     */
    private int readAhead() {
        int k = queue.upcomingDestinations(ahead);
        int sink = readAheadSink;
        for (int i = 0; i < k; i++) {
            sink += arena.prefetch(ahead[i]);
        }
        readAheadSink = sink;
        return Math.max(1, k);
    }

    /** Turns reading ahead on or off whatever the size, before {@link #run}: tests compare both. */
    void readAhead(boolean on) {
        readsAhead = on && arena != null;
    }

    private void scheduleSampling(long atMicros, long everyMicros) {
        schedule(atMicros, t -> {
            sampler.sample(t);
            scheduleSampling(t + everyMicros, everyMicros);
        });
    }

    private void arrive(int from, int to, Message message) {
        byte state = arrivalState(from, to);
        if (state == DROPPED) {
            return;
        }
        if (message instanceof Gossip gossip) {
            int b = tracker.indexOf(gossip.messageId());
            if (b >= 0 && state == NodeTable.LIVE && tracker.has(b, to)) {
                tracker.countDuplicate(b);
            }
            if (global != null) {
                global.onGossip(now, to, gossip);
                return;
            }
        }
        nodes[to].onMessage(now, from, message);
    }

    private void arrivePacked(int from, int to, long word, int tag) {
        byte state = arrivalState(from, to);
        if (state == DROPPED) {
            return;
        }
        int type = tag >>> 24;
        int subject = (int) word;
        if (type == GOSSIP) {
            int b = broadcastOfMessage[subject];
            if (state == NodeTable.LIVE && tracker.has(b, to)) {
                tracker.countDuplicate(b);
            }
        }
        arena.onMessage(now, to, from, type, (int) (word >>> 32), subject, tag & 0xFF_FFFF);
    }

    /**
     * The destination's state if the message reaches it (counted as delivered), else
     * {@link #DROPPED} (the drop counted).
     */
    private byte arrivalState(int from, int to) {
        byte state = table.state(to);
        if (state == NodeTable.CRASHED) {
            drop(NetworkDropReason.CRASHED_DESTINATION);
            return DROPPED;
        }
        if (state == NodeTable.UNUSED) {
            drop(NetworkDropReason.ABSENT_DESTINATION);
            return DROPPED;
        }
        if (state == NodeTable.LEFT && nodes == null && arena == null) {
            drop(NetworkDropReason.LEFT_DESTINATION);
            return DROPPED;
        }
        int verdict = network.arrivalVerdict(from, to);
        if (verdict != Network.DELIVER) {
            networkDrops[verdict]++;
            return DROPPED;
        }
        if (arena == null) {
            table.countReceived(to);
        }
        events++;
        deliveries++;
        return state;
    }

    private void wake(int node) {
        byte state = table.state(node);
        if (state == NodeTable.LIVE || state == NodeTable.LEFT) {
            events++;
            if (arena != null) {
                arena.onTimeout(now, node);
            } else {
                nodes[node].onTimeout(now);
            }
        }
    }

    private void drop(NetworkDropReason reason) {
        networkDrops[reason.ordinal()]++;
    }

    // ------------------------------------------------------------------ Environment

    @Override
    public void send(int from, int to, Message message) {
        table.countSent(from);
        sentByType[message.type().ordinal()]++;
        if (message instanceof Gossip gossip) {
            int b = tracker.indexOf(gossip.messageId());
            if (b < 0 && openingBroadcast >= 0) {
                b = openingBroadcast;
                tracker.bind(gossip.messageId(), b);
            }
            if (b >= 0) {
                tracker.countTransmission(b);
            }
        }
        long at = arrivalMicros(from, to);
        if (at >= 0) {
            queue.push(at, MESSAGE, from, to, message);
        }
    }

    /** When a message sent now reaches {@code to}; -1 if after the end of the run (the drop counted). */
    private long arrivalMicros(int from, int to) {
        long at = now + network.latencyMicros(from, to);
        if (at > endMicros) {
            drop(NetworkDropReason.AFTER_END);
            return -1;
        }
        return at;
    }

    @Override
    public void deliver(int node, Gossip message) {
        int b = tracker.indexOf(message.messageId());
        if (b >= 0 && !tracker.has(b, node)) {
            tracker.firstReceipt(b, node, now, message.hops());
        }
    }

    // ------------------------------------------------------------------ ArenaEnvironment

    @Override
    public void send(int from, int to, int type, int seq, int subject, int hops) {
        sentByType[type]++; // the arena counts each node's messages in its own record
        if (type == GOSSIP) {
            tracker.countTransmission(broadcastOfMessage[subject]);
        }
        long at = arrivalMicros(from, to);
        if (at >= 0) {
            queue.push(at, PACKED, from, to, ((long) seq << 32) | (subject & 0xFFFF_FFFFL), (type << 24) | hops);
        }
    }

    @Override
    public void deliver(int node, int message, int hops) {
        int b = broadcastOfMessage[message];
        if (!tracker.has(b, node)) {
            tracker.firstReceipt(b, node, now, hops);
        }
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        if (deadlineMicros <= endMicros) {
            queue.push(Math.max(now, deadlineMicros), WAKE, node, node, null);
        }
    }

    // ------------------------------------------------------------------ used by the timeline

    /** Schedules a timeline step (ignored past the end of the run). */
    void schedule(long atMicros, Step step) {
        if (atMicros <= endMicros) {
            queue.push(Math.max(now, atMicros), STEP, -1, -1, step);
        }
    }

    /** Records an executed action for {@code events.csv}. */
    void record(String action, String detail) {
        rows.add(new EventRow(now, action, detail));
    }

    /**
     * Joins the next unused slot: it bootstraps the group if no member is live, else joins through a
     * uniformly random live member ({@code uniform}) or node 0 (the lowest live id if node 0 is gone).
     * Returns the node, or -1 if no slot is left.
     */
    int joinNext(boolean uniform) {
        if (table.unusedCount() == 0) {
            return -1;
        }
        int contact = -1;
        if (table.liveCount() > 0) {
            contact = uniform ? table.liveAt(timelineRandom.nextInt(table.liveCount())) : table.lowestLive();
        }
        int node = table.join();
        if (arena != null) {
            if (contact < 0) {
                arena.bootstrap(now, node);
            } else {
                arena.join(now, node, contact);
            }
        } else if (nodes != null) {
            ScampNode scamp = new ScampNode(node, config, this, nodeSeeds.split(), counters);
            nodes[node] = scamp;
            if (contact < 0) {
                scamp.bootstrap(now);
            } else {
                scamp.join(now, contact);
            }
        }
        return node;
    }

    /** Broadcasts a payload from {@code origin}, which must be live; returns the broadcast index. */
    int broadcastFrom(int origin, byte[] payload) {
        int b = tracker.open(origin, now, table.joins());
        if (arena != null) {
            int message = arena.messageCount();
            if (message == broadcastOfMessage.length) {
                broadcastOfMessage = Arrays.copyOf(broadcastOfMessage, message * 2);
            }
            broadcastOfMessage[message] = b;
            arena.broadcast(now, origin);
            return b;
        }
        if (nodes == null) {
            global.broadcast(now, origin, b, payload);
            return b;
        }
        openingBroadcast = b;
        try {
            tracker.bind(nodes[origin].broadcast(now, payload), b);
        } finally {
            openingBroadcast = -1;
        }
        return b;
    }

    /** Crashes a live node silently. */
    void crash(int node) {
        table.end(node, NodeTable.CRASHED);
    }

    /** A live node unsubscribes gracefully. */
    void unsubscribe(int node) {
        if (arena != null) {
            throw new IllegalStateException("the arena does not run graceful unsubscription");
        }
        table.end(node, NodeTable.LEFT);
        if (nodes != null) {
            nodes[node].leave(now);
        }
    }

    NodeTable table() {
        return table;
    }

    /**
     * Messages handed to nodes so far (every kind, the join phase included): {@code events} without
     * the wakeups. This is what the scale benchmark and PeerSim's event count measure.
     */
    public long deliveries() {
        return deliveries;
    }

    /** The SCAMP node of a slot (null if it never joined or in the baseline); for invariant checks. */
    ScampNode node(int id) {
        return nodes == null ? null : nodes[id];
    }

    /** How this run holds its SCAMP nodes (OBJECTS also for the baseline, which has none). */
    public NodeRepresentation representation() {
        return arena != null ? NodeRepresentation.ARENA : NodeRepresentation.OBJECTS;
    }

    /** The arena holding every SCAMP node, or null; for invariant checks. */
    ScampArena arena() {
        return arena;
    }

    Network network() {
        return network;
    }

    // ------------------------------------------------------------------ used by the baseline

    /** The node table (read-only use by the global baseline). */
    public NodeTable nodeTable() {
        return table;
    }

    /** The broadcast tracker (used by the global baseline to record receipts). */
    public BroadcastTracker tracker() {
        return tracker;
    }
}
