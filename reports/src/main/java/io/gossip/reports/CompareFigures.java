package io.gossip.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a comparison: several runs overlaid on the same axes. Each run keeps the colour,
 * marker and label of its place among the runs given ({@link ComparedRun}) on every chart, whichever
 * other runs a chart holds. Each run contributes its SCAMP data (its baseline only when it has no
 * SCAMP rows), so the charts compare scenarios rather than memberships.
 */
final class CompareFigures {
    /** How captions say which colour is which. */
    static final String COLOURS = "each run in its own colour, the same on every chart of this page";

    /** How captions of charts with markers say which marker is which, and that they are not memberships. */
    static final String MARKERS = "each run in its own colour with its own square marker, the same on every "
            + "chart of this page (filled for the first run given, hollow and larger for each further "
            + "one; the run report's dot and ring, for SCAMP and the global baseline, are not used here)";

    private CompareFigures() {
    }

    /** Every comparison chart the runs support. */
    static List<Figure> of(List<ComparedRun> runs) {
        List<Figure> figures = new ArrayList<>();
        coverageOverTime(runs).ifPresent(figures::add);
        figures.addAll(reliability(runs));
        figures.addAll(coverageVsParameter(runs));
        figures.addAll(messagesVsParameter(runs));
        figures.addAll(viewSizes(runs));
        latency(runs).ifPresent(figures::add);
        return figures;
    }

    static Optional<Figure> coverageOverTime(List<ComparedRun> runs) {
        List<CoverageBands.Band> bands = new ArrayList<>();
        List<ComparedRun> drawn = new ArrayList<>();
        for (ComparedRun run : runs) {
            List<CoverageRow> rows = preferred(run.run().coverage(), CoverageRow::membership);
            if (!rows.isEmpty()) {
                bands.add(CoverageBands.of(run.label(), rows));
                drawn.add(run);
            }
        }
        if (bands.isEmpty()) {
            return Optional.empty();
        }
        String title = "Coverage over time";
        JFreeChart chart = DistributionCharts.coverageOverTime(title, "median and 5–95 % band per run", bands);
        paint(chart, 0, drawn);
        return Optional.of(new Figure("compare-coverage-over-time.png", title,
                "Median fraction of live nodes reached against time since sending, " + COLOURS
                        + ", with the 5–95 % band over that run's broadcasts; the left-most curve that "
                        + "reaches 1 disseminates fastest." + pooled(drawn),
                chart));
    }

    /** One reliability chart per swept parameter, with every run drawn against it ({@link ComparedSweep}). */
    static List<Figure> reliability(List<ComparedRun> runs) {
        List<Figure> figures = new ArrayList<>();
        for (ComparedSweep swept : ComparedSweep.of(runs)) {
            Sweep sweep = swept.sweep();
            List<ReliabilityCurves.Curve> curves = new ArrayList<>();
            List<ComparedRun> curveRuns = new ArrayList<>();
            XYSeriesCollection theory = new XYSeriesCollection();
            List<ComparedRun> theoryRuns = new ArrayList<>();
            XYSeriesCollection prediction = new XYSeriesCollection();
            List<ComparedRun> predictionRuns = new ArrayList<>();
            for (ComparedSweep.Member m : swept.members()) {
                List<PointRow> points = preferred(m.points(), PointRow::membership);
                ReliabilityCurves.Curve curve = ReliabilityCurves.of(m.label(), sweep, points, m.shift());
                if (curve.points().isEmpty()) {
                    continue;
                }
                curves.add(curve);
                curveRuns.add(m.run());
                // Beside each run's points, its theory and (for SCAMP points) its prediction, as
                // its own report draws them beside its membership's.
                String membership = points.get(0).membership();
                RunData run = m.run().run();
                addIfAny(theory, theoryRuns, m.run(), ReliabilityCurves.theorySeries(m.label(), membership, sweep,
                        points, FanoutTheory.of(run.measuredBroadcasts()), m.shift()));
                if (membership.equals(InViewPrediction.MEMBERSHIP)) {
                    addIfAny(prediction, predictionRuns, m.run(), ReliabilityCurves.predictionSeries(m.label(),
                            sweep, points, run.measuredBroadcasts(), run.nodes(), m.shift()));
                }
            }
            if (curves.isEmpty()) {
                continue;
            }
            String parameter = swept.parameter();
            String title = "Reliability against " + parameter;
            JFreeChart chart = SweepCharts.reliability(title, ReliabilityCurves.errorBarsSubtitle(curves),
                    sweep, swept.xLabel(), curves, theory, prediction);
            XYPlot plot = (XYPlot) chart.getPlot();
            mark(plot, 0, curveRuns);
            paint(plot, datasetIndex(plot, theory), theoryRuns);
            paint(plot, datasetIndex(plot, prediction), predictionRuns);
            figures.add(new Figure("compare-reliability-vs-" + RunFigures.fileSafe(parameter) + ".png",
                    title, "Share of broadcasts that reached every live node at each value of "
                            + parameter + ", " + MARKERS + " (its SCAMP points, or its baseline's "
                            + "when it has no SCAMP run); higher is better. Error bars are ± one "
                            + "standard error of the mean across that run's repetitions, absent with a single "
                            + "repetition." + drawnAndLeftOut(swept)
                            + (theory.getSeriesCount() == 0 ? "" : SweepFigures.theoryText("the run's colour"))
                            + (prediction.getSeriesCount() == 0 ? "" : SweepFigures.predictionText(
                                    "the colour of each run drawn from its SCAMP points, predict that "
                                            + "run's reliability")),
                    chart));
        }
        return figures;
    }

    /**
     * One chart of final coverage per swept parameter, with every run drawn against it that
     * broadcast ({@link ComparedSweep}): each run's SCAMP broadcasts, or its baseline's when it has
     * no SCAMP broadcasts, as its own coverage chart draws them.
     */
    static List<Figure> coverageVsParameter(List<ComparedRun> runs) {
        List<Figure> figures = new ArrayList<>();
        for (ComparedSweep swept : ComparedSweep.of(runs)) {
            Sweep sweep = swept.sweep();
            List<CoverageSweep.Curve> curves = new ArrayList<>();
            List<ComparedRun> drawn = new ArrayList<>();
            for (ComparedSweep.Member m : swept.members()) {
                List<BroadcastRow> broadcasts = measured(preferred(m.run().run().broadcasts(),
                        BroadcastRow::membership));
                if (!broadcasts.isEmpty()) {
                    curves.add(CoverageSweep.of(m.label(), sweep, m.points(), broadcasts, m.shift()));
                    drawn.add(m.run());
                }
            }
            if (curves.isEmpty()) {
                continue;
            }
            String parameter = swept.parameter();
            String title = "Final coverage against " + parameter;
            JFreeChart chart = SweepCharts.coverage(title, "mean and 5–95 % over broadcasts", sweep,
                    swept.xLabel(), curves);
            mark((XYPlot) chart.getPlot(), 0, drawn);
            figures.add(new Figure("compare-coverage-vs-" + RunFigures.fileSafe(parameter) + ".png", title,
                    SweepFigures.coverageCaption(sweep, MARKERS + " (its SCAMP broadcasts, or its "
                            + "baseline's when it has no SCAMP run)") + drawnAndLeftOut(swept),
                    chart));
        }
        return figures;
    }

    /**
     * One chart of the messages sent per node per swept parameter, with every run drawn against it
     * ({@link ComparedSweep}), from each run's SCAMP points (its baseline's when it has none): what
     * each run's reliability cost.
     */
    static List<Figure> messagesVsParameter(List<ComparedRun> runs) {
        List<Figure> figures = new ArrayList<>();
        for (ComparedSweep swept : ComparedSweep.of(runs)) {
            Sweep sweep = swept.sweep();
            XYSeriesCollection dataset = new XYSeriesCollection();
            List<ComparedRun> drawn = new ArrayList<>();
            for (ComparedSweep.Member m : swept.members()) {
                addIfAny(dataset, drawn, m.run(), MessageStats.perNodeAgainst(m.label(), sweep,
                        preferred(m.points(), PointRow::membership), m.shift()));
            }
            if (dataset.getSeriesCount() == 0) {
                continue;
            }
            String parameter = swept.parameter();
            String title = "Messages sent per node against " + parameter;
            JFreeChart chart = SweepCharts.messagesPerNode(title, "mean per node and run", sweep, swept.xLabel(),
                    dataset);
            mark((XYPlot) chart.getPlot(), 0, drawn);
            figures.add(new Figure("compare-messages-per-node-vs-" + RunFigures.fileSafe(parameter) + ".png",
                    title, SweepFigures.messagesCaption(sweep, MARKERS + " (its SCAMP points, or its "
                            + "baseline's when it has no SCAMP run)") + drawnAndLeftOut(swept),
                    chart));
        }
        return figures;
    }

    /** PartialView and InView histograms as fractions of nodes, with each run's expected size. */
    static List<Figure> viewSizes(List<ComparedRun> runs) {
        List<IntHistogram> partial = new ArrayList<>();
        List<IntHistogram> in = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        List<ComparedRun> drawn = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (ComparedRun run : runs) {
            Optional<ViewSizes> v = ViewSizes.of(run.run().summary(), run.run().nodes());
            if (v.isPresent()) {
                partial.add(new IntHistogram(run.label(), v.get().partialView().counts()));
                in.add(new IntHistogram(run.label(), v.get().inView().counts()));
                expected.add(v.get().expected());
                drawn.add(run);
                if (pointCount(run.run()) > 1) {
                    chosen.add(run.label() + " at " + pointName(run.run(), v.get().point()));
                }
            }
        }
        if (partial.isEmpty()) {
            return List.of();
        }
        String points = chosen.isEmpty() ? ""
                : " The point shown of each run of several points: " + String.join("; ", chosen) + ".";
        List<Figure> figures = new ArrayList<>();
        figures.add(viewFigure("PartialView", partial, expected, drawn, points));
        figures.add(viewFigure("InView", in, expected, drawn, points));
        return figures;
    }

    private static Figure viewFigure(String view, List<IntHistogram> histograms, List<Double> expected,
            List<ComparedRun> runs, String points) {
        List<ValueMarker> markers = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            double x = expected.get(i);
            markers.add(ChartTheme.theoryMarker(x, "(c+1)·ln n = " + Numbers.compact(x), runs.get(i).colour(), i));
        }
        String title = view + " size";
        JFreeChart chart = DistributionCharts.viewSizeHistogram(title, "fraction of live nodes per run",
                view + " size (entries)", "fraction of live nodes", ViewSizes.fractions(histograms), markers);
        paint(chart, 0, runs);
        return new Figure("compare-" + RunFigures.fileSafe(view) + "-histogram.png", title,
                "Share of live SCAMP nodes with each " + view + " size at the end of each run, "
                        + COLOURS + ", at the run's point with the most live SCAMP nodes (the "
                        + "largest n of a nodes sweep, the uncrashed point of a crash sweep), its "
                        + "repetitions pooled; dashed lines in the run's colour mark its "
                        + "expected size (c+1)·ln n." + points,
                chart);
    }

    static Optional<Figure> latency(List<ComparedRun> runs) {
        List<LatencyCdf.Cdf> cdfs = new ArrayList<>();
        List<ComparedRun> drawn = new ArrayList<>();
        for (ComparedRun run : runs) {
            List<BroadcastRow> rows = measured(preferred(run.run().broadcasts(), BroadcastRow::membership));
            if (!rows.isEmpty()) {
                cdfs.add(LatencyCdf.of(run.label() + " t99", rows, BroadcastRow::t99Ms));
                cdfs.add(LatencyCdf.of(run.label() + " t100", rows, BroadcastRow::t100Ms));
                drawn.add(run);
                drawn.add(run);
            }
        }
        if (cdfs.isEmpty()) {
            return Optional.empty();
        }
        String title = "Latency distribution";
        JFreeChart chart = DistributionCharts.latencyCdf(title, "CDF of t99 and t100 per run", cdfs);
        paint(chart, 0, drawn);
        return Optional.of(new Figure("compare-latency-cdf.png", title,
                "Share of each run's broadcasts that had reached 99 % (dashed) and 100 % (solid) of "
                        + "the live nodes within a given delay, " + COLOURS + "; curves ending "
                        + "below 1 show broadcasts that never got there."
                        + pooled(drawn.stream().distinct().toList()),
                chart));
    }

    /**
     * The caption's sentence on the runs of several points among {@code runs}, whose broadcasts a
     * chart pools ({@code small-sweep pools all 3 points of its sweep of network.loss (0, 0.1, 0.2).});
     * empty when every run has one point.
     */
    static String pooled(List<ComparedRun> runs) {
        StringBuilder text = new StringBuilder();
        for (ComparedRun run : runs) {
            int points = pointCount(run.run());
            if (points > 1) {
                text.append(' ').append(run.label()).append(" pools all ").append(points).append(" points")
                        .append(sweepText(run.run())).append('.');
            }
        }
        return text.toString();
    }

    /** {@code  of its sweep of network.loss (0, 0.1, 0.2)}, or empty when the run names no sweep. */
    static String sweepText(RunData run) {
        Optional<String> parameter = Sweep.parameter(run.points());
        if (parameter.isEmpty()) {
            return "";
        }
        List<String> values = run.points().stream().sorted(Comparator.comparingInt(PointRow::point))
                .map(PointRow::valueLabel).distinct().toList();
        return " of its sweep of " + parameter.get() + " (" + String.join(", ", values) + ")";
    }

    /** How many points the run has (distinct point numbers of points.csv). */
    static int pointCount(RunData run) {
        return (int) run.points().stream().mapToInt(PointRow::point).distinct().count();
    }

    /** {@code network.loss=0 (point 0)}: a point named by its swept value, or {@code point 0}. */
    static String pointName(RunData run, int point) {
        return run.points().stream().filter(p -> p.point() == point).findFirst()
                .map(p -> p.parameter().isEmpty() ? p.label() : p.label() + " (point " + point + ")")
                .orElse("point " + point);
    }

    /**
     * The caption's sentences on the runs of one point drawn as a single marker, and on the runs
     * left out of a chart against the swept parameter.
     */
    static String drawnAndLeftOut(ComparedSweep swept) {
        StringBuilder text = new StringBuilder();
        List<ComparedSweep.Member> single = swept.onePointMembers();
        if (!single.isEmpty()) {
            text.append(" A run of one point is one marker at its value of ").append(swept.parameter())
                    .append(" (from its scenario.yaml): ")
                    .append(String.join("; ", single.stream()
                            .map(m -> m.label() + " at " + m.points().get(0).valueLabel()).toList()))
                    .append('.');
        }
        if (!swept.leftOut().isEmpty()) {
            text.append(" Left out: ").append(String.join("; ", swept.leftOut())).append('.');
        }
        return text.toString();
    }

    /** Adds {@code series} and notes its run, unless it is empty. */
    private static void addIfAny(XYSeriesCollection dataset, List<ComparedRun> runs, ComparedRun run,
            XYSeries series) {
        if (series.getItemCount() > 0) {
            dataset.addSeries(series);
            runs.add(run);
        }
    }

    /** The index of {@code dataset} in {@code plot}, or -1. */
    private static int datasetIndex(XYPlot plot, XYDataset dataset) {
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) == dataset) {
                return i;
            }
        }
        return -1;
    }

    /** Gives series i of dataset {@code index} the colour of {@code runs.get(i)}. */
    private static void paint(JFreeChart chart, int index, List<ComparedRun> runs) {
        paint((XYPlot) chart.getPlot(), index, runs);
    }

    private static void paint(XYPlot plot, int index, List<ComparedRun> runs) {
        if (index < 0) {
            return;
        }
        AbstractRenderer renderer = (AbstractRenderer) plot.getRenderer(index);
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).paint(renderer, i);
        }
    }

    /** Gives series i of dataset {@code index} the colour and marker of {@code runs.get(i)}. */
    private static void mark(XYPlot plot, int index, List<ComparedRun> runs) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer(index);
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).mark(renderer, i);
        }
    }

    /** The SCAMP rows, or the baseline rows when there are no SCAMP rows. */
    private static <T> List<T> preferred(List<T> rows, Function<T, String> membership) {
        List<String> chosen = Memberships.preferScamp(rows, membership);
        if (chosen.isEmpty()) {
            return List.of();
        }
        return rows.stream().filter(r -> membership.apply(r).equals(chosen.get(0))).toList();
    }

    /**
     * The measured ones of {@code broadcasts} ({@link BroadcastRow#measured}), chosen after the
     * membership so that a run's chart keeps to the membership its own report draws.
     */
    private static List<BroadcastRow> measured(List<BroadcastRow> broadcasts) {
        return broadcasts.stream().filter(BroadcastRow::measured).toList();
    }
}
