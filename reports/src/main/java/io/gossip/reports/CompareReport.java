package io.gossip.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison of several runs: coverage over time, reliability against a swept parameter,
 * view-size histograms and latency distributions of every run on the same axes, with a legend
 * naming each run by its scenario, written as PNGs and an {@code index.html} into one folder.
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
        List<RunData> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            runs.add(RunData.load(dir));
        }
        List<Figure> figures = CompareFigures.of(runs);
        List<Path> charts = ReportFiles.writeCharts(outDir, figures);
        Path index = ReportFiles.writeIndex(outDir, page(runs, figures));
        return new ReportResult(charts, index);
    }

    /** The comparison page of {@code runs} showing {@code figures}. */
    static String page(List<RunData> runs, List<Figure> figures) {
        List<String> labels = CompareFigures.labels(runs);
        Html html = new Html("Comparison of " + runs.size() + " runs");
        html.heading("Summary");
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(labels);
        List<List<String>> rows = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        folders.add("Run folder");
        runs.forEach(r -> folders.add(r.folderName()));
        rows.add(folders);
        rows.addAll(SummaryTable.rows(runs.stream().map(RunData::summary).toList()));
        html.table(header, rows);
        html.heading("Charts");
        if (figures.isEmpty()) {
            html.paragraph("The result files hold no data to chart.", true);
        }
        for (Figure figure : figures) {
            html.figure(figure.fileName(), figure.title(), figure.caption());
        }
        for (int i = 0; i < runs.size(); i++) {
            RunData run = runs.get(i);
            if (run.scenarioYaml().isPresent()) {
                html.heading("Scenario: " + labels.get(i));
                html.pre(run.scenarioYaml().get());
            }
        }
        return html.end();
    }
}
