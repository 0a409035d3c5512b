package io.gossip.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run folders of a comparison, read and checked, before anything is written: at least two,
 * none twice, each a run folder whose result files all parse and hold every row its run wrote.
 * {@code sim compare} loads them, says how their scenarios differ, checks that {@code --out} is
 * none of them, and only then creates {@code --out} and writes the comparison ({@link #write}), so
 * a refused comparison leaves nothing behind.
 */
public final class CompareRuns {
    private final List<ComparedRun> runs;

    private CompareRuns(List<ComparedRun> runs) {
        this.runs = runs;
    }

    /**
     * Why {@code runDirs} cannot be compared as given, or null: fewer than two of them, or one
     * folder given twice (under two spellings too: {@code out/a} and {@code out/./a}, or a link to it).
     */
    public static String inputProblem(List<Path> runDirs) {
        if (runDirs.size() < 2) {
            return "a comparison needs at least two run folders, got " + runDirs.size()
                    + (runDirs.isEmpty() ? "" : " (" + runDirs.get(0) + ")");
        }
        for (int i = 0; i < runDirs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (canonical(runDirs.get(i)).equals(canonical(runDirs.get(j)))) {
                    String same = runDirs.get(i).equals(runDirs.get(j)) ? runDirs.get(i) + " is given twice"
                            : runDirs.get(j) + " and " + runDirs.get(i) + " are the same folder";
                    return same + ": give each run once";
                }
            }
        }
        return null;
    }

    /**
     * Reads and checks every run folder.
     *
     * @throws IllegalArgumentException when {@link #inputProblem} finds a problem
     * @throws ReportException when a folder is not a run folder (no summary.json) or a result file
     *     in it is missing, malformed or cut short ({@link RunCompleteness#checkPresent})
     * @throws IOException when a file cannot be read
     */
    public static CompareRuns load(List<Path> runDirs) throws IOException {
        String problem = inputProblem(runDirs);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ReportFiles.ensureHeadless();
        List<RunData> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(Summary.FILE))) {
                throw new ReportException(dir, "not a run folder (no " + Summary.FILE + ")");
            }
            RunData run = RunData.load(dir);
            RunCompleteness.checkPresent(run);
            runs.add(run);
        }
        return new CompareRuns(ComparedRun.of(runs));
    }

    /**
     * Why the comparison must not be written into {@code outDir}, or null: it is one of the run
     * folders (however spelled), or another run's folder, whose index.html and charts it would
     * replace.
     */
    public String outProblem(Path outDir) {
        Path out = canonical(outDir);
        for (ComparedRun run : runs) {
            if (out.equals(canonical(run.run().dir()))) {
                return "--out " + outDir + " is the run folder " + run.run().dir() + " given to compare: the "
                        + "comparison would replace its index.html and charts; choose another folder";
            }
        }
        if (Files.exists(outDir.resolve(Summary.FILE))) {
            return "--out " + outDir + " is a run folder (it holds " + Summary.FILE + "): the comparison would "
                    + "replace its index.html and charts; choose another folder";
        }
        return null;
    }

    /**
     * How the runs' scenarios differ, one line per key of their scenario.yaml
     * ({@code nodes: 200 in out/a; 300 in out/b}), and a line for each run without a scenario.yaml;
     * empty when they agree (apart from their names).
     */
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        ComparedScenarios.Compared compared = ComparedScenarios.of(runs);
        List<ComparedRun> known = compared.known();
        for (ComparedScenarios.Difference d : compared.differences()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < known.size(); i++) {
                values.add(d.value(i) + " in " + known.get(i).run().dir());
            }
            lines.add(d.key() + ": " + String.join("; ", values));
        }
        for (ComparedRun run : runs) {
            if (!known.contains(run)) {
                lines.add(run.run().dir() + " has no readable " + RunData.SCENARIO_FILE + ": its scenario is not "
                        + "compared");
            }
        }
        return lines;
    }

    /**
     * Writes the comparison's charts and index.html into {@code outDir} (created if needed).
     *
     * @throws IllegalArgumentException when {@link #outProblem} finds a problem
     */
    public ReportResult write(Path outDir) throws IOException {
        String problem = outProblem(outDir);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ReportFiles.ensureHeadless();
        List<Figure> figures = CompareFigures.of(runs);
        List<Path> charts = ReportFiles.writeCharts(outDir, figures);
        Path index = ReportFiles.writeIndex(outDir, CompareReport.page(runs, figures));
        return new ReportResult(charts, index);
    }

    List<ComparedRun> runs() {
        return runs;
    }

    /**
     * {@code path} as the file system sees it: absolute, with links resolved as far as it exists,
     * so two spellings of one folder are equal.
     */
    static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
