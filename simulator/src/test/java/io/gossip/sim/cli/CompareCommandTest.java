package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim compare} on real run folders: what it refuses before writing anything (exit 2, and
 * no --out folder left behind), and the scenario keys in which the runs differ on stderr and on
 * the page.
 */
class CompareCommandTest {
    private static final String SCENARIO = SimCommandTest.SCENARIO;

    @TempDir
    static Path runs;

    static Path small;
    static Path large;

    @TempDir
    Path dir;

    /** Two runs of one scenario, 10 and 12 nodes, with their own reports. */
    @BeforeAll
    static void runTwice() throws IOException {
        Path file = Files.writeString(runs.resolve("tiny.yaml"), SCENARIO);
        small = runs.resolve("small");
        large = runs.resolve("large");
        for (String[] run : new String[][] {{small.toString(), "nodes=10"}, {large.toString(), "nodes=12"}}) {
            CommandRunner.Result r = CommandRunner.run(Engines.simulator(), Engines.reports(), "run", file.toString(),
                    "--out", run[0], "--set", run[1], "--threads", "1");
            assertEquals(0, r.exitCode(), r.out() + r.err());
        }
    }

    private static CommandRunner.Result compare(String... args) {
        return CommandRunner.run(Engines.simulator(), Engines.reports(), Stream.concat(Stream.of("compare"),
                Stream.of(args)).toArray(String[]::new));
    }

    private static void assertContains(String text, String fragment) {
        assertTrue(text.contains(fragment), "'" + fragment + "' missing from:\n" + text);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void printsTheKeysInWhichTheScenariosDifferAndNamesTheRunsByThem() throws IOException {
        Path out = dir.resolve("out");
        CommandRunner.Result r = compare(small.toString(), large.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("sim compare: the runs' scenarios differ (scenario.yaml):\n  nodes: 10 in " + small
                + "; 12 in " + large + "\n", r.err().replace("\r\n", "\n"));
        String html = Files.readString(out.resolve("index.html"));
        assertContains(html, "<th>tiny (nodes=10)</th><th>tiny (nodes=12)</th>");
        assertContains(html, "<tr><th>Differences</th><td class=\"num\">nodes=10</td><td class=\"num\">nodes=12</td>");
    }

    @Test
    void refusesAnOutputFolderThatIsAnInputRunAndLeavesTheRunAlone() throws IOException {
        List<String> before = files(small);
        String page = Files.readString(small.resolve("index.html"));
        for (Path out : List.of(small, small.resolve("."), small.resolve("sub").resolve(".."))) {
            CommandRunner.Result r = compare(small.toString(), large.toString(), "--out", out.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("sim compare: --out " + out + " is the run folder " + small + " given to compare: the "
                    + "comparison would replace its index.html and charts; choose another folder\n",
                    r.err().replace("\r\n", "\n"));
            assertEquals("", r.out());
        }
        assertEquals(before, files(small));
        assertEquals(page, Files.readString(small.resolve("index.html")));
    }

    @Test
    void refusesOneRunAndTheSameRunTwice() {
        Path out = dir.resolve("out");
        CommandRunner.Result one = compare(small.toString(), "--out", out.toString());
        assertEquals(2, one.exitCode(), one.err());
        assertContains(one.err(), "sim compare: a comparison needs at least two run folders, got 1 (" + small + ")");
        CommandRunner.Result twice = compare(small.toString(), small.toString(), "--out", out.toString());
        assertEquals(2, twice.exitCode(), twice.err());
        assertContains(twice.err(), "sim compare: " + small + " is given twice: give each run once");
        String otherwise = small.resolve(".").toString();
        CommandRunner.Result spelled = compare(small.toString(), otherwise, "--out", out.toString());
        assertEquals(2, spelled.exitCode(), spelled.err());
        assertContains(spelled.err(), "sim compare: " + small + " and " + otherwise + " are the same folder");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aRefusedInputLeavesNoOutputFolderBehind() throws IOException {
        Path notARun = Files.createDirectories(dir.resolve("not-a-run"));
        Path out = dir.resolve("out");
        CommandRunner.Result r = compare(small.toString(), notARun.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("sim compare: " + notARun + ": not a run folder (no summary.json)\n",
                r.err().replace("\r\n", "\n"));
        assertFalse(Files.exists(out), "--out is created only once every input is read");

        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        for (String file : files(large)) {
            if (Files.isRegularFile(large.resolve(file))) {
                Files.copy(large.resolve(file), corrupt.resolve(file));
            }
        }
        Files.writeString(corrupt.resolve("points.csv"), "not,a,points,file\n");
        CommandRunner.Result bad = compare(small.toString(), corrupt.toString(), "--out", out.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertContains(bad.err(), "sim compare: " + corrupt.resolve("points.csv"));
        assertFalse(Files.exists(out), "--out is created only once every input is read");
    }

    /** A folder the system will not create (here under Linux's /proc, which even root cannot write). */
    @Test
    void anOutFolderTheSystemRefusesIsSaidInWords() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "Linux only");
        Path refused = proc.resolve("gossip-out-test");
        CommandRunner.Result r = compare(small.toString(), large.toString(), "--out", refused.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertContains(r.err(), "sim compare: cannot create the output folder " + refused + ": ");
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
