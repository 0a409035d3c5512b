package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.plot.ValueMarker;

/**
 * The view-size histograms of a run: how many live SCAMP nodes ended with each PartialView and
 * InView size at one point (see {@link ViewSizes} for which), against (c+1)·ln n. With several
 * repetitions each bar is the mean over them, so the y axis counts the live nodes of one
 * repetition, which is what it says.
 */
final class ViewSizeFigures {
    private ViewSizeFigures() {
    }

    /** The PartialView and InView histograms of the run's chosen point, or none without SCAMP nodes. */
    static List<Figure> histograms(RunData run) {
        Optional<ViewSizes> found = ViewSizes.of(run.summary(), run.nodes());
        if (found.isEmpty()) {
            return List.of();
        }
        ViewSizes v = found.get();
        String expected = "(c+1)·ln n = " + Numbers.compact(v.expected());
        int repetitions = v.repetitions();
        // Averaged, not pooled: pooled, the bars of ten repetitions of 10,000 nodes would add up
        // to 100,000 "live nodes".
        String where = RunFigures.averagedScope(run, v.point(), repetitions) + ", n = "
                + Numbers.compact(v.liveNodes()) + " live nodes, c = " + Numbers.compact(v.c());
        String averaged = repetitions > 1 ? "; each bar is the mean over the " + repetitions
                + " repetitions (each its own membership graph) of the live nodes with that size, so "
                + "the bars add up to the live nodes of one repetition" : "";
        String yLabel = repetitions > 1 ? "live nodes (mean of " + repetitions + " repetitions)"
                : "live nodes";
        List<ValueMarker> marker = List.of(ChartTheme.theoryMarker(v.expected(), expected,
                ChartTheme.THEORY, 0));
        List<Figure> figures = new ArrayList<>();
        String chosen = Sweep.of(run.points()).isPresent()
                ? " The sweep's point with the most live nodes is shown; points are not pooled." : "";
        for (IntHistogram h : List.of(v.partialView(), v.inView())) {
            String title = h.name() + " size";
            String meaning = h.name().equals("PartialView")
                    ? "the nodes a node gossips to" : "the nodes that gossip to it";
            figures.add(new Figure(RunFigures.fileSafe(h.name()) + "-histogram.png", title,
                    "How many live SCAMP nodes ended with each " + h.name() + " size (" + meaning
                            + "; " + where + "; mean " + Numbers.compact(h.mean()) + ")" + averaged
                            + "; the dashed line marks the size SCAMP aims for without knowing n, "
                            + expected + ". A peak near the line means the views have the right "
                            + "size; nodes in the left tail have few links and are the first a crash "
                            + "or a lost message cuts off." + chosen,
                    DistributionCharts.viewSizeHistogram(title, RunFigures.subtitle(run, where),
                            h.name() + " size (entries)", yLabel, v.meanPerRepetition(h), marker)));
        }
        return figures;
    }
}
