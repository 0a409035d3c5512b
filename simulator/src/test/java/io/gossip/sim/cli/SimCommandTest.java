package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, exit codes and error output of the sim command, run in-process. */
class SimCommandTest {
    /** The smallest scenario that runs: ten nodes, one broadcast (CompareCommandTest's runs too). */
    static final String SCENARIO = """
            name: tiny
            seed: 1
            nodes: 10
            timeline:
              - {action: join, atMillis: 0}
              - {action: broadcast, atMillis: 100}
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static void assertContains(String text, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(text.contains(fragment), "'" + fragment + "' missing from:\n" + text);
        }
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CommandRunner.Result r = CommandRunner.run("--help");
        assertEquals(0, r.exitCode());
        assertContains(r.out(), "Usage: sim", "run ", "validate ", "report ", "compare ", "help ",
                "0   success", "1   failure while running", "2   wrong scenario or wrong command line");
    }

    @Test
    void runHelpDescribesEveryOption() {
        CommandRunner.Result r = CommandRunner.run("help", "run");
        assertEquals(0, r.exitCode());
        assertContains(r.out(), "Usage: sim run", "FILE", "--out=DIR", "--seed=N", "--set=KEY=VALUE", "--threads=N",
                "--no-report", "out/<scenario name>/", "Exit codes:");
    }

    @Test
    void helpDescriptionsWrapWithoutStrandingAWordOnItsOwnLine() {
        for (String command : new String[] {"run", "validate", "report", "compare", "live", "node", "fuzz"}) {
            String[] lines = CommandRunner.run(command, "--help").out().split("\\R");
            for (int i = 0; i + 1 < lines.length; i++) {
                String line = lines[i];
                String next = lines[i + 1];
                // Description lines start at the margin; a short one followed by a line that goes on
                // with the same sentence (lower case) is a line our text broke past the help width.
                boolean stranded = !line.isEmpty() && !line.startsWith(" ") && line.length() < 40
                        && !next.isEmpty() && Character.isLowerCase(next.charAt(0));
                assertFalse(stranded, command + " --help breaks a sentence at '" + line + "':\n"
                        + String.join("\n", lines));
            }
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : new String[] {"run", "validate", "report", "compare"}) {
            CommandRunner.Result r = CommandRunner.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertContains(r.out(), "Usage: sim " + command, "Exit codes:");
        }
    }

    @Test
    void versionNamesTheSimulator() {
        CommandRunner.Result r = CommandRunner.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("sim "), r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRunner.Result r = CommandRunner.run();
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "missing COMMAND", "Usage: sim");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandRunner.Result r = CommandRunner.run("run", "x.yaml", "--thread", "2");
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "--thread");
    }

    @Test
    void validateAcceptsAGoodScenarioAndSaysWhatWouldRun() throws IOException {
        CommandRunner.Result r = CommandRunner.run("validate", write(SCENARIO).toString(), "--set", "nodes=20");
        assertEquals(0, r.exitCode(), r.err());
        assertContains(r.out(), "is a valid scenario", "name         tiny", "nodes        20", "seed         1");
    }

    @Test
    void validateRefusesABadScenarioWithItsLocation() throws IOException {
        Path file = write(SCENARIO.replace("nodes: 10", "nodes: ten"));
        CommandRunner.Result r = CommandRunner.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        assertContains(r.err(), file + ":3:8: nodes: expected an integer >= 1, got the text 'ten'",
                "scenario refused (1 problem); nothing was run.");
        assertEquals("", r.out());
    }

    @Test
    void validateListsEveryProblemOfAMappingAtOnceUpToACap() throws IOException {
        Path file = write(SCENARIO.replace("nodes: 10", "nodes: 10\nnetwork: {latancy: 5, los: 0.1, loss: 2}"));
        CommandRunner.Result r = CommandRunner.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals(file + ":4:11: unknown key 'latancy' in network. Did you mean 'latency'? Valid keys: latency, "
                + "regions, loss\n" + file + ":4:23: unknown key 'los' in network. Did you mean 'loss'? Valid keys: "
                + "latency, regions, loss\n" + file + ":4:39: network.loss: must be a number in [0, 1], got 2\n"
                + "scenario refused (3 problems); nothing was run.\n", r.err().replace(System.lineSeparator(), "\n"));
        // A generated timeline with a mistake in every entry: the first ones, and how many more.
        StringBuilder many = new StringBuilder(SCENARIO);
        int wrong = Refusal.MAX_SHOWN + 5;
        for (int i = 0; i < wrong; i++) {
            many.append("  - {action: broadcast, atMillis: -").append(i + 1).append("}\n");
        }
        r = CommandRunner.run("validate", write(many.toString()).toString());
        assertEquals(2, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(Refusal.MAX_SHOWN + 2, lines.size(), r.err());
        assertContains(lines.get(0), ":7:", "timeline.2.atMillis: must be a number >= 0, got -1");
        assertContains(lines.get(Refusal.MAX_SHOWN - 1), "got -" + Refusal.MAX_SHOWN);
        assertEquals("... and 5 more, not shown", lines.get(Refusal.MAX_SHOWN));
        assertEquals("scenario refused (" + wrong + " problems); nothing was run.", lines.get(Refusal.MAX_SHOWN + 1));
    }

    @Test
    void validateOfAMissingFileIsBadInput() {
        CommandRunner.Result r = CommandRunner.run("validate", dir.resolve("none.yaml").toString());
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "no such scenario file");
    }

    @Test
    void runRefusesABadOverrideBeforeRunningAnything() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result r = CommandRunner.run("run", write(SCENARIO).toString(), "--out", out.toString(),
                "--set", "network.los=0.1");
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "--set network.los=0.1: unknown key 'los' in network. Did you mean 'loss'?");
        assertFalse(Files.exists(out), "nothing may be written for a refused scenario");
    }

    @Test
    void runRefusesASeedOptionWhenTheSeedIsSweptAsItRefusesASetOfIt() throws IOException {
        Path out = dir.resolve("out");
        Path file = write(SCENARIO + "sweep: {parameter: seed, values: [1, 2]}\n");
        CommandRunner.Result r = CommandRunner.run("run", file.toString(), "--out", out.toString(), "--seed", "7");
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "--seed 7: seed is swept (sweep.parameter: seed): every point sets it to one of "
                + "sweep.values, so --seed 7 would never be used;", "nothing was run");
        assertFalse(Files.exists(out), "nothing may be written for a refused scenario");
        assertEquals(2, CommandRunner.run("validate", file.toString(), "--seed", "7").exitCode());
    }

    @Test
    void runRejectsZeroThreads() throws IOException {
        CommandRunner.Result r = CommandRunner.run("run", write(SCENARIO).toString(), "--threads", "0");
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "--threads must be >= 1");
    }

    @Test
    void runGivesTheEngineTheAppenderUnlessToldNot() throws IOException {
        for (boolean off : new boolean[] {false, true}) {
            boolean[] seen = new boolean[1];
            Path out = dir.resolve("out-" + off);
            String[] args = off
                    ? new String[] {"run", write(SCENARIO).toString(), "--out", out.toString(), "--no-report",
                            "--no-appender"}
                    : new String[] {"run", write(SCENARIO).toString(), "--out", out.toString(), "--no-report"};
            CommandRunner.Result r = CommandRunner.run((plan, outDir, threads, appender, listener) -> {
                seen[0] = appender;
                Path summary = outDir.resolve("summary.json");
                Files.writeString(summary, "{\"scenario\": \"tiny\", \"reliability\": 1.0}");
                return new Engine.Outcome(summary, 10, 0.1);
            }, d -> "unused", args);
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(!off, seen[0], off ? "--no-appender" : "the default");
        }
    }

    @Test
    void aRunsWarningsGoToTheErrorStreamAsTheyCome() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result r = CommandRunner.run((plan, outDir, threads, appender, listener) -> {
            listener.warning("point 0, repetition 0, scamp: copies outlive the memory");
            Path summary = outDir.resolve("summary.json");
            Files.writeString(summary, "{\"scenario\": \"tiny\", \"reliability\": 1.0}");
            return new Engine.Outcome(summary, 10, 0.1);
        }, d -> "unused", "run", write(SCENARIO).toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("sim run: warning: point 0, repetition 0, scamp: copies outlive the memory\n",
                r.err().replace("\r\n", "\n"));
        assertFalse(r.out().contains("copies outlive"), r.out());
    }

    @Test
    void anOutFolderThatIsAFileIsACommandLineErrorBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("somefile"), "x");
        CommandRunner.Result r = CommandRunner.run("run", write(SCENARIO).toString(), "--out", file.toString());
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "--out " + file + ": it is a file, not a folder");
        assertEquals("", r.out(), "nothing printed before the refusal");
        CommandRunner.Result under = CommandRunner.run("run", write(SCENARIO).toString(), "--out",
                file.resolve("sub").toString());
        assertEquals(2, under.exitCode());
        assertContains(under.err(), "--out " + file.resolve("sub") + ": " + file + " is a file, not a folder");
        CommandRunner.Result live = CommandRunner.run("live", write(SCENARIO).toString(), "--out", file.toString());
        assertEquals(2, live.exitCode());
        assertContains(live.err(), "--out " + file + ": it is a file, not a folder");
        CommandRunner.Result compare = CommandRunner.run("compare", dir.toString(), dir.toString(), "--out",
                file.toString());
        assertEquals(2, compare.exitCode());
        assertContains(compare.err(), "--out " + file + ": it is a file, not a folder");
        assertEquals(null, OutFolder.problem(dir.resolve("not-yet").resolve("a")), "a folder to create is fine");
        assertEquals(null, OutFolder.problem(dir), "an existing folder is fine");
    }

    @Test
    void anUnknownCommandIsNamedWithTheClosestOneInsteadOfTheWholeHelp() {
        CommandRunner.Result typo = CommandRunner.run("rnu", "x.yaml");
        assertEquals(2, typo.exitCode());
        assertEquals("sim: unknown command 'rnu'. Did you mean 'run'?\nCommands: help, run, validate, report, compare, "
                + "fuzz, live, node, live-bench (sim --help)\n", typo.err().replace("\r\n", "\n"));
        CommandRunner.Result unknown = CommandRunner.run("bogus");
        assertEquals(2, unknown.exitCode());
        assertContains(unknown.err(), "sim: unknown command 'bogus'.\n");
        CommandRunner.Result option = CommandRunner.run("run", "--bogus", "x.yaml");
        assertEquals(2, option.exitCode());
        assertContains(option.err(), "Unknown option: '--bogus'", "Usage: sim run");
    }

    /** A folder the system will not create (here under Linux's /proc, which even root cannot write). */
    @Test
    void anOutFolderTheSystemRefusesIsSaidInWordsNotAnExceptionsName() throws IOException {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "Linux only");
        Path refused = proc.resolve("gossip-out-test");
        CommandRunner.Result r = CommandRunner.run("run", write(SCENARIO).toString(), "--out", refused.toString(),
                "--no-report");
        assertEquals(1, r.exitCode(), r.err());
        assertContains(r.err(), "sim run: cannot create the output folder " + refused + ": ");
        assertFalse(r.err().contains("Exception"), r.err());
        // sim compare's case, which needs two run folders to get that far: CompareCommandTest.
    }

    @Test
    void aRunWithoutReportRemovesThePreviousReportOfItsFolderAndNothingElse() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report-charts.txt"), "# list\nreliability-vs-c.png\n");
        for (String name : new String[] {"reliability-vs-c.png", "index.html", "my-own.png", "notes.txt"}) {
            Files.writeString(out.resolve(name), name);
        }
        Engine engine = (plan, outDir, threads, appender, listener) -> {
            Path summary = outDir.resolve("summary.json");
            Files.writeString(summary, "{\"scenario\": \"tiny\", \"reliability\": 1.0}");
            return new Engine.Outcome(summary, 10, 0.1);
        };
        CommandRunner.Result r = CommandRunner.run(engine, d -> "unused", "run", write(SCENARIO).toString(), "--out",
                out.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        assertContains(r.out(), "removed the previous report from " + out + " (it described another run)");
        for (String gone : new String[] {"report-charts.txt", "reliability-vs-c.png", "index.html"}) {
            assertFalse(Files.exists(out.resolve(gone)), gone);
        }
        for (String kept : new String[] {"my-own.png", "notes.txt", "summary.json"}) {
            assertTrue(Files.exists(out.resolve(kept)), kept);
        }
        CommandRunner.Result again = CommandRunner.run(engine, d -> "unused", "run", write(SCENARIO).toString(),
                "--out", out.toString(), "--no-report");
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(again.out().contains("removed"), "nothing to remove the second time: " + again.out());
    }

    /**
     * A run that fails (or is stopped) halfway has already emptied its CSV files: written in place,
     * they would sit beside the previous run's summary.json. Staged, the previous results stay whole.
     */
    @Test
    void engineFailureIsARuntimeFailureThatLeavesThePreviousResultsAsTheyWere() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Map<String, String> previous = Map.of("summary.json", "{\"scenario\": \"before\"}",
                "nodes.csv", "point,node\n0,1\n", "scenario.yaml", "name: before\n");
        for (Map.Entry<String, String> f : previous.entrySet()) {
            Files.writeString(out.resolve(f.getKey()), f.getValue());
        }
        Files.createDirectories(out.resolve(StagedResults.FOLDER)).resolve("nodes.csv").toFile().createNewFile();
        List<List<String>> seen = new ArrayList<>();
        CommandRunner.Result r = CommandRunner.run((plan, outDir, threads, appender, listener) -> {
            seen.add(names(outDir));
            Files.writeString(outDir.resolve("nodes.csv"), "");
            throw new IOException("disk full");
        }, d -> "unused", "run", write(SCENARIO).toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertContains(r.err(), "sim run: failed", "disk full");
        assertEquals(List.of(List.of("scenario.yaml")), seen, "the engine starts without a killed run's leftovers");
        for (Map.Entry<String, String> f : previous.entrySet()) {
            assertEquals(f.getValue(), Files.readString(out.resolve(f.getKey())), f.getKey());
        }
        assertEquals(List.of("nodes.csv", "scenario.yaml", "summary.json"), names(out), "nothing left over");
    }

    @Test
    void aFinishedRunReplacesThePreviousResultsAndLeavesNoStagingFolder() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "{\"scenario\": \"before\"}");
        Files.writeString(out.resolve("notes.txt"), "mine");
        List<Path> staged = new ArrayList<>();
        CommandRunner.Result r = CommandRunner.run((plan, outDir, threads, appender, listener) -> {
            staged.add(outDir);
            Path summary = outDir.resolve("summary.json");
            Files.writeString(summary, "{\"scenario\": \"tiny\", \"reliability\": 1.0}");
            Files.writeString(outDir.resolve("nodes.csv"), "new");
            return new Engine.Outcome(summary, 10, 0.1);
        }, d -> "unused", "run", write(SCENARIO).toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(out.resolve(StagedResults.FOLDER)), staged);
        assertContains(r.out(), "reliability         1.000", "results: " + out);
        assertContains(Files.readString(out.resolve("summary.json")), "tiny");
        assertEquals("new", Files.readString(out.resolve("nodes.csv")));
        assertEquals(List.of("nodes.csv", "notes.txt", "scenario.yaml", "summary.json"), names(out));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runningOutOfMemoryIsARuntimeFailureThatSaysWhatToDo() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result r = CommandRunner.run((plan, outDir, threads, appender, listener) -> {
            throw new OutOfMemoryError("Java heap space");
        }, d -> "unused", "run", write(SCENARIO).toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertContains(r.err(), "sim run: failed: out of memory: the runs needed more than the JVM's heap of",
                "SIM_JVM_OPTS=-Xmx8g", "retransmission horizon", "taken for new again", "flooding");
        assertFalse(r.err().contains("--threads 1"), "a single run has nothing to run one at a time: " + r.err());
        assertContains(RunCommand.outOfMemory(3L << 30, true), "heap of 3072 MB", "or run one run at a time "
                + "(--threads 1). If a warning");
        assertContains(RunCommand.outOfMemory(3L << 30, false), "./sim run ...). If a warning");
    }

    @Test
    void reportFailureAfterARunIsARuntimeFailureThatKeepsTheResults() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result r = CommandRunner.run((plan, outDir, threads, appender, listener) -> {
            Path summary = outDir.resolve("summary.json");
            Files.writeString(summary, "{\"scenario\": \"tiny\", \"reliability\": 1.0}");
            return new Engine.Outcome(summary, 10, 0.1);
        }, d -> {
            throw new IOException("points.csv:3: column 'iv_mean' is empty");
        }, "run", write(SCENARIO).toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertContains(r.out(), "seed 1", "tiny   seed -", "reliability         1.000", "results: " + out);
        assertContains(r.err(), "the result files are complete, but the report failed: points.csv:3",
                "retry with: sim report " + out);
    }

    @Test
    void reportOfAFolderThatIsNotARunIsBadInput() {
        CommandRunner.Result missing = CommandRunner.run("report", dir.resolve("nothing").toString());
        assertEquals(2, missing.exitCode());
        assertContains(missing.err(), "is not a folder");
        CommandRunner.Result empty = CommandRunner.run("report", dir.toString());
        assertEquals(2, empty.exitCode(), empty.err());
    }

    @Test
    void reportOfAResultFileWithAnImpossibleValueIsBadInputNamingFileLineAndColumn() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result run = CommandRunner.run(Engines.simulator(), Engines.reports(), "run",
                write(SCENARIO).toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.err());
        Path coverage = out.resolve("coverage.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(coverage));
        String firstRow = lines.get(1);
        lines.set(1, firstRow.substring(0, firstRow.lastIndexOf(',') + 1) + "7.5");
        Files.write(coverage, lines);

        CommandRunner.Result report = CommandRunner.run(Engines.simulator(), Engines.reports(), "report",
                out.toString());

        assertEquals(2, report.exitCode(), report.err());
        assertContains(report.err(), "sim report: " + coverage
                + ":2: column 'coverage' is out of range: '7.5' (must be from 0 to 1)");
        assertFalse(Files.exists(out.resolve("index.html")), "nothing is drawn");
    }

    /**
     * The audit's four folders: a run's events.csv or timeline.csv missing, its broadcasts.csv or
     * nodes.csv cut to the header. Each was drawn as another run without a word (no action markers,
     * no timeline charts, "no broadcasts" beside a reliability, no histograms).
     */
    @Test
    void reportOfARunFolderMissingAFileOrCutShortIsBadInputNamingTheFile() throws IOException {
        Path run = dir.resolve("run");
        CommandRunner.Result result = CommandRunner.run(Engines.simulator(), Engines.reports(), "run",
                write(SCENARIO + "output: {timelineSampleMillis: 50}\n").toString(), "--out", run.toString(),
                "--no-report");
        assertEquals(0, result.exitCode(), result.err());
        String[][] cases = {
            {"events.csv", "delete", "file is missing: sim run and sim live write it into every run folder"},
            {"timeline.csv", "delete", "file is missing: sim run and sim live write it into every run folder"},
            {"broadcasts.csv", "header", "holds 0 broadcasts of point 0 (scamp) where summary.json counts 1"},
            {"nodes.csv", "header", "holds 0 node rows of point 0 (scamp) repetition 0 where summary.json gives "
                    + "10 node slots"}};
        for (String[] c : cases) {
            Path copy = dir.resolve(c[0] + "-" + c[1]);
            Files.createDirectories(copy);
            try (var files = Files.list(run)) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            Path file = copy.resolve(c[0]);
            if (c[1].equals("delete")) {
                Files.delete(file);
            } else {
                Files.write(file, Files.readAllLines(file).subList(0, 1));
            }
            CommandRunner.Result report = CommandRunner.run(Engines.simulator(), Engines.reports(), "report",
                    copy.toString());
            assertEquals(2, report.exitCode(), c[0] + ": " + report.err());
            assertContains(report.err(), "sim report: " + file + ": " + c[2]);
            assertFalse(Files.exists(copy.resolve("index.html")), "nothing is drawn");
        }
        assertEquals(0, CommandRunner.run(Engines.simulator(), Engines.reports(), "report", run.toString())
                .exitCode(), "the run itself is complete");
    }

    @Test
    void compareNeedsAnOutputFolder() {
        CommandRunner.Result r = CommandRunner.run("compare", dir.toString());
        assertEquals(2, r.exitCode());
        assertContains(r.err(), "--out");
    }
}
