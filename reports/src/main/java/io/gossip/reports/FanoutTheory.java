package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theory beside measured reliability: if every node that gets a gossip forwards it to
 * ln n + k nodes picked uniformly at random, the probability that all n nodes get it tends to
 * exp(−e^(−k)) (Kermarrec, Massoulié, Ganesh; quoted by the SCAMP paper for its views of mean size
 * (c+1)·ln n).
 *
 * <p>The fanout that matters is the <em>effective</em> one: copies that reach a live node. Crashed
 * PartialView entries and lost messages do not count. It is measured from {@code broadcasts.csv}
 * rather than assumed: a broadcast that reached {@code reached} live nodes (its origin included)
 * caused {@code reached − 1} first receipts and {@code duplicates} further arrivals at live nodes,
 * all sent by those {@code reached} forwarders, so the mean live fanout is
 * {@code (reached − 1 + duplicates) / reached}. Then {@code k = fanout − ln(live nodes)}, both
 * averaged over the broadcasts of one point and membership. The model assumes independent,
 * uniformly random targets; measurements below the curve show where the membership's graph is less
 * random than that (for instance survivors whose whole InView crashed).
 *
 * @param point the point index
 * @param membership {@code scamp} or {@code global}
 * @param liveFanout mean copies per forwarder that reached a live node
 * @param liveNodes mean number of live nodes a broadcast had to reach
 * @param broadcasts how many broadcasts the means are over
 */
record FanoutTheory(int point, String membership, double liveFanout, double liveNodes, int broadcasts) {

    /** k in ln n + k: the effective fanout's excess over ln n. */
    double k() {
        return liveFanout - Math.log(liveNodes);
    }

    /** exp(−e^(−k)): the probability that a broadcast reaches every live node. */
    double allReached() {
        return allReachedProbability(k());
    }

    /** exp(−e^(−k)). */
    static double allReachedProbability(double k) {
        return Math.exp(-Math.exp(-k));
    }

    /**
     * One entry per point and membership with at least one broadcast that reached someone, over at
     * least one live node; ordered by point, then SCAMP before global.
     */
    static List<FanoutTheory> of(List<BroadcastRow> broadcasts) {
        Map<Integer, Map<Integer, double[]>> sums = new TreeMap<>();
        for (BroadcastRow b : broadcasts) {
            if (b.reached() < 1 || b.liveNodes() < 1) {
                continue;
            }
            int order = Memberships.ORDER.indexOf(b.membership());
            double[] sum = sums.computeIfAbsent(b.point(), p -> new TreeMap<>())
                    .computeIfAbsent(order, m -> new double[3]);
            sum[0] += (b.reached() - 1 + (double) b.duplicates()) / b.reached();
            sum[1] += b.liveNodes();
            sum[2]++;
        }
        List<FanoutTheory> theories = new ArrayList<>();
        sums.forEach((point, byMembership) -> byMembership.forEach((order, sum) ->
                theories.add(new FanoutTheory(point, Memberships.ORDER.get(order), sum[0] / sum[2],
                        sum[1] / sum[2], (int) sum[2]))));
        return theories;
    }
}
