package io.gossip.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of several runs: coverage over time, reliability against a swept parameter,
 * view-size histograms and latency distributions of every run on the same axes, each run in the
 * colour, marker and label of its place among the runs given ({@link ComparedRun}), written as PNGs
 * and an {@code index.html} into one folder.
 *
 * <p>Every run folder is read and checked before anything is written.
 */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * Builds the comparison of {@code runDirs} into {@code outDir} (created if needed).
     *
     * @return the charts and the page written into {@code outDir}
     * @throws IllegalArgumentException when {@code runDirs} is empty
     * @throws ReportException when a required result file is missing or malformed
     * @throws IOException when a file cannot be read or written
     */
    public static ReportResult build(List<Path> runDirs, Path outDir) throws IOException {
        if (runDirs.isEmpty()) {
            throw new IllegalArgumentException("no run folders to compare");
        }
        ReportFiles.ensureHeadless();
        List<RunData> loaded = new ArrayList<>();
        for (Path dir : runDirs) {
            loaded.add(RunData.load(dir));
        }
        List<ComparedRun> runs = ComparedRun.of(loaded);
        List<Figure> figures = CompareFigures.of(runs);
        List<Path> charts = ReportFiles.writeCharts(outDir, figures);
        Path index = ReportFiles.writeIndex(outDir, page(runs, figures));
        return new ReportResult(charts, index);
    }

    /** The comparison page of {@code runs} showing {@code figures}. */
    static String page(List<ComparedRun> runs, List<Figure> figures) {
        Html html = new Html("Comparison of " + runs.size() + " runs");
        html.heading("Summary");
        List<String> header = new ArrayList<>();
        header.add("");
        runs.forEach(r -> header.add(r.label()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Run folder", runs.stream().map(r -> r.run().folderName()).toList()));
        rows.add(row("Colour and marker", runs.stream().map(ComparedRun::style).toList()));
        rows.add(row("Points", runs.stream().map(r -> points(r.run())).toList()));
        rows.addAll(SummaryTable.rows(runs.stream().map(r -> r.run().summary()).toList()));
        html.table(header, rows);
        html.heading("Charts");
        if (figures.isEmpty()) {
            html.paragraph("The result files hold no data to chart.", true);
        }
        for (Figure figure : figures) {
            html.figure(figure.fileName(), figure.title(), figure.caption());
        }
        for (ComparedRun run : runs) {
            if (run.run().scenarioYaml().isPresent()) {
                html.heading("Scenario: " + run.label());
                html.pre(run.run().scenarioYaml().get());
            }
        }
        return html.end();
    }

    private static List<String> row(String label, List<String> cells) {
        List<String> row = new ArrayList<>();
        row.add(label);
        row.addAll(cells);
        return row;
    }

    /**
     * The run's points in words: {@code 1}, or {@code all 3 of its sweep of network.loss (0, 0.1, 0.2),
     * pooled in the figures below}: summary.json's figures aggregate every point.
     */
    static String points(RunData run) {
        int count = CompareFigures.pointCount(run);
        if (count <= 1) {
            return Integer.toString(count);
        }
        return "all " + count + CompareFigures.sweepText(run) + ", pooled in the figures below";
    }
}
