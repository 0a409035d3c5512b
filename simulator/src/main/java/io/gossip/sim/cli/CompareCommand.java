package io.gossip.sim.cli;

import io.gossip.reports.CompareReport;
import io.gossip.reports.ReportException;
import io.gossip.reports.ReportResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim compare DIR... --out DIR}: charts several runs on the same axes. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        // One string per paragraph: picocli wraps each to the help width.
        description = {"Compare finished runs on the same charts.",
            "Coverage over time, reliability, final coverage and messages per node against the swept "
                + "parameter, view sizes and latency of every run on the same axes, written as PNGs and an "
                + "index.html into --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the comparison is written into the --out folder",
            "1:a file could not be read or written",
            "2:a DIR is not a run folder, or a result file in it is missing, malformed or holds "
                + "a value out of range (the message names the file, line and column)"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run folders written by sim run.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the comparison's charts and index.html (created if needed).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String notAFolder = OutFolder.problem(out);
        if (notAFolder != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), notAFolder);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                err.println("sim compare: " + dir + " is not a folder");
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
        }
        if (!OutFolder.create(out, "sim compare", err)) {
            return ExitCodes.RUNTIME_FAILURE;
        }
        try {
            ReportResult result = CompareReport.build(dirs, out);
            stdout.println(result.charts().size() + " charts; comparison: " + result.indexHtml());
            stdout.flush();
            return ExitCodes.OK;
        } catch (ReportException e) {
            err.println("sim compare: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("sim compare: failed: " + e);
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }
}
