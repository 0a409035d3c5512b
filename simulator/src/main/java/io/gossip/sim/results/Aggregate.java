package io.gossip.sim.results;

import io.gossip.protocol.DropReason;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.network.NetworkDropReason;
import java.util.List;

/**
 * Statistics over a set of runs (one point × membership, or the whole plan): broadcast coverage
 * and delays, view sizes of the nodes live at the end, message counts and drops. Runs are added
 * one by one in plan order and their bulky arrays are not kept.
 *
 * <p>The delays are means over the broadcasts that reached the level they measure: t50 and t99 over
 * those that reached 99 % of their reference set, t100 over those that reached all of it (the
 * complete ones). Taking t99 over the complete broadcasts only, as before, left it undefined at a
 * point where every broadcast reached 99 % but none reached everyone (at scale, under loss), and
 * elsewhere averaged it over the lucky broadcasts only. t50 shares t99's broadcasts, so the order
 * t50 ≤ t99 of every broadcast carries over to the means; t100's set is smaller, and its mean can
 * come out below t99's when the broadcasts that missed a few nodes were also the slow ones. A
 * delay that no broadcast reached is undefined (NaN, written as null).
 *
 * <p>Coverage, reliability and the delays are over the measured broadcasts only: an unmeasured one
 * ({@link BroadcastResult#measured}, its reference set empty) has none to give, and counting it
 * complete or at coverage 0 would make a figure up. Where no broadcast is measured, those figures are
 * undefined as without broadcasts. {@code broadcasts} and the message counts include it: it was sent.
 */
public final class Aggregate {
    final Stats coverage = new Stats();
    final Stats t50 = new Stats();
    final Stats t99 = new Stats();
    final Stats t100 = new Stats();
    final Stats reliabilityPerRun = new Stats();
    final Stats partialView = new Stats();
    /** Each run's mean PartialView over its nodes live at the end; runs without a live node add nothing. */
    final Stats partialViewMeanPerRun = new Stats();
    final Stats inView = new Stats();
    final Stats expected = new Stats();
    final long[] sentByType = new long[MessageType.count()];
    final long[] networkDrops = new long[NetworkDropReason.count()];
    final long[] nodeDrops = new long[DropReason.count()];
    long broadcasts;
    /** Broadcasts whose reference set was empty, in {@code broadcasts} but in no figure over broadcasts. */
    long unmeasuredBroadcasts;
    long completeBroadcasts;
    long gossipMessages;
    long duplicates;
    long redelivered;
    long lateMembershipCopies;
    /** Whether a run could not count its late membership copies ({@link RunResult#NOT_MEASURED}). */
    boolean lateMembershipCopiesUnknown;
    /** Datagrams the kernel dropped at live runs' sockets, summed over the runs that could read it. */
    long kernelReceiveDrops;
    /** Whether any run had sockets (a live run), so that the kernel's drops are a figure of the plan. */
    boolean kernelReceiveDropsApply;
    /** Whether a live run could not read the kernel's drops ({@link RunResult#NOT_MEASURED}). */
    boolean kernelReceiveDropsUnknown;
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
        if (run.kernelReceiveDrops() == RunResult.NOT_MEASURED) {
            kernelReceiveDropsApply = true;
            kernelReceiveDropsUnknown = true;
        } else if (run.kernelReceiveDrops() != RunResult.NO_SOCKETS) {
            kernelReceiveDropsApply = true;
            kernelReceiveDrops += run.kernelReceiveDrops();
        }
        addBroadcasts(run.broadcasts());
        addNodes(run.nodes(), c);
        add(sentByType, run.sentByType());
        add(networkDrops, run.networkDrops());
        add(nodeDrops, run.nodeDrops());
    }

    /** One run's broadcasts: their figures, over the measured ones, and their messages, over all. */
    private void addBroadcasts(List<BroadcastResult> sent) {
        long measured = 0;
        long complete = 0;
        for (BroadcastResult b : sent) {
            broadcasts++;
            gossipMessages += b.messages();
            duplicates += b.duplicates();
            redelivered += b.redelivered();
            if (!b.measured()) {
                unmeasuredBroadcasts++;
                continue;
            }
            measured++;
            coverage.add(b.coverage());
            if (b.t99Micros() >= 0) {
                // t50 over t99's broadcasts, so that t50 <= t99 holds for the means (class comment).
                addDelay(t50, b.t50Micros());
                addDelay(t99, b.t99Micros());
            }
            if (b.complete()) {
                complete++;
                addDelay(t100, b.t100Micros());
            }
        }
        completeBroadcasts += complete;
        // A run without a measured broadcast has no reliability, as one without broadcasts.
        if (measured > 0) {
            reliabilityPerRun.add((double) complete / measured);
        }
    }

    /** The views of the nodes live at the end of one run. */
    private void addNodes(NodeTableSnapshot nodes, int c) {
        int live = 0;
        long partialViewSum = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.alive(i)) {
                live++;
                partialViewSum += nodes.partialView(i);
                partialView.add(nodes.partialView(i));
                inView.add(nodes.inView(i));
            }
        }
        if (live > 0) {
            partialViewMeanPerRun.add((double) partialViewSum / live);
        }
        expected.add(live < 2 ? 0 : (c + 1) * Math.log(live));
        joinedNodes += nodes.joinedCount();
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

    /**
     * Fraction of the measured broadcasts that reached their whole reference set, NaN without a
     * measured broadcast.
     */
    public double reliability() {
        long measured = broadcasts - unmeasuredBroadcasts;
        return measured == 0 ? Double.NaN : (double) completeBroadcasts / measured;
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
     * The population standard deviation of the runs' reliabilities; NaN (no spread, no error bar)
     * if a run had no measured broadcast and so no reliability, while others had: readers divide by
     * the repetitions to get a standard error, and would count that run too. NaN without any.
     */
    public double reliabilitySpread() {
        return reliabilityPerRun.count() == runs ? reliabilityPerRun.stddev() : Double.NaN;
    }

    /**
     * The population standard deviation of the runs' mean PartialViews; NaN (no spread, no error
     * bar) if a run ended with no live node and so has no mean: readers divide by the repetitions
     * to get a standard error, and would count that run too.
     */
    public double partialViewMeanSpread() {
        return partialViewMeanPerRun.count() == runs ? partialViewMeanPerRun.stddev() : Double.NaN;
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

    /** Mean coverage over the measured broadcasts (NaN without any). */
    public double coverageMean() {
        return coverage.mean();
    }

    /** Smallest coverage of any measured broadcast (NaN without any). */
    public double coverageMin() {
        return coverage.min();
    }

    /** Mean PartialView size over the nodes live at the end of each run. */
    public double partialViewMean() {
        return partialView.mean();
    }
}
