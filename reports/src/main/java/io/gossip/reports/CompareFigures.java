package io.gossip.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a comparison: several runs overlaid on the same axes, one colour per run, in the
 * order the runs were given. Each run contributes its SCAMP data (its baseline only when it has no
 * SCAMP rows), so the charts compare scenarios rather than memberships.
 */
final class CompareFigures {
    private CompareFigures() {
    }

    /**
     * The legend name of each run: its scenario, plus its folder name when another run has the
     * same scenario, plus a number if even that clashes.
     */
    static List<String> labels(List<RunData> runs) {
        Map<String, Integer> scenarioCount = new HashMap<>();
        runs.forEach(r -> scenarioCount.merge(r.summary().scenario(), 1, Integer::sum));
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RunData run : runs) {
            String scenario = run.summary().scenario();
            String label = scenarioCount.get(scenario) > 1
                    ? scenario + " (" + run.folderName() + ")"
                    : scenario;
            int n = seen.merge(label, 1, Integer::sum);
            labels.add(n > 1 ? label + " #" + n : label);
        }
        return labels;
    }

    /** Every comparison chart the runs support. */
    static List<Figure> of(List<RunData> runs) {
        List<String> labels = labels(runs);
        List<Figure> figures = new ArrayList<>();
        coverageOverTime(runs, labels).ifPresent(figures::add);
        figures.addAll(reliability(runs, labels));
        figures.addAll(coverageVsParameter(runs, labels));
        figures.addAll(messagesVsParameter(runs, labels));
        figures.addAll(viewSizes(runs, labels));
        latency(runs, labels).ifPresent(figures::add);
        return figures;
    }

    static Optional<Figure> coverageOverTime(List<RunData> runs, List<String> labels) {
        List<CoverageBands.Band> bands = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<CoverageRow> rows = preferred(runs.get(i).coverage(), CoverageRow::membership);
            if (!rows.isEmpty()) {
                bands.add(CoverageBands.of(labels.get(i), rows));
            }
        }
        if (bands.isEmpty()) {
            return Optional.empty();
        }
        String title = "Coverage over time";
        return Optional.of(new Figure("compare-coverage-over-time.png", title,
                "Median fraction of live nodes reached against time since sending, one colour per run, "
                        + "with the 5–95 % band over that run's broadcasts; the left-most curve that "
                        + "reaches 1 disseminates fastest.",
                DistributionCharts.coverageOverTime(title, "median and 5–95 % band per run", bands)));
    }

    /** One reliability chart per swept parameter, with every run that swept it ({@link ComparedSweep}). */
    static List<Figure> reliability(List<RunData> runs, List<String> labels) {
        List<Figure> figures = new ArrayList<>();
        for (ComparedSweep swept : ComparedSweep.of(runs, labels)) {
            Sweep sweep = swept.sweep();
            List<ReliabilityCurves.Curve> curves = new ArrayList<>();
            XYSeriesCollection theory = new XYSeriesCollection();
            XYSeriesCollection prediction = new XYSeriesCollection();
            for (ComparedSweep.Member m : swept.members()) {
                List<PointRow> points = preferred(m.run().points(), PointRow::membership);
                ReliabilityCurves.Curve curve = ReliabilityCurves.of(m.label(), sweep, points, m.shift());
                if (curve.points().isEmpty()) {
                    continue;
                }
                curves.add(curve);
                // Beside each run's points, its theory and (for SCAMP points) its prediction, as
                // its own report draws them beside its membership's.
                String membership = points.get(0).membership();
                ReliabilityCurves.addIfAny(theory, ReliabilityCurves.theorySeries(m.label(), membership, sweep,
                        points, FanoutTheory.of(m.run().broadcasts()), m.shift()));
                if (membership.equals(InViewPrediction.MEMBERSHIP)) {
                    ReliabilityCurves.addIfAny(prediction, ReliabilityCurves.predictionSeries(m.label(), sweep,
                            points, m.run().broadcasts(), m.run().nodes(), m.shift()));
                }
            }
            if (curves.isEmpty()) {
                continue;
            }
            String parameter = swept.parameter();
            String title = "Reliability against " + parameter;
            figures.add(new Figure("compare-reliability-vs-" + RunFigures.fileSafe(parameter) + ".png",
                    title, "Share of broadcasts that reached every live node at each value of "
                            + parameter + ", one colour per run (its SCAMP points, or its baseline's "
                            + "when it has no SCAMP run); higher is better. Error bars are ± one "
                            + "standard error of the mean across that run's repetitions, absent with a single "
                            + "repetition."
                            + (theory.getSeriesCount() == 0 ? "" : SweepFigures.theoryText("the run's colour"))
                            + (prediction.getSeriesCount() == 0 ? "" : SweepFigures.predictionText(
                                    "the colour of each run drawn from its SCAMP points, predict that "
                                            + "run's reliability")),
                    SweepCharts.reliability(title, ReliabilityCurves.errorBarsSubtitle(curves),
                            sweep, swept.xLabel(), curves, theory, prediction)));
        }
        return figures;
    }

    /**
     * One chart of final coverage per swept parameter, with every run that swept it and broadcast
     * ({@link ComparedSweep}): each run's SCAMP broadcasts, or its baseline's when it has no SCAMP
     * broadcasts, as its own coverage chart draws them.
     */
    static List<Figure> coverageVsParameter(List<RunData> runs, List<String> labels) {
        List<Figure> figures = new ArrayList<>();
        for (ComparedSweep swept : ComparedSweep.of(runs, labels)) {
            Sweep sweep = swept.sweep();
            List<CoverageSweep.Curve> curves = new ArrayList<>();
            for (ComparedSweep.Member m : swept.members()) {
                List<BroadcastRow> broadcasts = preferred(m.run().broadcasts(), BroadcastRow::membership);
                if (!broadcasts.isEmpty()) {
                    curves.add(CoverageSweep.of(m.label(), sweep, m.run().points(), broadcasts, m.shift()));
                }
            }
            if (curves.isEmpty()) {
                continue;
            }
            String parameter = swept.parameter();
            String title = "Final coverage against " + parameter;
            figures.add(new Figure("compare-coverage-vs-" + RunFigures.fileSafe(parameter) + ".png", title,
                    SweepFigures.coverageCaption(sweep, "one colour per run (its SCAMP broadcasts, or its "
                            + "baseline's when it has no SCAMP run)"),
                    SweepCharts.coverage(title, "mean and 5–95 % over broadcasts", sweep, swept.xLabel(),
                            curves)));
        }
        return figures;
    }

    /**
     * One chart of the messages sent per node per swept parameter, with every run that swept it
     * ({@link ComparedSweep}), from each run's SCAMP points (its baseline's when it has none): what
     * each run's reliability cost.
     */
    static List<Figure> messagesVsParameter(List<RunData> runs, List<String> labels) {
        List<Figure> figures = new ArrayList<>();
        for (ComparedSweep swept : ComparedSweep.of(runs, labels)) {
            Sweep sweep = swept.sweep();
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (ComparedSweep.Member m : swept.members()) {
                ReliabilityCurves.addIfAny(dataset, MessageStats.perNodeAgainst(m.label(), sweep,
                        preferred(m.run().points(), PointRow::membership), m.shift()));
            }
            if (dataset.getSeriesCount() == 0) {
                continue;
            }
            String parameter = swept.parameter();
            String title = "Messages sent per node against " + parameter;
            figures.add(new Figure("compare-messages-per-node-vs-" + RunFigures.fileSafe(parameter) + ".png",
                    title, SweepFigures.messagesCaption(sweep, "one colour per run (its SCAMP points, or its "
                            + "baseline's when it has no SCAMP run)"),
                    SweepCharts.messagesPerNode(title, "mean per node and run", sweep, swept.xLabel(), dataset)));
        }
        return figures;
    }

    /** PartialView and InView histograms as fractions of nodes, with each run's expected size. */
    static List<Figure> viewSizes(List<RunData> runs, List<String> labels) {
        List<IntHistogram> partial = new ArrayList<>();
        List<IntHistogram> in = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Optional<ViewSizes> v = ViewSizes.of(runs.get(i).summary(), runs.get(i).nodes());
            if (v.isPresent()) {
                partial.add(new IntHistogram(labels.get(i), v.get().partialView().counts()));
                in.add(new IntHistogram(labels.get(i), v.get().inView().counts()));
                expected.add(v.get().expected());
            }
        }
        if (partial.isEmpty()) {
            return List.of();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(viewFigure("PartialView", partial, expected));
        figures.add(viewFigure("InView", in, expected));
        return figures;
    }

    private static Figure viewFigure(String view, List<IntHistogram> histograms,
            List<Double> expected) {
        List<ValueMarker> markers = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            double x = expected.get(i);
            markers.add(ChartTheme.theoryMarker(x, "(c+1)·ln n = " + Numbers.compact(x),
                    ChartTheme.color(i), i));
        }
        String title = view + " size";
        return new Figure("compare-" + RunFigures.fileSafe(view) + "-histogram.png", title,
                "Share of live SCAMP nodes with each " + view + " size at the end of each run, one "
                        + "colour per run, at the run's point with the most live SCAMP nodes (the "
                        + "largest n of a nodes sweep, the uncrashed point of a crash sweep), its "
                        + "repetitions pooled; dashed lines in the run's colour mark its "
                        + "expected size (c+1)·ln n.",
                DistributionCharts.viewSizeHistogram(title, "fraction of live nodes per run",
                        view + " size (entries)", "fraction of live nodes",
                        ViewSizes.fractions(histograms), markers));
    }

    static Optional<Figure> latency(List<RunData> runs, List<String> labels) {
        List<LatencyCdf.Cdf> cdfs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<BroadcastRow> rows = preferred(runs.get(i).broadcasts(), BroadcastRow::membership);
            if (!rows.isEmpty()) {
                cdfs.add(LatencyCdf.of(labels.get(i) + " t99", rows, BroadcastRow::t99Ms));
                cdfs.add(LatencyCdf.of(labels.get(i) + " t100", rows, BroadcastRow::t100Ms));
            }
        }
        if (cdfs.isEmpty()) {
            return Optional.empty();
        }
        String title = "Latency distribution";
        return Optional.of(new Figure("compare-latency-cdf.png", title,
                "Share of each run's broadcasts that had reached 99 % (dashed) and 100 % (solid) of "
                        + "the live nodes within a given delay, one colour per run; curves ending "
                        + "below 1 show broadcasts that never got there.",
                DistributionCharts.latencyCdf(title, "CDF of t99 and t100 per run", cdfs)));
    }

    /** The SCAMP rows, or the baseline rows when there are no SCAMP rows. */
    private static <T> List<T> preferred(List<T> rows, Function<T, String> membership) {
        List<String> chosen = Memberships.preferScamp(rows, membership);
        if (chosen.isEmpty()) {
            return List.of();
        }
        return rows.stream().filter(r -> membership.apply(r).equals(chosen.get(0))).toList();
    }
}
