package io.gossip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which charts one run's data supports and builds them with their captions, in the order
 * the report shows them. A chart whose data is absent (no sweep, no timeline) is simply left out.
 */
final class RunFigures {
    /** What a caption calls the data of a run without a sweep and with one repetition. */
    static final String THIS_RUN = "this run";
    /**
     * Which nodes a broadcast's coverage counts (docs/results-format.md): not every node live at
     * some moment, but those live when it was sent that are still live at the end.
     */
    static final String REFERENCE_SET = "those live when it was sent and still live at the end";

    private RunFigures() {
    }

    /** Every chart {@code run} supports. */
    static List<Figure> of(RunData run) {
        List<Figure> figures = new ArrayList<>();
        coverageOverTime(run).ifPresent(figures::add);
        SweepFigures.reliability(run).ifPresent(figures::add);
        SweepFigures.coverageVsParameter(run).ifPresent(figures::add);
        SweepFigures.messagesVsParameter(run).ifPresent(figures::add);
        figures.addAll(ViewSizeFigures.histograms(run));
        SweepFigures.pvScaling(run).ifPresent(figures::add);
        messagesPerNode(run).ifPresent(figures::add);
        duplicateRatio(run).ifPresent(figures::add);
        latency(run).ifPresent(figures::add);
        figures.addAll(timeline(run));
        return figures;
    }

    static Optional<Figure> coverageOverTime(RunData run) {
        if (run.coverage().isEmpty()) {
            return Optional.empty();
        }
        List<CoverageBands.Band> bands = CoverageBands.byMembership(run.coverage());
        String counts = String.join(", ", bands.stream()
                .map(b -> Numbers.counted(b.curves(), Memberships.shortName(b.name()) + " broadcast"))
                .toList());
        String colours = Memberships.colours(bands.stream().map(CoverageBands.Band::name).toList());
        String title = "Coverage over time";
        return Optional.of(new Figure("coverage-over-time.png", title,
                "Fraction of live nodes (" + REFERENCE_SET + ") that had each broadcast against the time "
                        + "since it was sent, "
                        + colours + ": the line is the median over " + counts
                        + inParentheses(everyRepetition(run)) + ", the band spans the 5th to 95th percentile; "
                        + "the sooner the band reaches 1, the faster and more reliable the dissemination."
                        + pooled(run),
                DistributionCharts.coverageOverTime(title, subtitle(run, "median and 5–95 % band"),
                        bands)));
    }

    /** For a sweep, a sentence saying that a chart pools its points; empty otherwise. */
    static String pooled(RunData run) {
        return Sweep.of(run.points()).isEmpty() ? ""
                : " This chart pools every point of the sweep; the charts against the swept "
                        + "parameter tell them apart.";
    }

    /** {@code " (point 2, repetition 0)"}, or nothing for {@code this run}: a caption says "run" already. */
    static String inParentheses(String scope) {
        return scope.equals(THIS_RUN) ? "" : " (" + scope + ")";
    }

    /** {@code every point and repetition}, {@code every repetition} or {@code this run}. */
    static String everyRepetition(RunData run) {
        boolean sweep = Sweep.of(run.points()).isPresent();
        boolean repeated = run.points().stream().anyMatch(p -> p.repetitions() > 1);
        return sweep ? "every point and repetition" : repeated ? "every repetition" : THIS_RUN;
    }

    /**
     * Which data a chart of one point shows, its repetitions averaged: {@code this run} without a
     * sweep and with one repetition; otherwise the point (in a sweep) and {@code mean of 10
     * repetitions} (or {@code 1 repetition}).
     */
    static String averagedScope(RunData run, int point, int repetitions) {
        List<String> parts = new ArrayList<>();
        boolean sweep = Sweep.of(run.points()).isPresent();
        if (sweep) {
            parts.add(pointName(run, point));
        }
        if (repetitions > 1) {
            parts.add("mean of " + repetitions + " repetitions");
        } else if (sweep) {
            parts.add("1 repetition");
        }
        return parts.isEmpty() ? THIS_RUN : String.join(", ", parts);
    }

    /** The most repetitions any membership ran at {@code point}. */
    static int repetitionsOf(RunData run, int point) {
        return run.points().stream().filter(p -> p.point() == point)
                .mapToInt(PointRow::repetitions).max().orElse(1);
    }

    static Optional<Figure> messagesPerNode(RunData run) {
        // The point of the view-size histograms, so the two describe the same runs.
        int point = ViewSizes.of(run.summary(), run.nodes()).map(ViewSizes::point)
                .orElse(run.nodes().stream().mapToInt(NodeRow::point).max().orElse(0));
        BinnedHistogram histogram = MessageStats.messagesSent(run.nodes(), point);
        if (histogram.series().isEmpty()) {
            return Optional.empty();
        }
        String title = "Messages sent per node";
        List<String> memberships = run.nodes().stream().filter(n -> n.point() == point)
                .map(NodeRow::membership).distinct().toList();
        int repetitions = repetitionsOf(run, point);
        // Averaged, not pooled, as the view-size histograms: pooled, the bars of ten repetitions
        // of 10,000 nodes would add up to 100,000 "nodes".
        String averaged = repetitions > 1 ? "; each bar is the mean over the " + repetitions
                + " repetitions of the nodes that sent that many, so the bars add up to the nodes of "
                + "one repetition" : "";
        // Slots no node joined (nodes.csv leaves their figures empty) sent nothing and are no node.
        boolean unused = run.nodes().stream().anyMatch(n -> n.point() == point && !n.joined());
        String onePoint = Sweep.of(run.points()).isPresent()
                ? " Only this point is shown (the one of the view-size histograms); points are not pooled." : "";
        return Optional.of(new Figure("messages-per-node.png", title,
                "How many messages (gossip and membership) each node sent"
                        + (repetitions > 1 ? " in one repetition" : "") + " ("
                        + averagedScope(run, point, repetitions) + ", every node that joined, crashed "
                        + "and departed ones included" + (unused ? "; slots in which no node ever joined "
                        + "are left out" : "") + "), " + Memberships.colours(Memberships.present(memberships,
                                m -> m)) + averaged + "; a narrow histogram means the load "
                        + "is spread evenly over the nodes, a long right tail means a few nodes "
                        + "carry much more than the rest." + onePoint,
                DistributionCharts.messagesHistogram(title, subtitle(run, "bins of "
                        + Numbers.compact(histogram.width()) + " messages"), histogram, repetitions)));
    }

    static Optional<Figure> duplicateRatio(RunData run) {
        if (run.broadcasts().isEmpty() || run.points().isEmpty()) {
            return Optional.empty();
        }
        String title = "Duplicate ratio";
        return Optional.of(new Figure("duplicate-ratio.png", title,
                "Duplicate ratio per point and membership, as computed by the simulator: the share of "
                        + "the gossip copies sent that reached a node which already had that gossip. "
                        + "Every node that gets a gossip forwards it to its whole PartialView, so with "
                        + "fanout F a broadcast costs about F copies per node of which one is new, "
                        + "and about 1 − 1/F is expected" + DuplicateExpectation.text(run)
                        + ". Duplicates are the price of the redundancy that makes gossip "
                        + "reliable, and lower is cheaper at the same reliability.",
                SweepCharts.duplicateRatio(title, subtitle(run, null),
                        Sweep.of(run.points()).map(s -> SweepFigures.xLabel(run, s)).orElse("point"),
                        MessageStats.duplicateRatio(run.points()))));
    }

    static Optional<Figure> latency(RunData run) {
        // An unmeasured broadcast reached no level of its empty reference set: counted, it would read as
        // a broadcast that never got there.
        List<BroadcastRow> measured = run.measuredBroadcasts();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        String title = "Latency distribution";
        return Optional.of(new Figure("latency-cdf.png", title,
                "Share of the " + Numbers.counted(measured.size(), "broadcast") + " that had reached 99 % "
                        + "(dashed) and 100 % (solid) of their live nodes (" + REFERENCE_SET + ") within a "
                        + "given delay; a curve "
                        + "that ends below 1 shows broadcasts that never got there." + unmeasured(run) + pooled(run),
                DistributionCharts.latencyCdf(title, subtitle(run, "CDF of t99 and t100"),
                        LatencyCdf.byMembership(measured))));
    }

    /** For a run with unmeasured broadcasts, a sentence saying a chart leaves them out; empty otherwise. */
    static String unmeasured(RunData run) {
        int count = run.broadcasts().size() - run.measuredBroadcasts().size();
        return count == 0 ? "" : " " + Numbers.counted(count, "unmeasured broadcast") + " (every node live when "
                + (count == 1 ? "it" : "each") + " was sent was gone by the end) " + (count == 1 ? "is" : "are")
                + " left out.";
    }

    static List<Figure> timeline(RunData run) {
        Optional<TimelineView> found = TimelineView.of(run);
        if (found.isEmpty()) {
            return List.of();
        }
        TimelineView v = found.get();
        String which = timelineScope(run, v, true);
        String markers = markersText(v);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("timeline-view-sizes.png", "View sizes over time",
                "Mean, smallest and largest PartialView and mean InView size over the run"
                        + inParentheses(which) + "; the dashed black line is the expected size (c+1)·ln(live nodes)"
                        + markers + ". A healthy membership keeps the mean near the dashed line; a mean "
                        + "that falls away after an action shows lost links, one that comes back "
                        + "shows repair, and a minimum of 0 means some live node has nobody to "
                        + "gossip to. Every link is in one PartialView and one InView, so the two "
                        + "means agree except while links are being made or lead to nodes that are "
                        + "gone: the InView mean is drawn in short vermillion dashes on top of the "
                        + "PartialView mean, which shows between the dashes where they agree.",
                TimelineCharts.viewSizes("View sizes over time", subtitle(run, which), v)));
        figures.add(new Figure("timeline-live-nodes.png", "Live nodes over time",
                "Number of live nodes over the run" + inParentheses(which) + markers + ".",
                TimelineCharts.liveNodes("Live nodes over time", subtitle(run, which), v)));
        if (!v.broadcasts().isEmpty()) {
            String where = timelineScope(run, v, false);
            List<String> present = Memberships.present(v.broadcasts(), BroadcastRow::membership);
            String colours = Memberships.colours(present);
            if (present.size() > 1) {
                colours += "; " + Memberships.displayName(present.get(0)) + "'s dots are filled, "
                        + "the " + Memberships.shortName(present.get(1)) + "'s are hollow rings around "
                        + "them, so both show where they coincide";
            }
            figures.add(new Figure("timeline-broadcast-coverage.png", "Broadcast coverage over time",
                    "Each dot is one broadcast: the fraction of live nodes (" + REFERENCE_SET + ") it finally reached, "
                            + "plotted at the time it was sent" + inParentheses(where) + ", " + colours
                            + ". Dots at 1 reached everyone; dips show when an action "
                            + "hurt dissemination, and dots back at 1 show recovery" + markers + ". The y axis is "
                            + "zoomed to the data, never narrower than 0.99 to 1." + windowText(v),
                    TimelineCharts.broadcastCoverage("Broadcast coverage over time",
                            subtitle(run, where), v)));
        }
        return figures;
    }

    /**
     * Which repetition a timeline chart shows: the point in a sweep, the membership when the run
     * has several (and {@code withMembership}), the repetition when there are several; else
     * {@code this run}.
     */
    static String timelineScope(RunData run, TimelineView v, boolean withMembership) {
        List<String> parts = new ArrayList<>();
        if (Sweep.of(run.points()).isPresent()) {
            parts.add(pointName(run, v.point()));
        }
        if (withMembership && Memberships.present(run.points(), PointRow::membership).size() > 1) {
            parts.add(Memberships.displayName(v.membership()));
        }
        if (repetitionsOf(run, v.point()) > 1) {
            parts.add("repetition " + v.repetition());
        }
        return parts.isEmpty() ? THIS_RUN : String.join(", ", parts);
    }

    /** For a broadcast chart whose time axis spans only the broadcasts, a sentence saying so. */
    static String windowText(TimelineView v) {
        TimelineView.TimeWindow window = v.broadcastWindow();
        if (window.wholeRun()) {
            return "";
        }
        return " The time axis spans only the broadcasts, from " + Numbers.compact(window.fromMs() / 1000)
                + " s to " + Numbers.compact(window.toMs() / 1000) + " s of a run of "
                + Numbers.compact(v.endMs() / 1000) + " s (on the whole run's axis the dots stood in "
                + "one column); actions outside that stretch are marked on the other timeline charts.";
    }

    /** What the grey lines of a timeline chart are, and which frequent actions they leave out. */
    static String markersText(TimelineView v) {
        if (v.events().isEmpty()) {
            return "";
        }
        String text = v.markers().isEmpty() ? "" : "; thin grey lines mark the timeline's actions, "
                + "labelled in the tinted band above the data";
        if (v.markers().size() > ChartTheme.LABEL_ROWS) {
            text += " (where " + ChartTheme.LABEL_ROWS + " rows of labels cannot hold every label apart, "
                    + "neighbouring actions share one, as in “3 actions 35–36 s”; "
                    + "events.csv lists each)";
        }
        if (!v.unmarked().isEmpty()) {
            List<String> counts = new ArrayList<>();
            v.unmarked().forEach((action, count) -> counts.add(Numbers.counted(count, action)));
            text += "; not marked one by one: " + String.join(", ", counts);
        }
        return text;
    }

    /** {@code point 2 (nodes=5,000)} for a sweep, {@code point 0} otherwise. */
    static String pointName(RunData run, int point) {
        return run.points().stream().filter(p -> p.point() == point).findFirst()
                .filter(p -> !p.valueText().isEmpty())
                .map(p -> "point " + point + " (" + p.label() + ")")
                .orElse("point " + point);
    }

    /** {@code scenario · detail}. */
    static String subtitle(RunData run, String detail) {
        String scenario = run.summary().scenario();
        return detail == null ? scenario : scenario + " · " + detail;
    }

    /** A name reduced to letters, digits and dashes, for file names. */
    static String fileSafe(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return safe.isEmpty() ? "x" : safe;
    }
}
