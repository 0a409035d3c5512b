package io.gossip.sim.cli;

import io.gossip.sim.scenario.Suggestions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sim} command: runs and checks YAML scenarios in the gossip simulator. Exit codes: 0
 * success, 1 failure while running, 2 wrong scenario or wrong usage (nothing was run).
 */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Simulate SCAMP membership and gossip dissemination from YAML scenarios.",
            "Scenarios are described in docs/scenarios.md; result files in docs/results-format.md."},
        subcommands = {CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success",
            "1:failure while running (I/O error, engine failure, a report that could not be written)",
            "2:wrong scenario or wrong command line; nothing was run"},
        footerHeading = "%nExamples:%n",
        footer = {"  sim validate scenarios/1000-nodes-10pct-loss.yaml",
            "  sim run scenarios/churn.yaml --set network.loss=0.2 --out out/churn-loss20",
            "  sim report out/churn-loss20",
            "  sim compare out/churn out/churn-loss20 --out out/churn-vs-loss",
            "  sim help run"})
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private SimCommand() {
    }

    /** Without a command: prints the usage and fails as wrong usage. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("sim: missing COMMAND");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        // Signs such as the summary's (c+1)·ln n in ASCII where the console cannot show them (LC_ALL=C);
        // the transport's log lines go through the same stderr writer as the commands' own.
        PrintWriter err = ConsoleWriters.stderr();
        ConsoleLogging.install(err);
        CommandLine line = commandLine(Engines.simulator(), Engines.reports(), System.console() != null);
        line.setOut(ConsoleWriters.stdout());
        line.setErr(err);
        System.exit(line.execute(args));
    }

    /**
     * The whole command line, with its engine and report builder.
     *
     * @param terminal whether to draw the progress line
     */
    static CommandLine commandLine(Engine engine, ReportBuilder reports, boolean terminal) {
        CommandLine line = new CommandLine(new SimCommand());
        line.addSubcommand(new CommandLine(new RunCommand(engine, reports, terminal)));
        line.addSubcommand(new CommandLine(new ValidateCommand()));
        line.addSubcommand(new CommandLine(new ReportCommand()));
        line.addSubcommand(new CommandLine(new CompareCommand()));
        line.addSubcommand(new CommandLine(new FuzzCommand()));
        line.addSubcommand(new CommandLine(new LiveCommand(reports)));
        line.addSubcommand(new CommandLine(new NodeCommand(System.in, true)));
        line.addSubcommand(new CommandLine(new LiveBenchCommand()));
        line.setParameterExceptionHandler(SimCommand::wrongCommandLine);
        line.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            // The message is for the user; the class name only when there is nothing else to show (a bug).
            String why = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
            cmd.getErr().println("sim " + cmd.getCommandName() + ": failed: " + why);
            cmd.getErr().flush();
            return ExitCodes.RUNTIME_FAILURE;
        });
        return line;
    }

    /**
     * A wrong command line. An unknown command gets one line naming it and the closest commands,
     * where picocli would say "Unmatched argument at index 0" above the whole help; anything else
     * is reported as picocli does (the message, then the command's usage).
     */
    private static int wrongCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cmd.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String unknown = unmatched.getUnmatched().get(0);
            err.println("sim: unknown command '" + unknown + "'."
                    + Suggestions.didYouMean(unknown, cmd.getSubcommands().keySet()));
            err.println("Commands: " + String.join(", ", cmd.getSubcommands().keySet()) + " (sim --help)");
        } else {
            err.println(e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                cmd.usage(err);
            }
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
