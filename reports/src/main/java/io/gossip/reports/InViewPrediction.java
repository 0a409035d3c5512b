package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A prediction of SCAMP's reliability under message loss from its InView sizes, which the fanout
 * theory of {@link FanoutTheory} cannot give: with a share q of gossip copies failing, a node whose
 * InView holds i nodes misses a broadcast when the copies of all i are lost, with probability
 * q^i, and a node with an empty InView always misses it, since nobody gossips to it. SCAMP leaves
 * some nodes with InViews of 1 to 3, and for them q^i is far from small, so they, not the mean
 * fanout, limit reliability under loss.
 *
 * <p>q is measured per point over its SCAMP broadcasts from {@code broadcasts.csv}:
 * {@code 1 − Σ(reached − 1 + duplicates) / Σ messages}, since {@code messages} counts every copy
 * sent (lost ones, those to crashed nodes and those arriving after the run's end included) and
 * {@code reached − 1 + duplicates} the copies that arrived at a live node. For each repetition,
 * over the nodes v alive at its end ({@code nodes.csv}), the chance that a broadcast misses none
 * is Π (1 − q^in_view(v)): the copies to different nodes travel different links, so their misses
 * are independent. The point's prediction is the mean over its repetitions. The Poisson
 * approximation exp(−m), with m = Σ q^in_view(v) the expected number of nodes missed, agrees
 * while every q^i is small, but would give a repetition with a node nobody gossips to about e^(−1)
 * rather than 0.
 *
 * <p>It assumes every InView member got the broadcast and sent its copy, and that copies fail
 * independently. Under loss alone two things move it apart from the truth, in opposite
 * directions: a member that missed the broadcast sends nothing (the truth is lower), and an arc
 * whose membership messages all ran out of attempts is in its sender's PartialView but missing
 * from the receiver's InView, an unseen sender (the truth is higher; 114 arcs of 2.5 million at
 * 19 % loss in {@code 100k-nodes-loss-sweep.yaml}, none below 8 %). It is therefore an estimate,
 * not a bound. The InViews are those at the end of the repetition: a member that
 * crashed or left counts as a sender whose copy fails with probability q, although it sent
 * nothing, while q counts the copies sent to crashed nodes as failed. After crashes q^i is
 * about the chance that all i members of an InView crashed when crashes strike at random.
 *
 * <p>The global baseline has no InViews ({@code nodes.csv} gives its nodes the fanout there), so
 * there is no prediction for it.
 *
 * @param point the point index
 * @param copyFailure q, the share of the point's gossip copies that did not reach a live node
 * @param expectedMisses m, the expected number of live nodes a broadcast misses, mean over repetitions
 * @param reliability Π (1 − q^in_view) of each repetition, mean over repetitions
 * @param repetitions how many repetitions the means are over
 */
record InViewPrediction(int point, double copyFailure, double expectedMisses, double reliability,
        int repetitions) {

    /** The membership a prediction is made for: only SCAMP nodes have InViews. */
    static final String MEMBERSHIP = CsvRow.SCAMP;

    /**
     * The share of {@code messages} copies that failed when {@code arrived} of them reached a live
     * node; NaN without messages. Kept at 0 or more, should a run count more arrivals than copies.
     */
    static double copyFailure(long arrived, long messages) {
        return messages == 0 ? Double.NaN : Math.max(0, 1 - (double) arrived / messages);
    }

    /**
     * The probability that a node with an InView of {@code inView} misses a broadcast: q^inView,
     * and 1 for an empty InView (which {@code Math.pow(0, 0) = 1} also gives: nobody sends to it).
     */
    static double missProbability(double q, int inView) {
        return inView == 0 ? 1 : Math.pow(q, inView);
    }

    /**
     * One prediction per point with SCAMP broadcasts that sent at least one copy and SCAMP nodes
     * alive at the end of a repetition, ordered by point. {@code nodes} is walked once, its rows
     * summed as they come.
     */
    static List<InViewPrediction> of(List<BroadcastRow> broadcasts, List<NodeRow> nodes) {
        Map<Integer, Double> failure = copyFailures(broadcasts);
        // point -> repetition -> {m, ln Π (1 − q^in_view)} of that repetition
        Map<Integer, Map<Integer, double[]>> misses = new TreeMap<>();
        for (NodeRow n : nodes) {
            if (!n.alive() || !n.membership().equals(MEMBERSHIP)) {
                continue;
            }
            Double q = failure.get(n.point());
            if (q != null) {
                double[] sum = misses.computeIfAbsent(n.point(), p -> new TreeMap<>())
                        .computeIfAbsent(n.repetition(), r -> new double[2]);
                double miss = missProbability(q, n.inView());
                sum[0] += miss;
                sum[1] += Math.log1p(-miss); // −∞ for a certain miss: the product is 0
            }
        }
        List<InViewPrediction> predictions = new ArrayList<>();
        misses.forEach((point, byRepetition) -> {
            double m = 0;
            double reliability = 0;
            for (double[] sum : byRepetition.values()) {
                m += sum[0];
                reliability += Math.exp(sum[1]);
            }
            int repetitions = byRepetition.size();
            predictions.add(new InViewPrediction(point, failure.get(point), m / repetitions,
                    reliability / repetitions, repetitions));
        });
        return predictions;
    }

    /** q of each point whose SCAMP broadcasts sent at least one copy. */
    static Map<Integer, Double> copyFailures(List<BroadcastRow> broadcasts) {
        Map<Integer, long[]> sums = new TreeMap<>();
        for (BroadcastRow b : broadcasts) {
            if (!b.membership().equals(MEMBERSHIP)) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(b.point(), p -> new long[2]);
            // A broadcast whose origin is gone by the end reached 0 nodes of its reference set.
            sum[0] += Math.max(0, b.reached() - 1) + b.duplicates();
            sum[1] += b.messages();
        }
        Map<Integer, Double> failure = new TreeMap<>();
        sums.forEach((point, sum) -> {
            if (sum[1] > 0) {
                failure.put(point, copyFailure(sum[0], sum[1]));
            }
        });
        return failure;
    }
}
