package io.gossip.sim.results;

import io.gossip.protocol.DropReason;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.network.NetworkDropReason;

/**
 * Statistics over a set of runs (one point × membership, or the whole plan): broadcast coverage
 * and delays, view sizes of the nodes live at the end, message counts and drops. Runs are added
 * one by one in plan order and their bulky arrays are not kept.
 *
 * <p>The delays (t50, t99, t100) are means over the broadcasts that reached every node of their
 * reference set, the same broadcasts for all three. Averaging each delay over the broadcasts that
 * reached its own level would mix sets: a broadcast that reached 99% slowly but never 100% counts
 * in t99 and not in t100, and the mean t100 could come out below the mean t99. Over one set, the
 * order t50 ≤ t99 ≤ t100 of every broadcast carries over to the means. Without any complete
 * broadcast the delays are undefined (NaN, written as null).
 */
public final class Aggregate {
    final Stats coverage = new Stats();
    final Stats t50 = new Stats();
    final Stats t99 = new Stats();
    final Stats t100 = new Stats();
    final Stats reliabilityPerRun = new Stats();
    final Stats partialView = new Stats();
    final Stats inView = new Stats();
    final Stats expected = new Stats();
    final long[] sentByType = new long[MessageType.count()];
    final long[] networkDrops = new long[NetworkDropReason.count()];
    final long[] nodeDrops = new long[DropReason.count()];
    long broadcasts;
    long completeBroadcasts;
    long gossipMessages;
    long duplicates;
    long redelivered;
    long lateMembershipCopies;
    /** Whether a run could not count its late membership copies ({@link RunResult#NOT_MEASURED}). */
    boolean lateMembershipCopiesUnknown;
    /** Nodes that joined, summed over the runs: slots that never held a node are not counted. */
    long joinedNodes;
    long events;
    long runs;
    double wallSeconds;

    /**
     * Adds one run.
     *
     * @param run its results
     * @param c the nodes' {@code c}, for the expected view size
     * @param wallSeconds wall-clock time the run took
     */
    public void add(RunResult run, int c, double wallSeconds) {
        runs++;
        this.wallSeconds += wallSeconds;
        events += run.events();
        if (run.lateMembershipCopies() == RunResult.NOT_MEASURED) {
            lateMembershipCopiesUnknown = true;
        } else {
            lateMembershipCopies += run.lateMembershipCopies();
        }
        long complete = 0;
        for (BroadcastResult b : run.broadcasts()) {
            broadcasts++;
            coverage.add(b.coverage());
            if (b.complete()) {
                complete++;
            }
            if (b.complete()) {
                // One set of broadcasts for all three delays, so that t50 <= t99 <= t100 holds for
                // the means as it does for each broadcast (see the class comment).
                addDelay(t50, b.t50Micros());
                addDelay(t99, b.t99Micros());
                addDelay(t100, b.t100Micros());
            }
            gossipMessages += b.messages();
            duplicates += b.duplicates();
            redelivered += b.redelivered();
        }
        completeBroadcasts += complete;
        if (!run.broadcasts().isEmpty()) {
            reliabilityPerRun.add((double) complete / run.broadcasts().size());
        }
        NodeTableSnapshot nodes = run.nodes();
        int live = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.alive(i)) {
                live++;
                partialView.add(nodes.partialView(i));
                inView.add(nodes.inView(i));
            }
        }
        expected.add(live < 2 ? 0 : (c + 1) * Math.log(live));
        joinedNodes += nodes.joinedCount();
        add(sentByType, run.sentByType());
        add(networkDrops, run.networkDrops());
        add(nodeDrops, run.nodeDrops());
    }

    private static void addDelay(Stats stats, long micros) {
        if (micros >= 0) {
            stats.add(micros / 1000.0);
        }
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Fraction of broadcasts that reached their whole reference set, NaN without broadcasts. */
    public double reliability() {
        return broadcasts == 0 ? Double.NaN : (double) completeBroadcasts / broadcasts;
    }

    /** Share of gossip transmissions that reached a node that already had the message. */
    public double duplicateRatio() {
        return gossipMessages == 0 ? 0 : (double) duplicates / gossipMessages;
    }

    /** Total messages sent. */
    public long totalMessages() {
        long total = 0;
        for (long n : sentByType) {
            total += n;
        }
        return total;
    }

    /**
     * Messages sent per node and run, over the nodes that joined (crashed and departed ones
     * included): a slot in which no node ever joined sent nothing and is no node.
     */
    public double messagesPerNode() {
        return joinedNodes == 0 ? Double.NaN : (double) totalMessages() / joinedNodes;
    }

    /** Events over every run added. */
    public long events() {
        return events;
    }

    /** Mean coverage over broadcasts (NaN without any). */
    public double coverageMean() {
        return coverage.mean();
    }

    /** Smallest coverage of any broadcast. */
    public double coverageMin() {
        return coverage.min();
    }

    /** Mean PartialView size over the nodes live at the end of each run. */
    public double partialViewMean() {
        return partialView.mean();
    }
}
