package io.gossip.sim.live;

import io.gossip.protocol.DropReason;
import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.results.EventRow;
import io.gossip.sim.results.NodeTableSnapshot;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.results.TimelineSample;
import io.gossip.sim.scenario.Scenario;
import io.gossip.udp.GossipNode;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.LoopbackCluster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a scenario with real UDP nodes on loopback, in real (scaled) time: a
 * {@link LoopbackCluster} with one node per slot, and the scenario's timeline executed on the
 * calling thread, each step when its scaled time comes. The result is a {@link RunResult}, the
 * same record the simulator produces, so the same writers make the same files.
 *
 * <p>The timeline's random choices (contacts, origins, which nodes fail) come from the run's
 * timeline seed, and every node's from the run seed, but a live run is not reproducible byte for
 * byte: datagram arrival order follows the operating system's scheduling.
 */
public final class LiveRun {
    /**
     * A finished live run.
     *
     * @param result what it measured, in scenario time
     * @param wallSeconds wall-clock duration, cluster start to close
     * @param maxLagMillis the latest a timeline step ran after its scheduled wall-clock time
     * @param transportDrops datagrams the transport dropped other than by impairment (outbound
     *     queue full, send failures): non-zero means the machine could not keep up
     * @param receiveBufferBytes the receive buffer the kernel granted each node's socket (as
     *     {@code GossipNode.receiveBufferBytes()} reads it)
     * @param loopErrors what the cluster's event loops caught and survived
     *     ({@code LoopbackCluster.loopErrors()}): non-zero means a bug, and figures that may be wrong
     */
    public record Outcome(RunResult result, double wallSeconds, double maxLagMillis, long transportDrops,
            int receiveBufferBytes, long loopErrors) {
    }

    private record Step(long atMicros, long order, Action action) {
    }

    @FunctionalInterface
    interface Action {
        void run(long nowMicros);
    }

    private final RunKey key;
    private final Scenario scenario;
    private final long runSeed;
    private final LiveTiming timing;
    private final SlotTable slots;
    private final NodeCounters counters;
    private final LiveBroadcasts broadcasts = new LiveBroadcasts();
    private final SplittableRandom random;
    private final List<EventRow> rows = new ArrayList<>();
    /** Timeline samples in order, each made when the loops answer (read once the run is over). */
    private final List<CompletableFuture<TimelineSample>> samples = new ArrayList<>();
    private final PriorityQueue<Step> queue = new PriorityQueue<>((a, b) -> a.atMicros != b.atMicros
            ? Long.compare(a.atMicros, b.atMicros) : Long.compare(a.order, b.order));
    private long order;
    private LoopbackCluster cluster;
    private long startNanos;
    private long maxLagNanos;

    private LiveRun(RunKey key, Scenario scenario, long runSeed, long timelineSeed) {
        this.key = key;
        this.scenario = scenario;
        this.runSeed = runSeed;
        this.timing = new LiveTiming(scenario.live().timeScale());
        this.slots = new SlotTable(scenario.nodes());
        this.counters = new NodeCounters(scenario.nodes());
        this.random = new SplittableRandom(timelineSeed);
    }

    /**
     * Runs {@code scenario} live.
     *
     * @throws IllegalArgumentException if the scenario cannot run live ({@link LiveCompatibility})
     * @throws IOException if the sockets cannot be opened
     */
    public static Outcome execute(RunKey key, Scenario scenario, long runSeed, long timelineSeed) throws IOException {
        List<String> problems = LiveCompatibility.problems(scenario);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot run live: " + String.join("; ", problems));
        }
        return new LiveRun(key, scenario, runSeed, timelineSeed).run();
    }

    private Outcome run() throws IOException {
        long wallStart = System.nanoTime();
        RunResult result;
        long transportDrops;
        int receiveBuffer;
        long loopErrors;
        LoopbackCluster.Options options = new LoopbackCluster.Options(scenario.nodes(),
                timing.protocol(scenario.protocol()), scenario.live().loopThreads(), runSeed,
                timing.impairment(scenario.network()), scenario.live().receiveBufferBytes());
        try (LoopbackCluster c = LoopbackCluster.start(options)) {
            cluster = c;
            receiveBuffer = c.node(0).receiveBufferBytes();
            LiveTimeline actions = new LiveTimeline(this, random);
            actions.scheduleAll(scenario.timeline(), scenario.protocol().maxPayloadBytes());
            long sampleMicros = Math.round(scenario.output().timelineSampleMillis() * 1000);
            if (sampleMicros > 0) {
                scheduleSampling(0, sampleMicros);
            }
            long endMicros = Math.round(scenario.durationMillis() * 1000);
            startNanos = cluster.elapsedNanos();
            while (!queue.isEmpty() && queue.peek().atMicros() <= endMicros) {
                Step step = queue.poll();
                waitUntil(step.atMicros());
                step.action().run(step.atMicros());
            }
            waitUntil(endMicros);
            result = collect(endMicros);
            transportDrops = counters.transportDropped(TransportDropReason.OUTBOUND_QUEUE_FULL)
                    + counters.transportDropped(TransportDropReason.SEND_FAILED);
            loopErrors = c.loopErrors();
        } finally {
            cluster = null;
        }
        return new Outcome(result, (System.nanoTime() - wallStart) / 1e9, maxLagNanos / 1e6, transportDrops,
                receiveBuffer, loopErrors);
    }

    /** Sleeps until the scaled wall-clock time of {@code scenarioMicros}; records how late it is. */
    private void waitUntil(long scenarioMicros) {
        long target = timing.wallNanos(scenarioMicros);
        long wait;
        while ((wait = target - elapsedSinceStart()) > 0) {
            LockSupport.parkNanos(wait); // pacing to the scaled clock, not waiting for a condition
        }
        maxLagNanos = Math.max(maxLagNanos, -wait);
    }

    private long elapsedSinceStart() {
        return cluster.elapsedNanos() - startNanos;
    }

    /** The scenario time now, from the wall clock. */
    long nowMicros() {
        return timing.scenarioMicros(elapsedSinceStart());
    }

    /** Schedules a timeline step at scenario time {@code atMicros}. */
    void schedule(long atMicros, Action action) {
        queue.add(new Step(atMicros, order++, action));
    }

    /** Records an executed action for {@code events.csv}, at the scenario time it started. */
    void record(long startedMicros, String action, String detail) {
        rows.add(new EventRow(startedMicros, action, detail));
    }

    LoopbackCluster cluster() {
        return cluster;
    }

    SlotTable slots() {
        return slots;
    }

    NodeCounters counters() {
        return counters;
    }

    LiveBroadcasts broadcasts() {
        return broadcasts;
    }

    /** Cluster-clock nanoseconds when the timeline started. */
    long startNanos() {
        return startNanos;
    }

    /** Slots whose node is still open: live members and nodes that left (they answer late senders). */
    List<Integer> openSlots() {
        List<Integer> open = new ArrayList<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            byte state = slots.state(slot);
            if (state == SlotTable.MEMBER || state == SlotTable.LEFT) {
                open.add(slot);
            }
        }
        return open;
    }

    private void scheduleSampling(long atMicros, long everyMicros) {
        schedule(atMicros, t -> {
            sample();
            scheduleSampling(t + everyMicros, everyMicros);
        });
    }

    /**
     * Asks the live members' loops for their views and goes on; the sample, at the scenario time
     * of the asking, is made when they answer. Waiting here, a sample held up every step behind it.
     */
    private void sample() {
        List<GossipNode> live = new ArrayList<>(slots.liveCount());
        for (int i = 0; i < slots.liveCount(); i++) {
            live.add(cluster.node(slots.liveAt(i)));
        }
        long at = nowMicros();
        samples.add(GossipNode.metricsOf(live).thenApply(metrics -> sampleOf(at, metrics)));
    }

    private TimelineSample sampleOf(long atMicros, List<NodeMetrics> live) {
        long pvSum = 0;
        long ivSum = 0;
        int pvMin = live.isEmpty() ? 0 : Integer.MAX_VALUE;
        int pvMax = 0;
        for (NodeMetrics m : live) {
            pvSum += m.partialViewSize();
            ivSum += m.inViewSize();
            pvMin = Math.min(pvMin, m.partialViewSize());
            pvMax = Math.max(pvMax, m.partialViewSize());
        }
        int n = live.size();
        return new TimelineSample(atMicros, n, n == 0 ? 0 : (double) pvSum / n, pvMin, pvMax,
                n == 0 ? 0 : (double) ivSum / n, expected(n));
    }

    private double expected(int live) {
        return live < 2 ? 0 : (scenario.protocol().c() + 1) * Math.log(live);
    }

    private RunResult collect(long endMicros) {
        List<Integer> open = openSlots();
        counters.refresh(cluster, open);
        counters.refreshKernelDrops(cluster, open);
        int n = slots.size();
        NodeTableSnapshot.Builder nodes = new NodeTableSnapshot.Builder(n);
        for (int slot = 0; slot < n; slot++) {
            NodeMetrics m = counters.get(slot);
            long received = 0;
            if (m != null) {
                for (long r : m.core().receivedByType()) {
                    received += r;
                }
            }
            nodes.set(slot, slots.isLive(slot), m == null ? 0 : m.partialViewSize(), m == null ? 0 : m.inViewSize(),
                    m == null ? 0 : m.core().totalSent(), received);
        }
        long stepMicros = Math.max(1, Math.round(scenario.output().coverageStepMillis() * 1000));
        long[] networkDrops = new long[NetworkDropReason.count()];
        networkDrops[NetworkDropReason.LOSS.ordinal()] = counters.transportDropped(TransportDropReason.IMPAIRMENT_LOSS);
        List<TimelineSample> sampled = new ArrayList<>(samples.size());
        for (CompletableFuture<TimelineSample> sample : samples) {
            sampled.add(sample.join());
        }
        return new RunResult(key, 0,
                broadcasts.results(cluster, slots, timing, startNanos, stepMicros, counters.totals()),
                nodes.build(), sampled, rows, counters.sentByType(),
                networkDrops, counters.droppedByReason(DropReason.count()), RunResult.NOT_MEASURED,
                counters.kernelReceiveDrops(), counters.datagramsReceived(), endMicros);
    }
}
