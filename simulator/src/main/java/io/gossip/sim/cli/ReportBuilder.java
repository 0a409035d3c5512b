package io.gossip.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Builds the report of a finished run (charts and a page) and says where it is. */
@FunctionalInterface
interface ReportBuilder {
    /** Builds the report of the run in {@code runDir}; returns a short description of where it is. */
    String build(Path runDir) throws IOException;

    /**
     * Builds the report at the end of {@code command} ({@code "sim run"}, {@code "sim live"}) and
     * prints where it is; a failure here leaves the result files complete, so it says how to retry.
     *
     * @return the command's exit code
     */
    default int buildAfterRun(String command, Path runDir, PrintWriter stdout, PrintWriter stderr) {
        try {
            stdout.println("report: " + build(runDir));
            stdout.flush();
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            stderr.println(command + ": the result files are complete, but the report failed: " + e.getMessage());
            stderr.println("  retry with: sim report " + runDir);
            stderr.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }
}
