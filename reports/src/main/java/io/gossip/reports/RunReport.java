package io.gossip.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one run: reads the result files of a run folder (docs/results-format.md) and
 * writes PNG charts and a self-contained {@code index.html} into the same folder.
 *
 * <p>Everything is read and checked before anything is written, so a missing, malformed or
 * truncated result file leaves the folder untouched and the error names the file (and the line,
 * where one is at fault). The same folder always produces the same page.
 */
public final class RunReport {
    /** What the page says when the scenario broadcast nothing. */
    static final String NO_BROADCASTS = "This run has no broadcasts (its timeline has no broadcast "
            + "action, or skipped each one because its source was not live: events.csv lists them), so there "
            + "is nothing to measure dissemination by: the charts of coverage, "
            + "reliability, latency and duplicates are left out, and the coverage, reliability and "
            + "latency figures above read –. The membership charts below are still drawn.";

    /** What the page says when every broadcast was unmeasured. */
    static final String NONE_MEASURED = "Every broadcast of this run is unmeasured: every node live when it was "
            + "sent had crashed or left by the end of the run, so no node is left to measure it over "
            + "(broadcasts.csv leaves coverage and complete empty). The charts of coverage, reliability and "
            + "latency are left out, and the coverage, reliability and latency figures above read –; its "
            + "messages and duplicates are real and counted. The membership charts below are still drawn.";

    private RunReport() {
    }

    /**
     * Builds the report of the run in {@code runDir}.
     *
     * @return the charts and the page written into {@code runDir}
     * @throws ReportException when a result file is missing, malformed or cut short
     * @throws IOException when a file cannot be read or written
     */
    public static ReportResult build(Path runDir) throws IOException {
        ReportFiles.ensureHeadless();
        return build(RunData.loadComplete(runDir));
    }

    /**
     * Writes the report of {@code run}, read already, into its folder. {@link #build(Path)} gives
     * it a run read by {@link RunData#loadComplete}; tests give it hand-written folders of a few rows.
     */
    static ReportResult build(RunData run) throws IOException {
        ReportFiles.ensureHeadless();
        List<Figure> figures = RunFigures.of(run);
        List<Path> charts = ReportFiles.writeCharts(run.dir(), figures);
        Path index = ReportFiles.writeIndex(run.dir(), page(run, figures));
        return new ReportResult(charts, index);
    }

    /**
     * Removes the report a previous build wrote into {@code runDir} (its charts, their list and
     * index.html), for a run written there without a report: the old page would describe another
     * run. Every other file stays; nothing happens where no report was written.
     *
     * @return whether there was a report to remove
     * @throws IOException when a file cannot be deleted
     */
    public static boolean removeFrom(Path runDir) throws IOException {
        return ReportFiles.removePreviousReport(runDir);
    }

    /** The summary table's label of the reliability that a run's InView sizes predict. */
    static final String PREDICTION_ROW = "Reliability predicted from InView sizes";

    private static final String PREDICTION_TEXT = " Where the table predicts the reliability from InView "
            + "sizes, a node is taken to miss a broadcast only when the copies from every node of its "
            + "InView (the nodes that gossip to it) are lost, each with the measured share of copies "
            + "lost: a reliability well below it points to something other than a few nodes with small "
            + "InViews (docs/reports.md, \"The prediction from InView sizes\").";

    /**
     * {@code rows} with, after the reliability, what SCAMP's InView sizes predict for a run of one
     * point ({@link InViewPrediction}; a sweep draws it per point on its reliability chart), when
     * there is a prediction: it says whether a reliability below 1 is what the InViews and the
     * measured loss lead to (a few nodes with small InViews) or something else.
     */
    static List<List<String>> withPrediction(List<List<String>> rows, RunData run) {
        // A sweep's chart already walks every node for this; a sweep's page need not do it again.
        if (run.summary().sweep() != null) {
            return rows;
        }
        List<InViewPrediction> predictions = InViewPrediction.of(run.measuredBroadcasts(), run.nodes());
        if (predictions.size() != 1) {
            return rows;
        }
        InViewPrediction p = predictions.get(0);
        String value = Numbers.percent(p.reliability()) + " (" + Numbers.percent(p.copyFailure())
                + " of copies lost; " + Numbers.fixed(p.expectedMisses(), 3)
                + " nodes expected to miss each broadcast)";
        List<List<String>> with = new ArrayList<>();
        for (List<String> row : rows) {
            with.add(row);
            if (row.get(0).equals(SummaryTable.RELIABILITY)) {
                with.add(List.of(PREDICTION_ROW, value));
            }
        }
        return with;
    }

    /** What the summary's paragraph adds for a run with unmeasured broadcasts. */
    private static final String UNMEASURED_TEXT = " A broadcast with no such node (every node live when it was "
            + "sent was gone by the end) is unmeasured: it counts in no coverage, reliability or latency figure.";

    /** The page of {@code run} showing {@code figures}. */
    static String page(RunData run, List<Figure> figures) {
        Summary summary = run.summary();
        Html html = new Html(summary.scenario());
        html.heading("Scenario");
        run.scenarioYaml().ifPresentOrElse(html::pre,
                () -> html.paragraph(RunData.SCENARIO_FILE + " was not found in the run folder.", true));
        html.heading("Summary");
        List<List<String>> rows = withPrediction(SummaryTable.rows(List.of(summary)), run);
        boolean predicted = rows.stream().anyMatch(row -> row.get(0).equals(PREDICTION_ROW));
        html.paragraph("Aggregate over every point and repetition of the "
                + (run.points().stream().anyMatch(p -> p.membership().equals(CsvRow.SCAMP))
                        ? "SCAMP" : "baseline")
                + " runs. Coverage is the fraction of live nodes a broadcast reached, counting the nodes live "
                + "when it was sent that are still live at the end (its origin too, if it is); reliability is "
                + "the share of broadcasts that reached every such node."
                + (run.measuredBroadcasts().size() < run.broadcasts().size() ? UNMEASURED_TEXT : "")
                + (predicted ? PREDICTION_TEXT : ""),
                false);
        html.table(List.of("", summary.scenario()), rows);
        if (run.points().size() > 1) {
            html.heading("Per point");
            html.paragraph("One row per point of the sweep and membership, from points.csv.", false);
            html.table(PointTable.header(run.points()), PointTable.rows(run.points()));
        }
        html.heading("Charts");
        if (run.broadcasts().isEmpty()) {
            html.paragraph(NO_BROADCASTS, false);
        } else if (run.measuredBroadcasts().isEmpty()) {
            html.paragraph(NONE_MEASURED, false);
        }
        if (figures.isEmpty()) {
            html.paragraph("The result files hold no data to chart.", true);
        }
        for (Figure figure : figures) {
            html.figure(figure.fileName(), figure.title(), figure.caption());
        }
        return html.end();
    }
}
