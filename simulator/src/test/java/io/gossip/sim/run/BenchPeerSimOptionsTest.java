package io.gossip.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code ./bench peersim}'s command line, run through the script itself: every refusal comes
 * before anything is compiled, built or run, so these need neither PeerSim nor a build.
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
        refused("--nodes must be a whole number, not '1e5'", "peersim", "--peersim", home, "--nodes", "1e5");
        refused("--pairs must be a whole number, not 'two'", "peersim", "--peersim", home, "--nodes", "100",
                "--pairs", "two");
        refused("needs --nodes 2 or more and --broadcasts 1 or more", "peersim", "--peersim", home,
                "--nodes", "100", "--broadcasts", "0");
        refused("--k must be 1 to N-1, not '100'", "peersim", "--peersim", home, "--nodes", "100", "--k", "100");
        refused("--appender must be on or off, not 'yes'", "peersim", "--peersim", home, "--nodes", "100",
                "--appender", "yes");
        refused("unknown option '--node'", "peersim", "--peersim", home, "--node", "100");
        refused("no jar in '" + home + "' holds peersim.edsim.EDSimulator", "peersim", "--peersim", home,
                "--nodes", "100");
        refused("no jar in '" + notPeerSim + "' holds peersim.edsim.EDSimulator", "peersim", "--peersim",
                notPeerSim.toString(), "--nodes", "100");
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
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("PEERSIM_HOME");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./bench " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
