package io.gossip.sim.cli;

import io.gossip.sim.engine.NodeRepresentation;
import io.gossip.sim.run.ProgressListener;
import io.gossip.sim.scenario.LoadedScenario;
import io.gossip.sim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sim run FILE}: checks the scenario, writes the effective scenario.yaml, runs every point,
 * prints a summary read from summary.json and (unless {@code --no-report}) builds the report.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a scenario and write its result files and report.",
            "Writes the result files of docs/results-format.md, the effective scenario.yaml",
            "and (unless --no-report) the charts and index.html into the output folder.",
            "The scenario is checked completely first; a wrong scenario runs nothing.",
            "On a terminal a progress line shows virtual time, the share of the timeline",
            "done, events per second and the time left; at the end a summary table is read",
            "back from summary.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run finished and its results are written",
            "1:the run failed while running (I/O error, engine failure)",
            "2:the scenario or the command line is wrong; nothing was run"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder, created if needed. Result files already there are replaced when the run "
                    + "finishes; a run stopped or failed before then leaves them as they were. "
                    + "Default: out/<scenario name>/ under the current folder.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs executed in parallel (results do not depend on it). Default: the number of "
                    + "processors (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-report", description = "Do not build the charts and report after the run.")
    boolean noReport;

    @Option(names = "--no-appender", description = "Never give a run a second thread for its event queue (by "
            + "default a run of 50,000 nodes or more gets one when the runs at a time leave a processor free; "
            + "results are the same either way).")
    boolean noAppender;

    private final Engine engine;
    private final ReportBuilder reports;
    private final boolean terminal;

    RunCommand(Engine engine, ReportBuilder reports, boolean terminal) {
        this.engine = engine;
        this.reports = reports;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
        }
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
        stdout.println(loaded.seedLine());
        String nodes = NodeRepresentation.describe(loaded.plan());
        if (nodes != null) {
            stdout.println(nodes);
        }
        stdout.flush();
        Path dir = out != null ? out : Path.of("out", loaded.name());
        if (!OutFolder.create(dir, "sim run", stderr)) {
            return ExitCodes.RUNTIME_FAILURE;
        }
        ProgressLine progress = terminal ? new ProgressLine(stdout) : null;
        ProgressListener listener = new RunListener(progress, stderr);
        try (StagedResults staged = StagedResults.in(dir)) {
            Files.writeString(staged.folder().resolve("scenario.yaml"), loaded.effectiveYaml(),
                    StandardCharsets.UTF_8);
            Engine.Outcome outcome = engine.run(loaded.plan(), staged.folder(), threads, !noAppender, listener);
            staged.commit();
            if (progress != null) {
                progress.finish();
            }
            stdout.print(SummaryTable.render(dir.resolve(outcome.summaryJson().getFileName())));
            stdout.println("results: " + dir);
            stdout.flush();
            return reports.buildAfterRun("sim run", dir, !noReport, stdout, stderr);
        } catch (IOException | RuntimeException e) {
            if (progress != null) {
                progress.finish();
            }
            stdout.flush();
            stderr.println("sim run: failed: " + e);
            stderr.flush();
            return ExitCodes.RUNTIME_FAILURE;
        } catch (OutOfMemoryError e) {
            // The runs' state is unreachable once the error has left them: there is room to say why.
            if (progress != null) {
                progress.finish();
            }
            stdout.flush();
            long tasks = loaded.plan().points().stream().mapToLong(p -> p.scenario().repetitions()).sum();
            stderr.println(outOfMemory(Runtime.getRuntime().maxMemory(), threads > 1 && tasks > 1));
            stderr.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }

    /**
     * What to do when the runs needed more than a heap of {@code maxHeapBytes}; {@code severalAtOnce}:
     * whether runs were held in memory side by side, which one thread at a time would avoid.
     */
    static String outOfMemory(long maxHeapBytes, boolean severalAtOnce) {
        return "sim run: failed: out of memory: the runs needed more than the JVM's heap of "
                + maxHeapBytes / (1024 * 1024) + " MB. Give it more (SIM_JVM_OPTS=-Xmx8g ./sim run ...)"
                + (severalAtOnce ? " or run one run at a time (--threads 1)" : "")
                + ". If a warning above said that copies outlive what"
                + " the nodes remember (a membership copy later than the retransmission horizon, or a broadcast"
                + " taken for new again), the scenario is more likely flooding: nodes handle such copies again"
                + " and pass them on, and their copies multiply until no heap is enough.";
    }
}
