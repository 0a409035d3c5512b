package io.gossip.sim.cli;

import io.gossip.sim.live.LiveBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sim live-bench}: measures live UDP capacity in this JVM (nodes hosted, broadcasts per
 * second at full coverage, delay to full coverage) and prints the figures. See docs/live.md.
 */
@Command(name = "live-bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measure the live UDP capacity of this machine.",
            "How many live UDP nodes this JVM hosts and how many broadcasts per second",
            "a cluster carries to every node, with the delay to full coverage.",
            "Hosting: for each --nodes size, start the nodes, join them one every",
            "--join-spacing-millis through node 0, wait until settled, broadcast once and",
            "wait for every node to have it. Rate: a --rate-nodes cluster gets broadcasts",
            "from random nodes at each --broadcast-rate for --seconds; 'full' is the",
            "share that reached every node. kernel_drops: datagrams the kernel dropped",
            "at the cluster's sockets during the rate, their receive buffers full",
            "(Linux's per-socket count; '-' elsewhere). Wall-clock figures: they depend",
            "on the machine and its load. Every wait is bounded by --timeout-seconds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured (a size that did not settle or reach everyone is printed as such)",
            "1:sockets could not be opened", "2:wrong command line"})
final class LiveBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", split = ",", paramLabel = "N",
            description = "Cluster sizes for the hosting measurement (default 100,250,500,1000).")
    List<Integer> sizes = List.of(100, 250, 500, 1000);

    @Option(names = "--no-hosting", description = "Skip the hosting measurement.")
    boolean noHosting;

    @Option(names = "--loops", paramLabel = "N", description = "Event-loop threads (default ${DEFAULT-VALUE}).")
    int loops = 4;

    @Option(names = "--join-spacing-millis", paramLabel = "MS",
            description = "Pause between joins (default ${DEFAULT-VALUE}).")
    long joinSpacingMillis = 5;

    @Option(names = "--rate-nodes", paramLabel = "N",
            description = "Cluster size for the rate measurement; 0 skips it (default ${DEFAULT-VALUE}).")
    int rateNodes = 100;

    @Option(names = "--broadcast-rate", split = ",", paramLabel = "R",
            description = "Broadcasts per second to try (default 25,50,100,200,400).")
    List<Double> rates = List.of(25.0, 50.0, 100.0, 200.0, 400.0);

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds per rate (default ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Option(names = "--payload-bytes", paramLabel = "N", description = "Payload size (default ${DEFAULT-VALUE}).")
    int payloadBytes = 100;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--receive-buffer-bytes", paramLabel = "N",
            description = "Receive buffer every node's socket asks for (default: the system's); the size the "
                    + "kernel granted is printed.")
    int receiveBufferBytes;

    @Option(names = "--timeout-seconds", paramLabel = "S",
            description = "Bound of every wait (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = 60;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LiveBench.Options options;
        try {
            options = new LiveBench.Options(noHosting ? List.of() : sizes, loops, joinSpacingMillis, rateNodes, rates,
                    seconds, payloadBytes, seed, timeoutSeconds, receiveBufferBytes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println("live-bench: " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + loops + " loop threads, Java "
                + System.getProperty("java.version"));
        out.flush();
        try {
            new LiveBench(options, out).run();
            return ExitCodes.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sim live-bench: failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
    }
}
