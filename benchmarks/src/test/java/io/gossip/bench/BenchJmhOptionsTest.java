package io.gossip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * {@code ./bench jmh}'s results file, run through the script itself: a file JMH could not write
 * stopped JMH with a stack trace; the script refuses it in one line, before it builds or runs
 * anything, so these need no build.
 */
class BenchJmhOptionsTest {
    /** The script at the repository root; tests run in the benchmarks module's folder. */
    private static final Path BENCH = Path.of("..", "bench");

    @TempDir
    Path dir;

    @Test
    void aResultsFileThatCannotBeWrittenIsRefusedInOneLine() throws Exception {
        Path missing = dir.resolve("missing").resolve("x.json");
        refused("bench jmh: -rff " + missing + ": there is no folder " + missing.getParent()
                + " to write the results in", "Gossip", "-rff", missing.toString());
        refused("bench jmh: -rff " + missing + ": there is no folder", "-rff=" + missing, "-f", "1");
        refused("bench jmh: -rff " + dir + ": the results cannot be written there (Is a directory)",
                "-rff", dir.toString());
        refused("bench jmh: -rff needs a file name (-rff FILE)", "Gossip", "-rff", "");
        refused("bench jmh: -rff needs a file name (-rff FILE)", "Gossip", "-rff");
        assertFalse(Files.exists(missing.getParent()), "no folder made");
    }

    @Test
    void aResultsFileInProcIsRefused() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc", "self")), "Linux's /proc");
        refused("bench jmh: -rff /proc/x.json: the results cannot be written there (No such file or directory)",
                "-rff", "/proc/x.json");
    }

    @Test
    void aWritableResultsFileIsLeftAsItWas() throws Exception {
        // The script's own check, alone: a new file is not left behind, an existing one keeps its content.
        String check = "eval \"$(sed -n '/^writable_results() {/,/^}/p' " + BENCH + ")\"; writable_results \"$1\"";
        Path fresh = dir.resolve("fresh.json");
        Result ok = run(List.of("bash", "-c", check, "check", fresh.toString()));
        assertEquals(0, ok.code, ok.err);
        assertEquals("", ok.err);
        assertFalse(Files.exists(fresh));
        Path kept = Files.writeString(dir.resolve("kept.json"), "[]");
        Result existing = run(List.of("bash", "-c", check, "check", kept.toString()));
        assertEquals(0, existing.code, existing.err);
        assertEquals("[]", Files.readString(kept));
    }

    private void refused(String message, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", BENCH.toString(), "jmh"));
        command.addAll(List.of(args));
        Result r = run(command);
        assertEquals(2, r.code, () -> String.join(" ", args) + ": " + r.err);
        assertTrue(r.err.startsWith(message), () -> "expected '" + message + "' first in: " + r.err);
        assertEquals(1, r.err.lines().count(), "one line: " + r.err);
        assertTrue(r.out.isEmpty(), r.out);
    }

    private record Result(int code, String out, String err) {}

    private Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
