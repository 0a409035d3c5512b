package io.gossip.reports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;

/**
 * The cost of gossip: how many messages each node sent, and which share of the messages a node
 * received were duplicates of a gossip it already had.
 */
final class MessageStats {
    /** Enough bins to show the shape, few enough to read each bar at 1200 pixels. */
    static final int MAX_BINS = 40;

    private MessageStats() {
    }

    /**
     * Messages sent per node in the last point of the run, one series per membership, every node
     * that joined counted (a node that crashed still sent its messages until then), no slot in which
     * no node ever joined.
     */
    static BinnedHistogram messagesSent(List<NodeRow> nodes) {
        return messagesSent(nodes, nodes.stream().mapToInt(NodeRow::point).max().orElse(0));
    }

    /**
     * Messages sent per node in {@code point}, one series per membership, every node that joined
     * counted (as {@code messages.perNode} of summary.json); with several repetitions each bar is the
     * mean over them, as in the view-size histograms.
     */
    static BinnedHistogram messagesSent(List<NodeRow> nodes, int point) {
        Map<String, long[]> values = new LinkedHashMap<>();
        Map<String, Integer> repetitions = new LinkedHashMap<>();
        List<NodeRow> last = nodes.stream().filter(n -> n.point() == point && n.joined()).toList();
        for (String membership : Memberships.present(last, NodeRow::membership)) {
            List<NodeRow> rows = last.stream().filter(n -> n.membership().equals(membership)).toList();
            values.put(membership, rows.stream().mapToLong(NodeRow::messagesSent).toArray());
            repetitions.put(membership, (int) rows.stream().mapToInt(NodeRow::repetition).distinct().count());
        }
        return BinnedHistogram.of(values, repetitions, MAX_BINS);
    }

    /**
     * The duplicate ratio of every point (named by its swept value), one bar per membership within
     * each point. The points of a sweep over numbers stand in ascending order of their values, as on
     * the other charts against the swept parameter (a sweep may list its values in any order); those
     * of a sweep over words in the order it ran them.
     */
    static DefaultCategoryDataset duplicateRatio(List<PointRow> points) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean numeric = Sweep.of(points).map(Sweep::numeric).orElse(false);
        Comparator<PointRow> byPoint = numeric
                ? Comparator.comparingDouble(PointRow::value).thenComparingInt(PointRow::point)
                : Comparator.comparingInt(PointRow::point);
        List<PointRow> ordered = points.stream()
                .sorted(byPoint.thenComparingInt(p -> Memberships.ORDER.indexOf(p.membership())))
                .toList();
        for (PointRow p : ordered) {
            if (Double.isNaN(p.duplicateRatio())) {
                continue;
            }
            dataset.addValue(p.duplicateRatio(), p.membership(), p.valueLabel());
        }
        return dataset;
    }

    /**
     * The mean messages sent per node at each of {@code points} (one membership's, or one run's),
     * placed on {@code sweep}'s axis and moved {@code shift} along it, named {@code name}; points
     * without the figure are left out.
     */
    static XYSeries perNodeAgainst(String name, Sweep sweep, List<PointRow> points, double shift) {
        XYSeries series = new XYSeries(name, true, false);
        for (PointRow p : points) {
            if (!Double.isNaN(p.messagesPerNode())) {
                series.add(sweep.x(p) + shift, p.messagesPerNode());
            }
        }
        return series;
    }
}
