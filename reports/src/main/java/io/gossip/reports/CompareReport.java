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
 * <p>Every run folder is read and checked before anything is written ({@link CompareRuns}).
 */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * Builds the comparison of {@code runDirs} into {@code outDir} (created if needed).
     *
     * @return the charts and the page written into {@code outDir}
     * @throws IllegalArgumentException when there are fewer than two {@code runDirs}, one is given
     *     twice, or {@code outDir} is a run folder ({@link CompareRuns#inputProblem},
     *     {@link CompareRuns#outProblem})
     * @throws ReportException when a folder is not a run folder or a required result file is
     *     missing or malformed
     * @throws IOException when a file cannot be read or written
     */
    public static ReportResult build(List<Path> runDirs, Path outDir) throws IOException {
        return CompareRuns.load(runDirs).write(outDir);
    }

    /** The comparison page of {@code runs} showing {@code figures}. */
    static String page(List<ComparedRun> runs, List<Figure> figures) {
        Html html = new Html("Comparison of " + runs.size() + " runs");
        html.heading("Summary");
        List<String> header = new ArrayList<>();
        header.add("");
        runs.forEach(r -> header.add(r.label()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Run folder", ComparedRun.folderSuffixes(runs.stream().map(ComparedRun::run).toList())));
        rows.add(row("Colour and marker", runs.stream().map(ComparedRun::style).toList()));
        rows.add(row("Points", runs.stream().map(r -> points(r.run())).toList()));
        rows.add(row("Differences", differences(runs)));
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

    /**
     * Each run's value of every scenario key in which the runs differ ({@code nodes=200;
     * seed=1}), {@code none} where they agree, and what is known without a scenario.yaml.
     */
    static List<String> differences(List<ComparedRun> runs) {
        ComparedScenarios.Compared compared = ComparedScenarios.of(runs);
        List<ComparedScenarios.Difference> differences = compared.differences();
        List<String> cells = new ArrayList<>();
        for (ComparedRun run : runs) {
            int at = compared.known().indexOf(run);
            if (at < 0) {
                cells.add("unknown: no readable " + RunData.SCENARIO_FILE);
            } else if (differences.isEmpty()) {
                cells.add("none: the scenarios agree apart from their names");
            } else {
                cells.add(String.join("; ", differences.stream().map(d -> d.shown(at)).toList()));
            }
        }
        return cells;
    }
}
