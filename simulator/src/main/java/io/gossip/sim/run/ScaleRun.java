package io.gossip.sim.run;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.engine.NodeRepresentation;
import io.gossip.sim.engine.ProgressSink;
import io.gossip.sim.engine.RunSetup;
import io.gossip.sim.engine.Simulation;
import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

/**
 * One run of the scale benchmark's workload, measured.
 *
 * <p>The workload: node {@code i} joins at virtual second {@code i} (one join per second, so joins
 * are sequential as the SCAMP paper assumes and views reach about (c+1)·ln n; concurrent joins
 * leave them smaller for good, see docs/simulator-engine.md) through a uniformly random live
 * contact. Ten seconds after the last join, {@code B} broadcasts of 64 bytes go out one second
 * apart from uniformly random live sources; the run ends 20 s after the last broadcast, past the
 * retransmission horizon. Latency is uniform on 10–100 ms, 10 % of all messages (membership, acks
 * and gossip) are lost independently. Protocol: c as given, heartbeats off (nothing fails, so there
 * is nothing for them to detect), no indirection (contacts are already uniform), acknowledged
 * membership messages with the default 6 attempts from 250 ms.
 *
 * <p>Wall-clock figures: {@code setupSeconds} builds the engine and schedules the timeline,
 * {@code simSeconds} runs the event loop and builds the result tables (0.1-0.4 s at 10^5-10^6
 * nodes). The heap figure is taken after two full collections, with the nodes as the run left
 * them (each record with the little room it keeps to grow) and the engine and every node still
 * reachable.
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    /**
     * @param nodes group size N
     * @param c SCAMP's c
     * @param broadcasts broadcasts after the join phase
     * @param seed scenario seed
     * @param representation how to hold the nodes: the arena (the default), or {@code ScampNode}
     *     objects to compare (same results, slower and larger)
     * @param warmupNodes nodes of the untimed warm-up run before the measured one (see
     *     {@link ScaleRun#run}), 0 for none
     * @param appender whether a second thread stores the event queue's events while buckets are
     *     busy ({@link Simulation#useAppender}); same results either way
     */
    public record Options(int nodes, int c, int broadcasts, long seed, NodeRepresentation representation,
            int warmupNodes, boolean appender) {
        /** Options with the nodes in the arena and no warm-up. */
        public Options(int nodes, int c, int broadcasts, long seed) {
            this(nodes, c, broadcasts, seed, NodeRepresentation.ARENA);
        }

        /** Options without a warm-up. */
        public Options(int nodes, int c, int broadcasts, long seed, NodeRepresentation representation) {
            this(nodes, c, broadcasts, seed, representation, 0);
        }

        /** Options with the appender where it helps on this machine ({@link Simulation#appenderHelps}, one run). */
        public Options(int nodes, int c, int broadcasts, long seed, NodeRepresentation representation,
                int warmupNodes) {
            this(nodes, c, broadcasts, seed, representation, warmupNodes, Simulation.appenderHelps(nodes, 1));
        }

        public Options {
            java.util.Objects.requireNonNull(representation, "representation");
            if (nodes < 2) {
                throw new IllegalArgumentException("--nodes must be >= 2, got " + nodes);
            }
            if (c < 0) {
                throw new IllegalArgumentException("--c must be >= 0, got " + c);
            }
            if (broadcasts < 1) {
                throw new IllegalArgumentException("--broadcasts must be >= 1, got " + broadcasts);
            }
            if (warmupNodes != 0 && warmupNodes < 2) {
                throw new IllegalArgumentException("--warmup-nodes must be 0 (none) or >= 2, got " + warmupNodes);
            }
        }
    }

    /**
     * What one benchmark run measured.
     *
     * @param events messages delivered to nodes, join phase included (wakeups excluded)
     * @param wakeups timer wakeups handled ({@code onTimeout} calls), not counted as events
     * @param simCpuSeconds CPU time of the simulating thread during {@code simSeconds} (GC threads
     *     excluded): steadier than wall time on a shared machine
     * @param heapBytesPerNode heap in use after a full collection at the end, divided by N
     * @param heapBaselineBytes heap in use after a full collection before the engine was built (the
     *     JVM's and the benchmark's own objects), included in {@code heapBytesPerNode}
     * @param coverage mean over broadcasts of the fraction of live nodes reached
     * @param partialViewMean mean PartialView size of the live nodes at the end
     * @param representation how the run held its nodes ({@code ScampArena} or {@code ScampNode} objects)
     * @param broadcastPhaseEvents the part of {@code events} from the first broadcast on: the gossip
     *     of the B broadcasts (and the last few joins' retransmissions, if any still run)
     * @param broadcastPhaseSeconds the part of {@code simSeconds} from the first broadcast on
     * @param warmupSeconds wall-clock time of the warm-up run (0 without one), in no other figure
     * @param coreRoundTripNanosBefore a cache line's round trip between two cores just before the
     *     run ({@link CoreRoundTrip}, in no other figure); NaN if not measured (one processor)
     * @param coreRoundTripNanosAfter the same just after the run
     */
    public record Result(Options options, NodeRepresentation representation, long events, long wakeups,
            long messagesSent, double virtualSeconds, double warmupSeconds, double setupSeconds, double simSeconds,
            double simCpuSeconds, long heapBytesPerNode, long heapBaselineBytes, double coverage, double coverageMin,
            double partialViewMean, long broadcastPhaseEvents, double broadcastPhaseSeconds,
            double coreRoundTripNanosBefore, double coreRoundTripNanosAfter) {

        /** {@code events / simSeconds}. */
        public double eventsPerSecond() {
            return rate(events, simSeconds);
        }

        /** Events before the first broadcast: the N joins. */
        public long joinPhaseEvents() {
            return events - broadcastPhaseEvents;
        }

        /** Wall-clock seconds of the loop before the first broadcast. */
        public double joinPhaseSeconds() {
            return simSeconds - broadcastPhaseSeconds;
        }

        /** {@code joinPhaseEvents / joinPhaseSeconds}. */
        public double joinPhaseEventsPerSecond() {
            return rate(joinPhaseEvents(), joinPhaseSeconds());
        }

        /**
         * {@code broadcastPhaseEvents / broadcastPhaseSeconds}: the rate on the part of the workload
         * that is dissemination only, like PeerSim's flooding workload.
         */
        public double broadcastPhaseEventsPerSecond() {
            return rate(broadcastPhaseEvents, broadcastPhaseSeconds);
        }

        private static double rate(long events, double seconds) {
            return seconds <= 0 ? 0 : events / seconds;
        }
    }

    /** Virtual time after the last broadcast, for its copies to arrive. */
    private static final double DRAIN_MILLIS = 20_000;

    /** How long a run of {@code nodes} joins and {@code broadcasts} broadcasts lasts, in virtual ms. */
    static double durationMillis(long nodes, long broadcasts) {
        return firstBroadcastMillis(nodes) + broadcasts * 1_000.0 + DRAIN_MILLIS;
    }

    /**
     * Refuses, naming {@code what}, a run of {@code nodes} joins (one a second) and {@code broadcasts}
     * broadcasts (one a second) longer than a scenario may last ({@link Scenario#MAX_DURATION_MILLIS}).
     */
    static void requireFits(String what, long nodes, long broadcasts) {
        double millis = durationMillis(nodes, broadcasts);
        if (millis > Scenario.MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the run would last %,.0f ms of "
                    + "virtual time (a join a second, then a broadcast a second), beyond the %,.0f ms a run may "
                    + "last; nodes and broadcasts together must stay under %,d", what, millis,
                    Scenario.MAX_DURATION_MILLIS, (long) ((Scenario.MAX_DURATION_MILLIS - 30_000) / 1_000)));
        }
    }

    /**
     * Refuses more {@code --broadcasts} than a scenario may send in a run
     * ({@link Scenario#MAX_BROADCASTS_PER_RUN}), saying why in this command ({@code cost}): a run
     * asking for more used to fill the heap and end with advice to run fewer nodes.
     */
    public static void requireBroadcasts(int broadcasts, String cost) {
        if (broadcasts > Scenario.MAX_BROADCASTS_PER_RUN) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--broadcasts must be at most %,d, as in a"
                    + " scenario (%s), got %,d", Scenario.MAX_BROADCASTS_PER_RUN, cost, broadcasts));
        }
    }

    /**
     * The largest c the benchmark takes for a run of {@code nodes} nodes: {@link #largestC(int, int)}
     * with views that can hold the {@code nodes - 1} other nodes.
     */
    public static int largestC(int nodes) {
        return largestC(nodes, nodes - 1);
    }

    /**
     * The largest c whose mean PartialView, about (c+1)·ln n ids, fits the {@code viewCapacity} ids a
     * node can hold (at most the n - 1 other nodes), and at least 1, the default (with 2 or 3 nodes
     * c = 1 already asks for full views, at no cost). Past it every view is full: each join's c
     * extra copies go from node to node, each holding the subscriber already, until the forward limit
     * drops them, and the run crawls or fills the heap with copies in flight (at 1,000 nodes the
     * largest, 143, ran at 0.3 M events/s, c = 999 at 0.04 M/s and slowing, and c = 2,000,000,000
     * ran out of a 1 GB heap, with the advice to run fewer nodes).
     */
    public static int largestC(int nodes, int viewCapacity) {
        return Math.max(1, (int) Math.floor(viewCapacity / Math.log(nodes)) - 1);
    }

    /**
     * Refuses a c above {@link #largestC(int)} for a run of {@code nodes} nodes, as {@code --c must be
     * <= L RUN, got C (...)}, {@code run} naming the run ({@code "with 1000 nodes"}).
     */
    static void requireC(int c, int nodes, String run) {
        requireC(c, largestC(nodes), run, "the " + (nodes - 1) + " others");
    }

    /**
     * Refuses a c above {@code largest}, as {@code --c must be <= L RUN, got C (... a node holds at
     * most HOLDS)}; also for the bare loop, whose bound is its slot's size ({@code holds}).
     */
    public static void requireC(int c, int largest, String run, String holds) {
        if (c > largest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--c must be <= %d %s, got %d"
                    + " (PartialViews average about (c+1)·ln N ids; a node holds at most %s)", largest, run, c,
                    holds));
        }
    }

    /** The benchmark's scenario for the given options. */
    public static Scenario scenario(Options o) {
        double joinMillis = o.nodes() * 1_000.0;
        double firstBroadcastMillis = firstBroadcastMillis(o);
        ProtocolConfig protocol = ProtocolConfig.builder().c(o.c()).noHeartbeats().indirection(false).build();
        return new Scenario("scale-" + o.nodes(), o.seed(), 1, o.nodes(), protocol, MembershipSpec.scamp(), null,
                new NetworkSpec(new LatencySpec.Uniform(10, 100), null, new LossSpec.Independent(0.1)),
                List.of(new TimelineAction.Join(0, -1, joinMillis, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Broadcast(firstBroadcastMillis, o.broadcasts(), 1_000, -1, 64)),
                durationMillis(o.nodes(), o.broadcasts()), new OutputSpec(0, 10));
    }

    /** When the first broadcast goes out: ten seconds after the last join. */
    static double firstBroadcastMillis(Options o) {
        return firstBroadcastMillis(o.nodes());
    }

    private static double firstBroadcastMillis(long nodes) {
        return nodes * 1_000.0 + 10_000;
    }

    /**
     * The smallest and largest warm-up the command line gets when it does not give one
     * ({@link #defaultWarmupNodes}).
     */
    static final int MIN_DEFAULT_WARMUP_NODES = 20_000;
    static final int MAX_DEFAULT_WARMUP_NODES = 50_000;

    /**
     * The warm-up's size when the command line does not give one (see {@link #run}): half the measured
     * run's nodes, at least {@value #MIN_DEFAULT_WARMUP_NODES} and at most
     * {@value #MAX_DEFAULT_WARMUP_NODES}.
     */
    public static int defaultWarmupNodes(int nodes) {
        return Math.max(MIN_DEFAULT_WARMUP_NODES, Math.min(MAX_DEFAULT_WARMUP_NODES, nodes / 2));
    }

    /** Broadcasts of the warm-up run (see {@link #run}). */
    static final int WARMUP_BROADCASTS = 10;
    /** The appender's thresholds in the warm-up (see {@link #measure}). */
    private static final int WARMUP_APPEND_ABOVE = 16;
    private static final int WARMUP_APPEND_BELOW = 4;

    /**
     * Runs the benchmark once: the warm-up, if asked for, then the measured run.
     *
     * <p>The warm-up is the same workload on {@code warmupNodes} nodes, run and discarded first, so
     * that the JIT compiles the event loop with both phases in its profile. Without it, the loop is
     * compiled during the join phase for membership messages only; the first gossip meets code that
     * assumed none would come, the JVM falls back to slower code and compiles again, and the first
     * broadcasts pay for it. A small warm-up is not enough: on 2,000 nodes (the default until round
     * 9) the buckets of its broadcasts never outgrow one chunk and its gossip lasts a few
     * milliseconds, less than compiling takes, and it does not read ahead (only runs from
     * {@link Simulation#readsAheadAt 50,000 nodes} do); so the measured run's first gossip still hit
     * code compiled without it (JIT log: branches compiled as never taken in
     * {@code Arrivals.arrivePacked}, {@code WheelBuckets.append} and {@code drain}, and in the
     * reading ahead), and at 100,000 nodes, c = 0, its first two broadcasts took 0.14-0.17 s against
     * 0.09-0.10 s for the next ones. So the warm-up has ten broadcasts and reads ahead when the
     * measured run will (docs/simulator-engine.md, round 9). Its size is the command line's, or half
     * the measured run's between 20,000 and 50,000 nodes ({@link #defaultWarmupNodes}): after 20,000
     * nodes the first run of 100,000 still ran its broadcasts 10-20 % slower than the next run in the
     * same JVM, after 50,000 as fast (round 18). It changes no result: it is another
     * {@code Simulation}, sharing nothing with the measured one but the compiled code.
     *
     * @param log where progress lines go (every ~10 s of wall time), or null for none
     */
    public static Result run(Options o, PrintStream log) {
        return run(o, log, PhaseWatcher.NONE);
    }

    /**
     * {@link #run(Options, PrintStream)}, telling {@code watcher} where the measured run's phases
     * begin and end (not the warm-up's).
     */
    public static Result run(Options o, PrintStream log, PhaseWatcher watcher) {
        boolean readAhead = Simulation.readsAheadAt(o.nodes());
        double warmupSeconds = 0;
        if (o.warmupNodes() > 0) {
            long w0 = System.nanoTime();
            measure(new Options(o.warmupNodes(), o.c(), WARMUP_BROADCASTS, o.seed(), o.representation(), 0,
                    o.appender()), null, readAhead, true, 0, PhaseWatcher.NONE);
            warmupSeconds = (System.nanoTime() - w0) / 1e9;
        }
        return measure(o, log, readAhead, false, warmupSeconds, watcher);
    }

    /** One run of the workload, reading ahead as told, measured; {@code warmup}: it is the warm-up. */
    private static Result measure(Options o, PrintStream log, boolean readAhead, boolean warmup,
            double warmupSeconds, PhaseWatcher watcher) {
        Scenario scenario = scenario(o);
        RunKey key = new RunKey(0, MembershipSpec.Type.SCAMP, 0);
        RunSetup setup = new RunSetup(key, scenario, 0,
                RunSeeds.runSeed(o.seed(), 0, 0, MembershipSpec.Type.SCAMP), RunSeeds.timelineSeed(o.seed(), 0, 0));
        long baseline = heapUsedAfterFullGc();
        // Not for the warm-up, which reports no figures; before the engine (and its appender) exists.
        double roundTripBefore = warmup ? Double.NaN : CoreRoundTrip.measureNanos();
        long t0 = System.nanoTime();
        Simulation sim = new Simulation(setup, o.representation());
        sim.readAhead(readAhead);
        if (o.appender() && warmup) {
            // The warm-up's buckets are too small for the appender's threshold: a low one has it
            // store there too, so that its code is compiled before the measured run.
            sim.useAppender(WARMUP_APPEND_ABOVE, WARMUP_APPEND_BELOW);
        } else {
            sim.useAppender(o.appender());
        }
        // Where the join phase ends: the wall clock and the deliveries when the first broadcast is due.
        long[] broadcastPhaseStart = new long[2];
        sim.observeAt(Math.round(firstBroadcastMillis(o) * 1000), t -> {
            watcher.broadcastPhaseStarts(); // first, so that the phase's clock does not count it
            broadcastPhaseStart[0] = System.nanoTime();
            broadcastPhaseStart[1] = sim.deliveries();
        });
        watcher.joinPhaseStarts();
        long t1 = System.nanoTime();
        long cpu1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        RunResult result = sim.run(progress(log, scenario.durationMillis() * 1000, t1));
        long cpu2 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        watcher.runEnds();
        double roundTripAfter = warmup ? Double.NaN : CoreRoundTrip.measureNanos();
        long heap = heapUsedAfterFullGc();
        if (Boolean.getBoolean("scale.histogram") && log != null) {
            log.println(classHistogram(30));
        }
        long deliveries = sim.deliveries();
        Reference.reachabilityFence(sim);
        return new Result(o, sim.representation(), deliveries, result.events() - deliveries, result.totalSent(),
                result.endMicros() / 1e6, warmupSeconds, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (cpu2 - cpu1) / 1e9,
                heap / o.nodes(), baseline,
                meanCoverage(result.broadcasts()), minCoverage(result.broadcasts()),
                result.nodes().meanLivePartialView(), deliveries - broadcastPhaseStart[1],
                (t2 - broadcastPhaseStart[0]) / 1e9, roundTripBefore, roundTripAfter);
    }

    private static ProgressSink progress(PrintStream log, double durationMicros, long startNanos) {
        if (log == null) {
            return ProgressSink.NONE;
        }
        long[] state = {startNanos, 0};
        return (virtualMicros, newEvents) -> {
            state[1] += newEvents;
            long now = System.nanoTime();
            if (now - state[0] >= 10_000_000_000L) {
                state[0] = now;
                double wall = (now - startNanos) / 1e9;
                log.printf(Locale.ROOT, "  %.0f s: virtual %.1f%%, %,d events+wakeups, %.2f M/s, heap used %,d MB%n",
                        wall, 100 * virtualMicros / durationMicros, state[1], state[1] / wall / 1e6,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            }
        };
    }

    /**
     * The heap pools' usage right after a full collection ({@code getCollectionUsage}), so that
     * whatever is allocated after the collection (by the management beans themselves, for one)
     * does not count. Reading {@code getHeapMemoryUsage()} instead counted several MB of young
     * objects allocated after the collection.
     */
    static long heapUsedAfterFullGc() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        System.gc();
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }

    /**
     * The heap's largest classes, live objects only (a diagnostic, with {@code -Dscale.histogram=true}):
     * where the per-node bytes go.
     */
    private static String classHistogram(int lines) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return String.join("\n", List.of(text.toString().split("\n")).subList(0, lines));
        } catch (javax.management.JMException e) {
            return "class histogram unavailable: " + e;
        }
    }

    /**
     * Over the measured broadcasts: an unmeasured one's coverage is NaN, which would make the JSON
     * line invalid and fail {@link ScaleRepetitions}' comparison. None is unmeasured here (nothing
     * crashes or leaves in the benchmark); 0 without a measured one, as without broadcasts.
     */
    private static double meanCoverage(List<BroadcastResult> broadcasts) {
        return broadcasts.stream().filter(BroadcastResult::measured).mapToDouble(BroadcastResult::coverage)
                .average().orElse(0);
    }

    private static double minCoverage(List<BroadcastResult> broadcasts) {
        return broadcasts.stream().filter(BroadcastResult::measured).mapToDouble(BroadcastResult::coverage)
                .min().orElse(0);
    }
}
