package io.gossip.sim.ceiling;

import io.gossip.sim.run.PhaseWatcher;
import java.util.SplittableRandom;

/**
 * One run of the scale benchmark's workload in the ceiling loop: node i joins at second i through a
 * uniformly random earlier node, ten seconds after the last join B broadcasts go out one second
 * apart from random nodes, and the run ends 20 s after the last one. Uniform 10–100 ms latency, 10 %
 * of every message lost. Timeline steps (joins, broadcasts) are not queue events: the loop runs a
 * step when no event comes before it.
 */
public final class CeilingRun {
    /**
     * What one run measured. The broadcast phase, as the scale benchmark splits its run, is the part
     * from the first broadcast on: the work PeerSim's flooding workload does, over the views the
     * joins built.
     */
    public record Result(int nodes, int c, int broadcasts, long seed, long events, long messagesSent, long timersFired,
            double simSeconds, long broadcastPhaseEvents, double broadcastPhaseSeconds, double coverage,
            double partialViewMean, int partialViewMax) {
        double eventsPerSecond() {
            return rate(events, simSeconds);
        }

        double joinPhaseEventsPerSecond() {
            return rate(events - broadcastPhaseEvents, simSeconds - broadcastPhaseSeconds);
        }

        double broadcastPhaseEventsPerSecond() {
            return rate(broadcastPhaseEvents, broadcastPhaseSeconds);
        }

        private static double rate(long events, double seconds) {
            return seconds <= 0 ? 0 : events / seconds;
        }
    }

    private final int n;
    private final int c;
    private final int broadcasts;
    private final long seed;
    private final LeanWheel wheel = new LeanWheel();
    private final LeanNodes nodes;
    private final SplittableRandom timeline;
    /** Per broadcast, one bit per node: whether it has the message. */
    private final long[][] has;
    private long events;
    /** Where the broadcast phase starts: the events and the wall clock as the first broadcast's step runs. */
    private long eventsBeforeBroadcasts;
    private long broadcastsStartedNanos;

    CeilingRun(int n, int c, int broadcasts, long seed) {
        if (n < 2 || n > LeanNodes.MAX_NODES || c < 0 || broadcasts < 1) {
            throw new IllegalArgumentException("need 2 <= n <= " + LeanNodes.MAX_NODES + ", c >= 0, broadcasts >= 1;"
                    + " got " + n + ", " + c + ", " + broadcasts);
        }
        this.n = n;
        this.c = c;
        this.broadcasts = broadcasts;
        this.seed = seed;
        this.nodes = new LeanNodes(n, c, seed, wheel);
        this.timeline = new SplittableRandom(seed);
        this.has = new long[broadcasts][(n + 63) / 64];
    }

    Result run() {
        return run(PhaseWatcher.NONE);
    }

    /** {@link #run()}, telling {@code watcher} where the phases begin and end. */
    Result run(PhaseWatcher watcher) {
        long firstBroadcast = (n - 1 + 10) * 1_000_000L;
        long end = firstBroadcast + (broadcasts + 20) * 1_000_000L;
        int steps = n - 1 + broadcasts; // joins of nodes 1..n-1, then the broadcasts
        int step = 0;
        watcher.joinPhaseStarts();
        long started = System.nanoTime();
        while (true) {
            long stepAt = step == steps ? Long.MAX_VALUE
                    : step < n - 1 ? (step + 1) * 1_000_000L : firstBroadcast + (step - (n - 1)) * 1_000_000L;
            boolean ready = wheel.fill(stepAt);
            if (step < steps && (!ready || wheel.headTime() >= stepAt)) {
                if (step == n - 1) {
                    watcher.broadcastPhaseStarts(); // first, so that the phase's clock does not count it
                    eventsBeforeBroadcasts = events;
                    broadcastsStartedNanos = System.nanoTime();
                }
                wheel.advanceTo(stepAt);
                runStep(stepAt, step++);
                continue;
            }
            if (!ready || wheel.headTime() > end) {
                break;
            }
            handleHead(wheel.headTime());
        }
        long ended = System.nanoTime();
        watcher.runEnds();
        return summary((ended - started) / 1e9, (ended - broadcastsStartedNanos) / 1e9);
    }

    private void runStep(long now, int step) {
        if (step < n - 1) {
            int node = step + 1;
            nodes.join(now, node, timeline.nextInt(node)); // every node below is a member
        } else {
            int b = step - (n - 1);
            int source = timeline.nextInt(n);
            has[b][source >>> 6] |= 1L << source;
            nodes.flood(now, source, b);
        }
    }

    private void handleHead(long now) {
        int type = wheel.headType();
        int from = wheel.headFrom();
        int to = wheel.headTo();
        int a = wheel.headA();
        int b = wheel.headB();
        int hops = wheel.headHops();
        wheel.removeHead();
        if (type == LeanNodes.TIMER) {
            nodes.onTimer(now, to, a);
            return;
        }
        if (nodes.lost()) {
            return;
        }
        events++;
        if (type == LeanNodes.GOSSIP) {
            long[] bits = has[a];
            if ((bits[to >>> 6] & (1L << to)) == 0) {
                bits[to >>> 6] |= 1L << to;
                nodes.flood(now, to, a);
            }
        } else {
            nodes.onMembership(now, to, from, type, a, b, hops);
        }
    }

    private Result summary(double simSeconds, double broadcastPhaseSeconds) {
        long reached = 0;
        for (long[] bits : has) {
            for (long word : bits) {
                reached += Long.bitCount(word);
            }
        }
        long views = 0;
        int max = 0;
        for (int v = 0; v < n; v++) {
            views += nodes.partialViewSize(v);
            max = Math.max(max, nodes.partialViewSize(v));
        }
        return new Result(n, c, broadcasts, seed, events, nodes.sent(),
                nodes.timersFired(), simSeconds, events - eventsBeforeBroadcasts, broadcastPhaseSeconds,
                reached / (double) n / broadcasts, views / (double) n, max);
    }
}
