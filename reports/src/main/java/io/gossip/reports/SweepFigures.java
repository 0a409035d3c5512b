package io.gossip.reports;

import java.util.List;
import java.util.Optional;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a run "against the swept parameter": reliability with its theory, final coverage,
 * and mean PartialView size against n. Each is left out when the run is not a sweep or has no
 * data for it (no broadcasts, not a sweep over {@code nodes}).
 */
final class SweepFigures {
    private SweepFigures() {
    }

    /** A run chart's caption words on its theory: the diamonds are in their membership's colour. */
    static final String THEORY_TEXT = theoryText("the membership's colour");

    /** A run chart's caption words on SCAMP's prediction from its InView sizes ({@link InViewPrediction}). */
    static final String PREDICTION_TEXT = predictionText("SCAMP's colour, predict its reliability");

    /**
     * The caption's words on the theory exp(−e^(−k)) ({@link FanoutTheory}), its diamonds drawn in
     * {@code colour}.
     */
    static String theoryText(String colour) {
        return " Hollow diamonds on a dashed line, in " + colour + " and drawn around its measured "
                + "markers (so where both agree, at 1 say, the marker sits inside its diamond), are the "
                + "theory exp(−e^(−k)) for fanout ln n + k: the probability that a gossip reaches all n "
                + "live nodes when each node forwards it to ln n + k random live nodes, with the fanout "
                + "measured from the run (copies that reached a live node per forwarding node, so "
                + "crashed entries and lost messages do not count). Measurements below their diamond "
                + "mean the membership graph is less random than that model, e.g. survivors whose "
                + "whole InView crashed.";
    }

    /**
     * The caption's words on the prediction from InView sizes ({@link InViewPrediction}):
     * {@code colourAndSubject} says in whose colour the triangles are and whose reliability they
     * predict.
     */
    static String predictionText(String colourAndSubject) {
        return " Hollow triangles on a dotted line, in " + colourAndSubject
                + " from its InViews (a node's InView holds the "
                + "nodes that have it in their PartialView: the only ones that gossip to it) and "
                + "the share q of gossip copies that did not reach a live node (lost, or sent to a "
                + "crashed node), measured at each point. A node whose InView holds i nodes misses "
                + "a broadcast when all i copies sent to it fail, with probability q^i; a node with "
                + "an empty InView always misses it. The chance that a broadcast misses none of the "
                + "live nodes at the end of a repetition is then the product of their 1 − q^i (0 "
                + "where one has an empty InView; about exp(−m) while every q^i is small, m being "
                + "the sum of the q^i, the number of nodes a broadcast is expected to miss); the "
                + "triangles are the mean over the repetitions. The prediction assumes that every "
                + "InView member got the broadcast and sent its copy, and that copies fail "
                + "independently (copies to different nodes travel different links). It is an "
                + "estimate, not a bound: a member that missed the broadcast sends nothing (the "
                + "truth is lower), and an arc whose membership messages all ran out of attempts "
                + "sends copies but is missing from the receiver's InView (the truth is higher; a "
                + "few arcs in a million at high loss). It takes the InViews as they are at the "
                + "end of the repetition, where members that crashed or left, which sent nothing, "
                + "still count as senders whose copy fails with probability q (q^i is then about "
                + "the chance that all i members crashed, when crashes strike at random). SCAMP "
                + "leaves some nodes with InViews of only 1 to 3, for which q^i is far from "
                + "negligible: under loss these nodes, not the fanout, "
                + "limit reliability, which is why the theory exp(−e^(−k)) can stay near 1 while "
                + "the measurement and this prediction fall.";
    }

    static Optional<Figure> reliability(RunData run) {
        Optional<Sweep> found = Sweep.of(run.points());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Sweep sweep = found.get();
        List<ReliabilityCurves.Curve> curves = ReliabilityCurves.byMembership(sweep, run.points());
        if (curves.isEmpty()) {
            return Optional.empty();
        }
        String p = sweep.parameter();
        String title = "Reliability against " + p;
        XYSeriesCollection theory = ReliabilityCurves.theoryDataset(sweep, run.points(),
                run.measuredBroadcasts());
        String theoryText = theory.getSeriesCount() == 0 ? "" : THEORY_TEXT;
        XYSeriesCollection prediction = ReliabilityCurves.predictionDataset(sweep, run.points(),
                run.measuredBroadcasts(), run.nodes());
        String predictionText = prediction.getSeriesCount() == 0 ? "" : PREDICTION_TEXT;
        String layout = sweep.numeric() ? "one line per membership"
                : "one marker per membership at each value, shifted sideways to keep them apart";
        return Optional.of(new Figure("reliability-vs-" + RunFigures.fileSafe(p) + ".png", title,
                "Reliability is the share of broadcasts that reached every live node; each marker is "
                        + "one value of " + p + " (" + layout + "); higher is better and 1 means no "
                        + "broadcast missed anyone. Error bars are ± one standard error of the mean "
                        + "across the " + repetitions(run) + " repetitions (each repetition builds a "
                        + "new membership graph), absent with a single repetition." + logAxisText(sweep)
                        + theoryText + predictionText,
                SweepCharts.reliability(title, RunFigures.subtitle(run, ReliabilityCurves.errorBarsSubtitle(curves)),
                        sweep, xLabel(run, sweep), curves, theory, prediction)));
    }

    static Optional<Figure> coverageVsParameter(RunData run) {
        Optional<Sweep> found = Sweep.of(run.points());
        if (found.isEmpty() || run.measuredBroadcasts().isEmpty()) {
            return Optional.empty();
        }
        Sweep sweep = found.get();
        String p = sweep.parameter();
        String title = "Final coverage against " + p;
        return Optional.of(new Figure("coverage-vs-" + RunFigures.fileSafe(p) + ".png", title,
                coverageCaption(sweep, "one colour per membership"),
                SweepCharts.coverage(title, RunFigures.subtitle(run, "mean and 5–95 % over broadcasts"), sweep,
                        xLabel(run, sweep), CoverageSweep.byMembership(sweep, run.points(),
                                run.measuredBroadcasts()))));
    }

    /** The caption of a chart of final coverage against {@code sweep}'s parameter, its curves {@code colours}. */
    static String coverageCaption(Sweep sweep, String colours) {
        String shape = sweep.numeric() ? "the line is the mean and the shaded band"
                : "the marker is the mean and the bar";
        return "Fraction of the live nodes (" + RunFigures.REFERENCE_SET + ") each broadcast finally reached, at "
                + "each value of " + sweep.parameter()
                + ", " + colours + ": " + shape + " spans the 5th to 95th "
                + "percentile over the point's broadcasts (all repetitions). Where reliability "
                + "drops to 0 this shows how many nodes were missed: 0.999 means one node in "
                + "a thousand never got the message. A mean below its band means a few broadcasts "
                + "reached almost nobody (such as a source whose whole PartialView crashed). "
                + "The y axis is zoomed to the data, never narrower than 0.99 to 1."
                + logAxisText(sweep);
    }

    /**
     * Messages sent per node against the swept parameter, one colour per membership: what each
     * membership's reliability cost (SCAMP against the global baseline, say).
     */
    static Optional<Figure> messagesVsParameter(RunData run) {
        Optional<Sweep> found = Sweep.of(run.points());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Sweep sweep = found.get();
        List<String> memberships = Memberships.present(run.points(), PointRow::membership);
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (int i = 0; i < memberships.size(); i++) {
            String membership = memberships.get(i);
            ReliabilityCurves.addIfAny(dataset, MessageStats.perNodeAgainst(membership, sweep,
                    run.points().stream().filter(p -> p.membership().equals(membership)).toList(),
                    ReliabilityCurves.shift(sweep, i, memberships.size())));
        }
        if (dataset.getSeriesCount() == 0) {
            return Optional.empty();
        }
        String title = "Messages sent per node against " + sweep.parameter();
        return Optional.of(new Figure("messages-per-node-vs-" + RunFigures.fileSafe(sweep.parameter()) + ".png",
                title, messagesCaption(sweep, "one colour per membership"),
                SweepCharts.messagesPerNode(title, RunFigures.subtitle(run, "mean per node and run"), sweep,
                        xLabel(run, sweep), dataset)));
    }

    /** The caption of a chart of messages per node against {@code sweep}'s parameter, its curves {@code colours}. */
    static String messagesCaption(Sweep sweep, String colours) {
        return "Messages of every kind (gossip, subscriptions, acknowledgements, heartbeats and the "
                + "rest) that a node sent over the whole run, joins included, on average over every node "
                + "of the run (crashed ones too) and the repetitions, at each value of " + sweep.parameter()
                + ", " + colours + ": the cost side of reliability; at the same reliability, lower is "
                + "cheaper." + logAxisText(sweep);
    }

    /** For a sweep on a log axis, a sentence saying so and why; empty otherwise. */
    static String logAxisText(Sweep sweep) {
        if (!sweep.logarithmic()) {
            return "";
        }
        double ratio = sweep.values().get(sweep.values().size() - 1) / sweep.values().get(0);
        return " The x axis is logarithmic, since the swept values span a factor of "
                + Numbers.compact(ratio) + ".";
    }

    /** The x-axis label of {@code sweep}, naming a swept timeline action from the scenario. */
    static String xLabel(RunData run, Sweep sweep) {
        return SweepCharts.axisLabel(ParameterNames.describe(sweep.parameter(), run.scenarioYaml()));
    }

    /** The repetitions of the run's points, as text: {@code 10}, or {@code 1–3} when they vary. */
    static String repetitions(RunData run) {
        int min = run.points().stream().mapToInt(PointRow::repetitions).min().orElse(0);
        int max = run.points().stream().mapToInt(PointRow::repetitions).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "–" + max;
    }

    static Optional<Figure> pvScaling(RunData run) {
        return PvScaling.of(run.points()).map(scaling -> {
            String title = "Mean PartialView size against n";
            return new Figure("partialview-vs-nodes.png", title,
                    "Mean PartialView size of SCAMP at each swept number of nodes, on a log scale; "
                            + "the dashed line is (c+1)·ln n with c = " + Numbers.compact(scaling.c())
                            + ": points on it mean views grow logarithmically, as SCAMP predicts. "
                            + pvErrorBarsText(scaling),
                    SweepCharts.pvScaling(title, RunFigures.subtitle(run, "log x axis · "
                            + (scaling.anyErrorBar() ? "error bars: ± 1 standard error over repetitions"
                                    : scaling.spreadUnknown() ? "no error bars: points.csv has no pv_mean_stddev"
                                    : "one repetition per point: no error bars")), scaling));
        });
    }

    /** The caption's words on the error bars of the mean PartialView against n, or on their absence. */
    static String pvErrorBarsText(PvScaling scaling) {
        if (scaling.spreadUnknown()) {
            return "No error bars: points.csv has no pv_mean_stddev column (it was written before the "
                    + "simulator recorded the spread of the repetitions' means).";
        }
        if (!scaling.anyErrorBar()) {
            return "One repetition, so one membership graph per point: no error bars.";
        }
        return "Error bars are ± one standard error of the mean across the " + scaling.repetitions()
                + " repetitions (each repetition builds a new membership graph; pv_mean_stddev in points.csv, "
                + "the standard deviation of the repetitions' means, over √(repetitions − 1)), absent at a "
                + "point of a single repetition.";
    }
}
