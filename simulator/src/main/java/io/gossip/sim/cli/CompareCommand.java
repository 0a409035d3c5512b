package io.gossip.sim.cli;

import io.gossip.reports.CompareRuns;
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
                + "index.html into --out. Each run keeps one colour, marker and label on every chart. "
                + "The scenario keys in which the runs differ are printed on stderr and shown on the page."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the comparison is written into the --out folder",
            "1:a file could not be read or written",
            "2:fewer than two DIRs, a DIR given twice, --out is a run folder, a DIR is not a run folder, "
                + "or a result file in it is missing, malformed or holds a value out of range (the message "
                + "names the file, line and column); nothing is written"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Run folders written by sim run or sim live: two or more, each once.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the comparison's charts and index.html (created if needed); not a "
                    + "run folder.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String notAFolder = OutFolder.problem(out);
        if (notAFolder != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), notAFolder);
        }
        String badInput = CompareRuns.inputProblem(dirs);
        if (badInput != null) {
            return refuse(err, badInput);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                return refuse(err, dir + " is not a folder");
            }
        }
        try {
            // Everything is read and checked before --out is created: a refused comparison leaves nothing behind.
            CompareRuns runs = CompareRuns.load(dirs);
            String badOut = runs.outProblem(out);
            if (badOut != null) {
                return refuse(err, badOut);
            }
            List<String> differences = runs.differences();
            if (!differences.isEmpty()) {
                err.println("sim compare: the runs' scenarios differ (scenario.yaml):");
                differences.forEach(line -> err.println("  " + line));
                err.flush();
            }
            if (!OutFolder.create(out, "sim compare", err)) {
                return ExitCodes.RUNTIME_FAILURE;
            }
            ReportResult result = runs.write(out);
            stdout.println(result.charts().size() + " charts; comparison: " + result.indexHtml());
            stdout.flush();
            return ExitCodes.OK;
        } catch (ReportException e) {
            return refuse(err, e.getMessage());
        } catch (IOException e) {
            err.println("sim compare: failed: " + e);
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }

    private static int refuse(PrintWriter err, String problem) {
        err.println("sim compare: " + problem);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
