package io.gossip.sim.cli;

import io.gossip.sim.live.LiveRunner;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.results.UnmeasuredBroadcasts;
import io.gossip.sim.run.RunOutcome;
import io.gossip.sim.scenario.LoadedScenario;
import io.gossip.sim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sim live FILE}: checks the scenario as {@code sim run} does, refuses what cannot run
 * live, runs every point and repetition with real UDP nodes on loopback in real (scaled) time, and
 * writes the same result files and report as {@code sim run}.
 */
@Command(name = "live", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a scenario with real UDP nodes on loopback, in real time.",
            "The scenario is read and checked as by 'sim run'. Its timeline (join,",
            "broadcast, crash, unsubscribe) runs on a loopback cluster in this process;",
            "'live: {timeScale: 0.1}' in the scenario runs it ten times faster",
            "(timeline, latency and protocol timers alike). Loss and constant or uniform",
            "latency go through the transport's impairment stage; partitions, churn,",
            "regions, bursty loss, other latency shapes and the global baseline are",
            "refused. Writes the same result files as 'sim run', in scenario ms."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run finished and its results are written",
            "1:the run failed while running (sockets, I/O error)",
            "2:the scenario or the command line is wrong, or it cannot run live; nothing was run"})
final class LiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder, created if needed. Result files already there are replaced when the run "
                    + "finishes; a run stopped or failed before then leaves them as they were. "
                    + "Default: out/<scenario name>-live/ under the current folder.")
    Path out;

    @Option(names = "--no-report", description = "Do not build the charts and report after the run.")
    boolean noReport;

    private final ReportBuilder reports;

    LiveCommand(ReportBuilder reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String notAFolder = OutFolder.problem(out);
        if (notAFolder != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), notAFolder);
        }
        LoadedScenario loaded;
        try {
            loaded = scenario.load();
        } catch (ScenarioException e) {
            return Refusal.print(stderr, e);
        }
        List<String> problems = LiveRunner.problems(loaded.plan());
        if (!problems.isEmpty()) {
            for (String problem : problems) {
                stderr.println(scenario.file + ": " + problem);
            }
            stderr.println("scenario refused for a live run (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "); nothing was run.");
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        stdout.println(loaded.seedLine());
        stdout.flush();
        Path dir = out != null ? out : Path.of("out", loaded.name() + "-live");
        if (!OutFolder.create(dir, "sim live", stderr)) {
            return ExitCodes.RUNTIME_FAILURE;
        }
        try (StagedResults staged = StagedResults.in(dir)) {
            Files.writeString(staged.folder().resolve("scenario.yaml"),
                    loaded.effectiveYaml().replace("sim run scenario.yaml", "sim live scenario.yaml"),
                    StandardCharsets.UTF_8);
            RunOutcome outcome = LiveRunner.run(loaded.plan(), staged.folder(), (key, run) -> {
                long kernel = run.result().kernelReceiveDrops();
                stdout.println(String.format(Locale.ROOT, "live run point %d repetition %d: %.1f s wall, "
                        + "timeline steps at most %.1f ms late, %d datagrams dropped by the transport's queues, "
                        + "%s by the kernel at full socket receive buffers of %d bytes (the scenario's loss is "
                        + "counted under drops.network in summary.json)",
                        key.point(), key.repetition(), run.wallSeconds(), run.maxLagMillis(), run.transportDrops(),
                        kernel == RunResult.NOT_MEASURED ? "not counted (not Linux)" : Long.toString(kernel),
                        run.receiveBufferBytes()));
                if (kernel > 0) {
                    stdout.println("  the event loops fell behind and the kernel discarded what arrived meanwhile: "
                            + "this run's coverage measures the machine's load as much as the protocol "
                            + "(a larger live.receiveBufferBytes absorbs bursts; fewer nodes or a live.timeScale "
                            + "nearer 1 lighten the load; see docs/live.md)");
                }
                stdout.flush();
                warnOfUnmeasured(stderr, key, run.result());
                warnOfLoopErrors(stderr, key, run.loopErrors());
            });
            staged.commit();
            stdout.print(SummaryTable.render(dir.resolve(outcome.summary().getFileName())));
            stdout.println("results: " + dir);
            stdout.flush();
            return reports.buildAfterRun("sim live", dir, !noReport, stdout, stderr);
        } catch (IOException | RuntimeException e) {
            stdout.flush();
            // A socket's failure (no descriptors left, an address in use) says all in its message; a
            // file's names only the path, and a bug only its class.
            boolean socket = e instanceof IOException && !(e instanceof FileSystemException) && e.getMessage() != null;
            stderr.println("sim live: failed: " + (socket ? e.getMessage() : e.toString()));
            stderr.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }

    /**
     * Says that the run's event loops caught and survived {@code errors} exceptions or references to
     * released ids: bugs the loops counted rather than die of, which no figure of the run shows.
     */
    static void warnOfLoopErrors(PrintWriter stderr, RunKey key, long errors) {
        if (errors == 0) {
            return;
        }
        stderr.println("sim live: warning: point " + key.point() + ", repetition " + key.repetition() + ", "
                + key.membershipName() + ": the event loops counted " + errors + (errors == 1 ? " error" : " errors")
                + " (exceptions they survived, or sends to released ids): a bug of the transport or the core;"
                + " this run's figures may be wrong. Please report it with the scenario and its seed.");
        stderr.flush();
    }

    /** Says, as {@code sim run} does, that a run had broadcasts whose reference set was empty. */
    private static void warnOfUnmeasured(PrintWriter stderr, RunKey key, RunResult result) {
        UnmeasuredBroadcasts.warning(result).ifPresent(text -> {
            stderr.println("sim live: warning: point " + key.point() + ", repetition " + key.repetition() + ", "
                    + key.membershipName() + ": " + text);
            stderr.flush();
        });
    }
}
