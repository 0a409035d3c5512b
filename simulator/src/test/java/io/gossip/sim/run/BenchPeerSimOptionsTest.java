package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bench peersim}'s command line, and its summary of pairs, run through the script itself:
 * every refusal comes before anything is compiled, built or run, and the summary is a shell
 * function of the script, so these need neither PeerSim nor a build.
 */
class BenchPeerSimOptionsTest {
    /** The script at the repository root; tests run in the simulator module's folder. */
    private static final Path BENCH = Path.of("..", "bench");

    @TempDir
    Path dir;

    @Test
    void helpDescribesTheCommandAndItsPairs() throws Exception {
        Result help = bench("peersim", "--help");
        assertEquals(0, help.code, help.err);
        assertTrue(help.out.contains("Usage: ./bench peersim --peersim DIR --nodes N"), help.out);
        assertTrue(help.out.contains("--pairs K runs K pairs"), help.out);
        assertTrue(help.out.contains("--ceiling adds a run of ./bench ceiling"), help.out);
    }

    @Test
    void badCommandLinesAreRefusedWithExitTwo() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path notPeerSim = Files.createDirectory(dir.resolve("other"));
        Files.writeString(notPeerSim.resolve("peersim-1.0.5.jar"), "not a jar");
        String home = empty.toString();
        refused("name PeerSim's folder with --peersim DIR (or PEERSIM_HOME)", "peersim", "--nodes", "1000");
        refused("--nodes N is needed", "peersim", "--peersim", home);
        refused("--nodes needs a value", "peersim", "--peersim", home, "--nodes");
        refused("--nodes needs a value", "peersim", "--peersim", home, "--nodes", "--pairs", "2");
        refused("--nodes must be a whole number up to 999999999, not '1e5'", "peersim", "--peersim", home,
                "--nodes", "1e5");
        refused("--nodes must be a whole number up to 999999999, not '3000000000'", "peersim", "--peersim", home,
                "--nodes", "3000000000");
        refused("--pairs must be a whole number up to 999999999, not 'two'", "peersim", "--peersim", home,
                "--nodes", "100", "--pairs", "two");
        refused("--seed must be a whole number of at most 18 digits, not '99999999999999999999'", "peersim",
                "--peersim", home, "--nodes", "100", "--seed", "99999999999999999999");
        // read in base 10 (bash took 08 for a bad octal number and refused it as fewer than one broadcast)
        refused("no jar in '" + home + "' holds", "peersim", "--peersim", home, "--nodes", "0100", "--broadcasts", "08",
                "--seed", "-07");
        refused("needs --nodes 2 or more and --broadcasts 1 or more", "peersim", "--peersim", home,
                "--nodes", "100", "--broadcasts", "0");
        refused("--k must be 1 to N-1, not '100'", "peersim", "--peersim", home, "--nodes", "100", "--k", "100");
        refused("--appender must be on or off, not 'yes'", "peersim", "--peersim", home, "--nodes", "100",
                "--appender", "yes");
        refused("--ceiling goes with --pairs K", "peersim", "--peersim", home, "--nodes", "100", "--ceiling");
        refused("unknown option '--node'", "peersim", "--peersim", home, "--node", "100");
        refused("no jar in '" + home + "' holds peersim.edsim.EDSimulator", "peersim", "--peersim", home,
                "--nodes", "100");
        refused("no jar in '" + notPeerSim + "' holds peersim.edsim.EDSimulator", "peersim", "--peersim",
                notPeerSim.toString(), "--nodes", "100");
    }

    /** PeerSim is the user's to provide: a refusal says which jars it takes and where they come from. */
    @Test
    void aFolderWithoutPeerSimIsRefusedSayingWhatIsNeeded() throws Exception {
        String needed = "PeerSim 1.0.5's jars, as its distribution holds them (peersim-1.0.5.jar, jep-2.3.0.jar,"
                + " djep-1.0.0.jar; peersim-1.0.5.zip from peersim.sourceforge.net)";
        Path missing = dir.resolve("missing");
        refused("there is no folder '" + missing + "'; --peersim DIR (or PEERSIM_HOME) names the folder of " + needed,
                "peersim", "--peersim", missing.toString(), "--nodes", "100");
        String empty = Files.createDirectory(dir.resolve("empty")).toString();
        refused("no jar in '" + empty + "' holds peersim.edsim.EDSimulator; name the folder of " + needed,
                "peersim", "--peersim", empty, "--nodes", "100");
        refused("the folder of PeerSim 1.0.5's jars, which this project does not ship", "peersim", "--nodes", "100");
    }

    /** --k read as bash reads numbers, 010 was checked as eight (and given to PeerSim as ten); 09 was an error. */
    @Test
    void kIsReadInBaseTenAsTheOtherNumbers() throws Exception {
        String home = Files.createDirectory(dir.resolve("empty")).toString();
        refused("--k must be 1 to N-1, not '010'", "peersim", "--peersim", home, "--nodes", "10", "--k", "010");
        Result nine = bench("peersim", "--peersim", home, "--nodes", "10", "--k", "09");
        assertEquals(2, nine.code, nine.err);
        // Past the check, to the folder's (no bash error before it).
        assertTrue(nine.err.startsWith("bench peersim: no jar in '" + home + "' holds"), nine.err);
        refused("--k must be 1 to N-1, not '99999999999999999999'", "peersim", "--peersim", home, "--nodes", "10",
                "--k", "99999999999999999999");
    }

    @Test
    void pairsAreSummarisedByTheRangeAndTheMedianOfTheirRatios() throws Exception {
        // The script's own pair_summary, given pair_ratios's lines (broadcast phase, whole run).
        String summary = "eval \"$(sed -n '/^pair_summary() {/,/^}/p' " + BENCH + ")\"; "
                + "printf '%s' \"$1\" | pair_summary 'ours over PeerSim'";
        Result odd = run(List.of("bash", "-c", summary, "summary", "7.1 3.2\n10.5 4\n6.2 3.9\n"));
        assertEquals("ours over PeerSim, 3 pairs: broadcast phase 6.20-10.50x (median 7.10x), whole run with "
                + "joins 3.20-4.00x (median 3.90x)\n", odd.out, odd.err);
        Result even = run(List.of("bash", "-c", summary, "summary", "7.1 3.2\n10.5 4\n6.2 3.9\n8 5\n"));
        assertEquals("ours over PeerSim, 4 pairs: broadcast phase 6.20-10.50x (median 7.55x), whole run with "
                + "joins 3.20-5.00x (median 3.95x)\n", even.out, even.err);
    }

    @Test
    void theBareLoopIsReadPhaseByPhase() throws Exception {
        // The script's own functions, given runs of PeerSim, ./bench ceiling and ./bench scale as they
        // print their JSON lines (only the fields read here). PeerSim's one rate is read for both phases.
        String functions = "eval \"$(sed -n '/^json_number() {/,/^}/p;/^pair_ratios() {/,/^}/p;"
                + "/^bare_line() {/,/^}/p' " + BENCH + ")\"; ";
        String peerSim = "{\"simulator\":\"peersim\",\"simSeconds\":16.000,\"eventsPerSecond\":700000}";
        String bare = "{\"benchmark\":\"ceiling\",\"simSeconds\":5.000,\"eventsPerSecond\":5000000,"
                + "\"broadcastPhaseEventsPerSecond\":9000000}";
        String ours = "{\"benchmark\":\"scale\",\"simSeconds\":12.000,\"eventsPerSecond\":2000000,"
                + "\"broadcastPhaseEventsPerSecond\":4500000}";
        Result ratios = run(List.of("bash", "-c", functions + "pair_ratios \"$1\" \"$2\"; pair_ratios \"$2\" \"$3\"",
                "ratios", peerSim, bare, ours));
        assertEquals("12.8571429 7.14285714\n0.5 0.4\n", ratios.out, ratios.err);
        Result line = run(List.of("bash", "-c", functions + "bare_line \"$1\" \"$(pair_ratios \"$2\" \"$1\")\" "
                + "\"$(pair_ratios \"$1\" \"$3\")\"", "line", bare, peerSim, ours));
        assertEquals("  bare loop: broadcast phase 9.000 M/s, whole run 5.000 M/s (5.00 s) | over PeerSim 12.86x"
                + " broadcast phase, 7.14x whole run | ours at 50% and 40% of it\n", line.out, line.err);
    }

    /** The script's functions that run one JVM of a pair, with the traps ./bench peersim sets. */
    private static final String PAIR_RUN = "set -euo pipefail; eval \"$(sed -n '/^temporary_files=()$/p;"
            + "/^collector_option() {/,/^}/p;/^bench_java() {/,/^}/p;/^clean_up() {/,/^}/p;"
            + "/^clean_up_on_exit() {/,/^}/p;/^temporary_file() {/,/^}/p;/^wait_for() {/,/^}/p;"
            + "/^pair_run() {/,/^}/p' " + BENCH + ")\"; clean_up_on_exit; "
            + "pair_run ours './bench scale' -cp sim.jar Main; echo \"ours: $ours\"";

    @Test
    void aPairsRunLeavesNothingBehind() throws Exception {
        Result ok = pairRun("json");
        assertEquals(0, ok.code, ok.err);
        assertEquals("ours: {\"eventsPerSecond\":5}\n", ok.out, ok.err);
        assertEquals(List.of(), leftIn(dir.resolve("tmp")));
        Result failed = pairRun("fail");
        assertEquals(1, failed.code, failed.err);
        assertTrue(failed.err.contains("boom\nbench peersim: the ./bench scale run failed (its output above)"),
                failed.err);
        assertEquals(List.of(), leftIn(dir.resolve("tmp")));
    }

    /** A kill (or a Ctrl-C) in the middle of a pair's run left its bench-pair.* file behind, and the run going. */
    @Test
    void aKilledPairsRunIsStoppedAndItsFilesRemoved() throws Exception {
        Path pidFile = dir.resolve("java.pid");
        Process bash = pairRunProcess("hang");
        long javaPid = -1;
        try {
            // The JVM (a stand-in that sleeps) has started: its output file exists, and it is waited for.
            for (int i = 0; i < 600 && !(Files.exists(pidFile) && Files.readString(pidFile).endsWith("\n")); i++) {
                Thread.sleep(100);
            }
            javaPid = Long.parseLong(Files.readString(pidFile).trim());
            assertEquals(1, leftIn(dir.resolve("tmp")).size(), "its output file while it runs");
            bash.destroy(); // SIGTERM
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the script ends at once");
            assertEquals(143, bash.exitValue(), Files.readString(dir.resolve("err.txt")));
            assertEquals(List.of(), leftIn(dir.resolve("tmp")));
            assertTrue(ProcessHandle.of(javaPid).map(p -> !p.isAlive()).orElse(true), "the run is stopped");
        } finally {
            bash.destroyForcibly();
            ProcessHandle.of(javaPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Result pairRun(String behaviour) throws Exception {
        Process process = pairRunProcess(behaviour);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pair_run did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** pair_run with a stand-in for java that prints a JSON line ("json"), fails ("fail") or sleeps ("hang"). */
    private Process pairRunProcess(String behaviour) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("java");
        Files.writeString(fake, "#!/bin/sh\necho $$ > \"$JAVA_PID\"\ncase \"$FAKE\" in\n"
                + "  json) echo 'a progress line'; echo '{\"eventsPerSecond\":5}' ;;\n"
                + "  fail) echo boom >&2; exit 3 ;;\n"
                + "  hang) exec sleep 600 ;;\nesac\n");
        assertTrue(fake.toFile().setExecutable(true));
        Files.createDirectories(dir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", PAIR_RUN)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("TMPDIR", dir.resolve("tmp").toString());
        builder.environment().put("JAVA_PID", dir.resolve("java.pid").toString());
        builder.environment().put("FAKE", behaviour);
        builder.environment().remove("BENCH_JVM_OPTS");
        return builder.start();
    }

    private static List<Path> leftIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private void refused(String message, String... args) throws Exception {
        Result r = bench(args);
        assertEquals(2, r.code, () -> String.join(" ", args) + ": " + r.err);
        assertTrue(r.err.contains(message), () -> "expected '" + message + "' in: " + r.err);
    }

    private record Result(int code, String out, String err) {}

    private Result bench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", BENCH.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("PEERSIM_HOME");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
