package io.gossip.sim.cli;

import io.gossip.sim.fuzz.FuzzOptions;
import io.gossip.sim.fuzz.FuzzReport;
import io.gossip.sim.fuzz.Fuzzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sim fuzz}: throws mutated, truncated and random datagrams at one node of a live loopback
 * cluster and checks that it neither crashes nor stops delivering broadcasts.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Throw hostile datagrams at a live node and check it survives.",
            "Starts a loopback cluster of UDP nodes and sends, from a separate socket,",
            "mutations of real encoded messages of every type, truncations and random",
            "bytes at one node. Then reports datagrams sent, the node's decode",
            "rejections by reason, datagrams accepted, crashes on the event-loop threads",
            "(must be 0), and whether a fresh broadcast from the node, and one from",
            "node 0, still reach every node. Counts are exact; times and rates are",
            "wall-clock."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed",
            "1:a check failed (a crash, a lost broadcast, an unexpected rejection) or the cluster did not form",
            "2:wrong command line; nothing was run"})
final class FuzzCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N",
            description = "How long to send, in seconds (decimals allowed, at most 3600). Default: ${DEFAULT-VALUE}.")
    double seconds = 10;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the cluster and of the datagram generator. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--rate", paramLabel = "R",
            description = "Datagrams per second to aim for; 0 sends as fast as possible. Default: ${DEFAULT-VALUE}.")
    int rate = FuzzOptions.DEFAULT_RATE_PER_SECOND;

    @Option(names = "--nodes", paramLabel = "N",
            description = "Nodes in the loopback cluster, 2 to 100. Default: ${DEFAULT-VALUE}.")
    int nodes = FuzzOptions.DEFAULT_NODES;

    @Option(names = "--max-renewal-copies", paramLabel = "N",
            description = "Withhold valid Subscribe and Walk messages asking for more renewal copies than N "
                    + "(counted, not sent): a contact sends up to the forward limit (400) reliable copies for one "
                    + "such message, load that comes from SCAMP trusting its members, not from decoding. "
                    + "65535 withholds nothing. Default: ${DEFAULT-VALUE}.")
    int maxRenewalCopies = FuzzOptions.DEFAULT_MAX_RENEWAL_COPIES;

    private CommandLine.ParameterException refused(String why) {
        return new CommandLine.ParameterException(spec.commandLine(), why);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FuzzOptions options;
        // Each option checked here under its own name; FuzzOptions checks them again for callers in code.
        long maxSeconds = FuzzOptions.MAX_DURATION_MILLIS / 1_000;
        if (!(seconds >= 0.001 && seconds <= maxSeconds)) {
            throw refused("--seconds must be a number in [0.001, " + maxSeconds + "], got " + seconds);
        }
        if (nodes < 2 || nodes > 100) {
            throw refused("--nodes must be an integer in [2, 100], got " + nodes);
        }
        if (rate < 0) {
            throw refused("--rate must be >= 0 (0 sends as fast as possible), got " + rate);
        }
        if (maxRenewalCopies < 0 || maxRenewalCopies > 65_535) {
            throw refused("--max-renewal-copies must be an integer in [0, 65535], got " + maxRenewalCopies);
        }
        options = new FuzzOptions(Math.round(seconds * 1_000), seed, rate, nodes, maxRenewalCopies);
        out.printf(Locale.ROOT, "sim fuzz: %d-node loopback cluster, seed %d, %s at %s%n", options.nodes(),
                options.seed(), Format.millis(options.durationMillis()),
                options.ratePerSecond() == 0 ? "full speed" : Format.count(options.ratePerSecond()) + " datagrams/s");
        out.flush();
        FuzzReport report;
        try {
            report = Fuzzer.run(options, line -> {
                err.println(line);
                err.flush();
            });
        } catch (IOException e) {
            err.println("sim fuzz: failed: " + e.getMessage());
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        out.println("target " + report.target());
        report.print(out);
        return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }
}
