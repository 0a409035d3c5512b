package io.gossip.sim.engine;

import io.gossip.protocol.Counters;
import io.gossip.protocol.Environment;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.RandomStreams;
import io.gossip.protocol.ScampArena;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.baseline.GlobalGossip;
import io.gossip.sim.network.Network;
import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * One run: a discrete-event loop over a virtual clock that drives unmodified {@link ScampNode}s (or
 * the global-knowledge baseline) through the {@link Environment} interface.
 *
 * <p>Deterministic: every event goes through one {@link EventQueue} ordered by (time, insertion
 * sequence); randomness comes from generators split from the run's seeds in a fixed order (one per
 * node in join order, one for the network, one for the baseline, one for the timeline). Nodes,
 * network and results are touched by the calling thread only; the one other thread a run may have
 * ({@link #useAppender}) copies queued events into the queue's buckets and decides nothing. An
 * <em>event</em>, as counted in the results, is a message handed to a node or a wakeup that called
 * {@link ScampNode#onTimeout}; dropped messages, ignored wakeups and timeline steps are not
 * counted.
 *
 * <p>This class builds the run, runs the loop (popping events and reading ahead for the SCAMP nodes) and
 * assembles the result. The loop's parts live in their own classes: {@link NodeEnvironment} (what
 * nodes send, deliver and ask to be woken for, onto the queue), {@link Arrivals} (popped messages
 * and wakeups to their nodes) and {@link GroupActions} (what timeline steps do to the group).
 */
public final class Simulation {
    private static final int PROGRESS_EVERY = 1 << 14;
    /**
     * How many coming events' nodes have their state read ahead in one go (see {@link #readAhead}):
     * 8 was the fastest of 4, 8, 16 and 32 at 100,000 nodes.
     */
    private static final int LOOKAHEAD = 8;
    /**
     * How many coming events the arena's reading ahead looks through to find {@value #LOOKAHEAD}
     * that read their node's state: in a broadcast, most events are copies a node already holds,
     * which read none (round 17 in docs/simulator-engine.md; 16 reads in 64 or 128 events did no
     * better).
     */
    private static final int SCAN = 64;
    /**
     * Runs smaller than this do not read ahead: their nodes' state (0.5 to 1 KB each) fits in a
     * last-level cache of tens of MB, so there are few misses to overlap and reading ahead only adds
     * work. Measured here (32 MB L3), on the arena: 10-15 % slower at 10,000 nodes, even at 30,000,
     * about 10 % (c = 1) to 20 % (c = 0) faster at 100,000 and 1.4-1.7 times as fast at 1,000,000;
     * on ScampNode objects about 10 % faster at 100,000 (docs/simulator-engine.md, round 3).
     */
    private static final int READ_AHEAD_MIN_NODES = 50_000;
    /**
     * Runs smaller than this do without the appender ({@link #appenderHelps}): their broadcasts'
     * buckets hold about 200 events on average at 20,000 nodes, where it was slower.
     */
    private static final int APPENDER_MIN_NODES = 50_000;

    private final RunSetup setup;
    private final ProtocolConfig config;
    private final long endMicros;
    private final EventQueue queue;
    private final NodeTable table;
    private final ScampNode[] nodes;
    /** All the SCAMP nodes, instead of {@code nodes}, when the representation is ARENA. */
    private final ScampArena arena;
    private final GlobalGossip global;
    private final BroadcastTracker tracker;
    private final Counters counters = new Counters();
    private final SplittableRandom timelineRandom;
    private final long[] sentByType = new long[MessageType.count()];
    private final long[] networkDrops = new long[NetworkDropReason.count()];
    private final MembershipSampler sampler;
    private final NodeEnvironment environment;
    private final Arrivals arrivals;
    private final GroupActions actions;
    // The coming events listed for reading ahead: SCAN of them for the arena, LOOKAHEAD for objects.
    private final int[] ahead;
    private final int[] aheadTags;
    private final int[] aheadWords;
    /** Which of {@code ahead} the arena reads the state of, in a batch. */
    private final int[] picked = new int[LOOKAHEAD];
    private boolean readsAhead;
    /** Wakeups one retransmission timeout ahead, beside the queue (see {@link WakeupLane}); null for none. */
    private WakeupLane lane;
    /** Whether a second thread stores the queue's events while buckets are busy (see {@link #useAppender}). */
    private boolean appends;
    private int appendAbove = EventQueue.APPEND_ABOVE;
    private int appendBelow = EventQueue.APPEND_BELOW;
    /** Whether broadcasts are summarised as soon as they are over (see {@link #settleBroadcastsEarly}). */
    private boolean settlesEarly = true;
    /** Whether arena nodes drop messages once they are over, where exact (see {@link #dropOverMessages}). */
    private boolean dropsOverMessages = true;
    /** Events to handle before {@link #readAhead} reads ahead again. */
    private int untilReadAhead;
    /** Where {@link #readAhead}'s loads go, so that the compiler keeps them. */
    private int readAheadSink;

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
        this.queue = new EventQueue(Math.min(n, 1 << 16), n);
        this.table = new NodeTable(n, !useArena); // arena nodes count their own messages
        this.tracker = new BroadcastTracker(n);
        SplittableRandom root = new SplittableRandom(setup.runSeed());
        SplittableRandom nodeSeeds = root.split();
        Network network = new Network(scenario.network(), n, root.split());
        SplittableRandom baselineRandom = root.split();
        this.timelineRandom = new SplittableRandom(setup.timelineSeed());
        this.environment = new NodeEnvironment(endMicros, config.retransmitHorizonMicros(), queue, table, network,
                tracker, sentByType, networkDrops);
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
        this.arena = useArena ? new ScampArena(n, config, environment, arenaSeeds, 0, counters) : null;
        this.readsAhead = (arena != null || nodes != null) && readsAheadAt(n);
        int listed = arena != null ? SCAN : LOOKAHEAD;
        this.ahead = new int[listed];
        this.aheadTags = new int[listed];
        this.aheadWords = new int[listed];
        wakeupLane(true);
        this.global = scamp ? null : new GlobalGossip(this, setup.fanout(), baselineRandom, config.gossipHopLimit(),
                globalKnowsCrashes(scenario));
        this.sampler = new MembershipSampler(table, nodes, arena, config.c(), scamp ? 0 : setup.fanout());
        this.arrivals = new Arrivals(table, network, tracker, environment, nodes, arena, global, networkDrops);
        this.actions = new GroupActions(endMicros, config, table, network, tracker, environment, nodes, arena,
                global, nodeSeeds, timelineRandom, counters);
    }

    /**
     * Whether the scenario's global membership (main or baseline) has a perfect failure detector;
     * false, the paper's global scheme, when it names none (a test running a SCAMP scenario as GLOBAL).
     */
    private static boolean globalKnowsCrashes(Scenario scenario) {
        for (MembershipSpec m : new MembershipSpec[] {scenario.membership(), scenario.baseline()}) {
            if (m != null && m.type() == MembershipSpec.Type.GLOBAL) {
                return m.knowsCrashes();
            }
        }
        return false;
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

    /** Says once if broadcasts were still spreading at the end: their figures count only what arrived. */
    private void warnOfBroadcastsCutByEnd(ProgressSink progress) {
        int cut = 0;
        long copies = 0;
        long firstSentMicros = -1;
        for (int b = 0; b < tracker.count(); b++) {
            long after = tracker.copiesAfterEnd(b);
            if (after > 0) {
                if (cut++ == 0) {
                    firstSentMicros = tracker.sentMicros(b);
                }
                copies += after;
            }
        }
        if (cut > 0) {
            progress.warning(RunWarnings.broadcastsCutByEnd(cut, copies, firstSentMicros, endMicros));
        }
    }

    /** Runs to the scenario's duration and returns what was measured. */
    public RunResult run(ProgressSink progress) {
        Scenario scenario = setup.scenario();
        new TimelineDriver(actions, timelineRandom).scheduleAll(scenario.timeline(), config.maxPayloadBytes());
        long coverageStepMicros = scenario.output().coverageStepMicros();
        tracker.onRedeliveries((b, sentMicros, nowMicros, group, redelivered) ->
                progress.warning(RunWarnings.redelivered(config, b, sentMicros, nowMicros, group, redelivered)));
        actions.onWarning(progress::warning);
        environment.onLateCopy((nowMicros, type, latencyMicros) ->
                progress.warning(RunWarnings.lateMembershipCopy(config, nowMicros, type, latencyMicros)));
        if (settlesEarly) {
            // Which nodes will have gone by the end: none where the timeline ends no node; else the
            // timeline is played alone first to know them.
            BitSet goneByEnd = TimelineDriver.endsNodes(scenario.timeline())
                    ? TimelineForecast.endTable(scenario, setup.timelineSeed(), endMicros).gone() : new BitSet();
            tracker.settleEarly(goneByEnd, coverageStepMicros);
            if (arena != null && dropsOverMessages && EarlyForgetting.exact(scenario.timeline(), config)) {
                actions.dropOverMessages();
            }
        }
        long sampleMicros = Math.round(scenario.output().timelineSampleMillis() * 1000);
        if (sampleMicros > 0) {
            scheduleSampling(0, sampleMicros);
        }
        long reported = 0;
        long iterations = 0;
        untilReadAhead = 0;
        if (appends) {
            queue.startAppender(appendAbove, appendBelow);
        }
        try {
            while (handleNext()) {
                if ((++iterations & (PROGRESS_EVERY - 1)) == 0) {
                    long events = arrivals.events();
                    progress.progress(environment.now(), events - reported);
                    reported = events;
                }
            }
        } finally {
            queue.stopAppender();
        }
        long events = arrivals.events();
        progress.progress(endMicros, events - reported);
        warnOfBroadcastsCutByEnd(progress);
        environment.advanceTo(endMicros);
        if (queue.isEmpty()) {
            queue.trim(); // drop the queue's chunks and the drain buffer: nothing needs them any more
        }
        return new RunResult(setup.key(), global != null ? setup.fanout() : 0,
                tracker.results(table, coverageStepMicros), sampler.snapshot(), sampler.samples(), actions.rows(),
                sentByType, networkDrops, counters.snapshot().droppedByReason(), environment.lateMembershipCopies(),
                RunResult.NO_SOCKETS, events, endMicros);
    }

    /**
     * Handles the next event, the lane's or the queue's; false once none is left within the run.
     * One call per event rather than the body of {@link #run}'s loop: a run enters its loop once,
     * so code compiled for a loop body serves only the run it was compiled in, and each run began
     * in the interpreter and compiled its loop again on the stack (at 10,000 nodes the JIT's log put
     * the measured run's first fifth in slower code after the benchmark's warm-up). A method's
     * compiled versions serve every run. Part of the cost remains: the warm-up compiles this
     * method mostly inlined into its own loop, so the measured run starts on its first-tier version
     * for about 0.1 s (docs/simulator-engine.md, round 13).
     */
    private boolean handleNext() {
        long next = queue.isEmpty() ? Long.MAX_VALUE : queue.peekTime();
        if (lane != null && !lane.isEmpty() && lane.headTime() <= next) {
            // The lane first at equal times: see WakeupLane. Its wakeups are all within the run.
            long now = lane.headTime();
            int node = lane.headNode();
            lane.pop();
            environment.advanceTo(now);
            arrivals.wake(now, node);
            return true;
        }
        if (next > endMicros) {
            return false;
        }
        if (readsAhead && --untilReadAhead <= 0) {
            untilReadAhead = readAhead();
        }
        queue.pop();
        long now = queue.poppedTime();
        environment.advanceTo(now);
        int kind = queue.poppedKind();
        if (kind == NodeEnvironment.PACKED) {
            arrivals.arrivePacked(now, queue.poppedFrom(), queue.poppedTo(), queue.poppedWord(), queue.poppedTag());
        } else if (kind == NodeEnvironment.MESSAGE) {
            arrivals.arrive(now, queue.poppedFrom(), queue.poppedTo(), (Message) queue.poppedRef());
        } else if (kind == NodeEnvironment.WAKE) {
            arrivals.wake(now, queue.poppedTo());
        } else {
            ((Step) queue.poppedRef()).run(now);
        }
        return true;
    }

    /**
     * Has the nodes the next {@value #LOOKAHEAD} or so events go to read their state, all together,
     * and returns after how many events to do it again. Nearly every delivery lands on a node whose
     * state is not in cache; read one event at a time, each miss is waited out alone (at 100,000
     * nodes, about 35 % of the time in round 2's profile), read together they overlap. In the arena,
     * a copy of a gossip message its node holds reads no record: up to {@value #SCAN} events are
     * looked through for {@value #LOOKAHEAD} that do, which are then read back to back (spread over
     * the scan, a miss blocked the core before the next one was issued). Reading ahead changes no
     * result; it is done for SCAMP nodes (arena or objects; the baseline has no state to read), from
     * {@value #READ_AHEAD_MIN_NODES} nodes (or when a test asks, see {@link #readAhead(boolean)}).
     */
    private int readAhead() {
        int k = queue.upcoming(ahead, aheadTags, aheadWords);
        if (arena == null) {
            int sink = readAheadSink;
            for (int i = 0; i < k; i++) {
                int d = ahead[i];
                ScampNode node = d >= 0 && d < nodes.length ? nodes[d] : null;
                sink += node == null ? 0 : node.prefetch();
            }
            readAheadSink = sink;
            return Math.max(1, k);
        }
        // A packed message's type is in its tag's top byte, its subject in its word (see
        // NodeEnvironment#PACKED); a wakeup's top byte is WAKE_HINT; a timeline step's tag is 0,
        // read as a membership message (steps are rare: the reads are wasted, not wrong).
        int sink = readAheadSink;
        int reads = 0;
        int looked = 0;
        for (; looked < k && reads < LOOKAHEAD; looked++) {
            int type = aheadTags[looked] >>> 24;
            int held = type == NodeEnvironment.WAKE_HINT ? -1
                    : arena.prefetchHeldCopy(ahead[looked], type, aheadWords[looked]);
            if (held < 0) {
                picked[reads++] = looked;
            } else {
                sink += held;
            }
        }
        for (int j = 0; j < reads; j++) {
            int e = picked[j];
            int type = aheadTags[e] >>> 24;
            sink += type == NodeEnvironment.WAKE_HINT ? arena.prefetchWake(ahead[e])
                    : arena.prefetch(ahead[e], type);
        }
        readAheadSink = sink;
        return Math.max(1, looked);
    }

    /**
     * Summarises broadcasts that are over when the next opens, against the nodes live at the end as
     * the timeline alone forecasts them where any node leaves or crashes (on by default), or every
     * broadcast at the end; before {@link #run}. It changes no result, only
     * how long a broadcast's per-node tables are kept (see {@link BroadcastTracker}); tests compare
     * both.
     */
    public void settleBroadcastsEarly(boolean on) {
        settlesEarly = on;
    }

    /**
     * Has arena nodes drop each message from their duplicate memories once it is over (on by
     * default; only where {@link EarlyForgetting} finds it exact, and with broadcasts summarised
     * early, which tells when each is over), before {@link #run}. It changes no result, only how
     * much the nodes' records hold; tests compare both.
     */
    public void dropOverMessages(boolean on) {
        dropsOverMessages = on;
    }

    /**
     * Puts the wakeups nodes ask one retransmission timeout ahead in a lane beside the queue (on by
     * default) or in the queue with every other event, before {@link #run}. It changes no result
     * (see {@link WakeupLane}); tests compare both.
     */
    public void wakeupLane(boolean on) {
        lane = on ? new WakeupLane(config.retransmitTimeoutMillis() * 1000) : null;
        environment.useLane(lane);
    }

    /**
     * Turns reading ahead on or off whatever the size, before {@link #run}: tests compare both, and
     * the scale benchmark's warm-up reads ahead when the measured run will, so that the JIT compiles
     * that code too before the measured run (see {@code ScaleRun#run}). It changes no result.
     */
    public void readAhead(boolean on) {
        readsAhead = on && (arena != null || nodes != null);
    }

    /** Whether a SCAMP run of {@code nodes} nodes reads ahead unless told otherwise ({@link #readAhead(boolean)}). */
    public static boolean readsAheadAt(int nodes) {
        return nodes >= READ_AHEAD_MIN_NODES;
    }

    /**
     * Has a second thread store the event queue's events while buckets are busy (on) or not (off,
     * the default), before {@link #run}: see {@link EventQueue#startAppender(int, int)}. It changes no result
     * ({@code ArenaEquivalenceTest}); it made the scale benchmark's broadcasts 9-23 % faster at
     * 100,000 nodes (in 16 of 17 runs) and changed nothing at 1,000,000 (docs/simulator-engine.md,
     * round 10). Only for a run that has a spare core, since the second thread spins while it
     * waits: the scale benchmark and {@code sim run} turn it on for such runs
     * ({@link #appenderHelps}).
     */
    public void useAppender(boolean on) {
        appends = on;
    }

    /**
     * {@link #useAppender} with its thresholds given (events per drained bucket, on average, above
     * which the appender stores and below which it stops; {@link EventQueue#APPEND_ABOVE} and
     * {@link EventQueue#APPEND_BELOW} otherwise): tests have it store always ({@code 0, 0}) or
     * switch often, and the scale benchmark's warm-up, whose buckets are small, has it store there
     * so that its code is compiled before the measured run.
     */
    public void useAppender(int above, int below) {
        appends = true;
        appendAbove = above;
        appendBelow = below;
    }

    /**
     * Whether the appender ({@link #useAppender}) is worth a core for a SCAMP run of {@code nodes}
     * nodes when {@code concurrentRuns} runs share the machine: only from
     * {@value #APPENDER_MIN_NODES} nodes, and only if a core is left over.
     */
    public static boolean appenderHelps(int nodes, int concurrentRuns) {
        return nodes >= APPENDER_MIN_NODES && Runtime.getRuntime().availableProcessors() > concurrentRuns;
    }

    /**
     * Has {@code observer} called once, when the virtual clock reaches {@code atMicros}; called before
     * {@link #run}, it comes before every event of that same microsecond. For measurements (the scale
     * benchmark splits its join phase from its broadcasts this way): the observer may read the run,
     * never change it. It takes one place in the event order, as a timeline step does, which leaves
     * the order of every other event, and so every result, as it was.
     */
    public void observeAt(long atMicros, Step observer) {
        actions.schedule(atMicros, observer);
    }

    private void scheduleSampling(long atMicros, long everyMicros) {
        actions.schedule(atMicros, t -> {
            sampler.sample(t);
            scheduleSampling(t + everyMicros, everyMicros);
        });
    }

    /** Wakeups the run has put in its lane so far (0 without one). */
    long wakeupsInLane() {
        return lane == null ? 0 : lane.taken();
    }

    NodeTable table() {
        return table;
    }

    /**
     * Messages handed to nodes so far (every kind, the join phase included): {@code events} without
     * the wakeups. This is what the scale benchmark and PeerSim's event count measure.
     */
    public long deliveries() {
        return arrivals.deliveries();
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

    // ------------------------------------------------------------------ used by the baseline

    /**
     * Sends a message between two nodes of the global baseline, through the run's network (see
     * {@link NodeEnvironment#send(int, int, Message)}).
     */
    public void send(int from, int to, Message message) {
        environment.send(from, to, message);
    }

    /** The node table (read-only use by the global baseline). */
    public NodeTable nodeTable() {
        return table;
    }

    /** The broadcast tracker (used by the global baseline to record receipts). */
    public BroadcastTracker tracker() {
        return tracker;
    }
}
