package io.gossip.sim.cli;

import io.gossip.reports.ReportException;
import io.gossip.reports.ReportResult;
import io.gossip.reports.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim report DIR}: (re)builds the charts and index.html of a finished run. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        // One string per paragraph: picocli wraps each to the help width.
        description = {"Build the charts and index.html of a finished run.",
            "Reads the run folder's result files and writes PNG charts and index.html into it. "
                + "sim run does this by itself unless --no-report is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report is written into DIR",
            "1:a file could not be read or written",
            "2:DIR is not a run folder, or a result file in it is missing, malformed or holds "
                + "a value out of range (the message names the file, line and column)"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run folder written by sim run.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("sim report: " + dir + " is not a folder");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        try {
            ReportResult result = RunReport.build(dir);
            out.println(result.charts().size() + " charts; report: " + result.indexHtml());
            out.flush();
            return ExitCodes.OK;
        } catch (ReportException e) {
            err.println("sim report: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("sim report: failed: " + e);
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }
}
