package io.gossip.sim.cli;

import io.gossip.reports.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Builds the report of a finished run (charts and a page) and says where it is. */
@FunctionalInterface
interface ReportBuilder {
    /** Builds the report of the run in {@code runDir}; returns a short description of where it is. */
    String build(Path runDir) throws IOException;

    /**
     * At the end of {@code command} ({@code "sim run"}, {@code "sim live"}): builds the report and
     * prints where it is, a failure leaving the result files complete, so it says how to retry; or,
     * without {@code build} ({@code --no-report}), removes the report a previous run left in
     * {@code runDir}, which would describe that run, and says so.
     *
     * @return the command's exit code
     */
    default int buildAfterRun(String command, Path runDir, boolean build, PrintWriter stdout, PrintWriter stderr) {
        if (!build) {
            try {
                if (RunReport.removeFrom(runDir)) {
                    stdout.println("removed the previous report from " + runDir + " (it described another run)");
                    stdout.flush();
                }
                return ExitCodes.OK;
            } catch (IOException e) {
                stderr.println(command + ": the result files are complete, but the previous report could not be"
                        + " removed: " + e.getMessage());
                stderr.flush();
                return ExitCodes.RUNTIME_FAILURE;
            }
        }
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
