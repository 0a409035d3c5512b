package io.gossip.sim.live;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.GossipNodeBuilder;
import io.gossip.udp.MessageId;
import io.gossip.udp.NodeMetrics;
import io.gossip.udp.TransportDropReason;
import io.gossip.udp.cluster.DeliveryLog;
import io.gossip.udp.cluster.LoopbackCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures what live UDP nodes on loopback achieve in this JVM on this machine: how many nodes one
 * process hosts (they start, join, settle, and one broadcast reaches every node), and how many
 * broadcasts per second a cluster of a given size carries to every node, with the delay until a
 * broadcast reached every node. Every figure is a wall-clock measurement of one run and depends on
 * the machine and its load; each wait is bounded.
 */
public final class LiveBench {
    /**
     * What to measure.
     *
     * @param sizes cluster sizes for the hosting measurement
     * @param loopThreads event-loop threads shared by the nodes
     * @param joinSpacingMillis pause between two joins
     * @param rateNodes cluster size for the broadcast-rate measurement (0 = skip it)
     * @param rates broadcasts per second to try, in order
     * @param secondsPerRate how long each rate is kept up
     * @param payloadBytes payload of every broadcast
     * @param seed root seed of the nodes and of the choice of origins
     * @param timeoutSeconds bound of every wait (settling, coverage)
     * @param receiveBufferBytes the receive buffer every node's socket asks for, 0 for the system's
     */
    public record Options(List<Integer> sizes, int loopThreads, long joinSpacingMillis, int rateNodes,
            List<Double> rates, double secondsPerRate, int payloadBytes, long seed, long timeoutSeconds,
            int receiveBufferBytes) {
        public Options {
            sizes = List.copyOf(sizes);
            rates = List.copyOf(rates);
            for (int n : sizes) {
                require(n >= 2, "every size must be >= 2, got " + n);
            }
            require(loopThreads >= 1, "loop threads must be >= 1");
            require(joinSpacingMillis >= 0, "join spacing must be >= 0");
            require(rateNodes == 0 || rateNodes >= 2, "rate nodes must be 0 or >= 2");
            for (double r : rates) {
                require(r > 0 && Double.isFinite(r), "every rate must be > 0, got " + r);
            }
            require(secondsPerRate > 0, "seconds per rate must be > 0");
            require(payloadBytes >= 0 && payloadBytes <= ProtocolConfig.defaults().maxPayloadBytes(),
                    "payload must be in [0, " + ProtocolConfig.defaults().maxPayloadBytes() + "] bytes");
            require(timeoutSeconds >= 1, "timeout must be >= 1 s");
            require(receiveBufferBytes == 0 || receiveBufferBytes >= GossipNodeBuilder.MIN_RECEIVE_BUFFER_BYTES
                    && receiveBufferBytes <= GossipNodeBuilder.MAX_RECEIVE_BUFFER_BYTES, "receive buffer must be in ["
                    + GossipNodeBuilder.MIN_RECEIVE_BUFFER_BYTES + ", " + GossipNodeBuilder.MAX_RECEIVE_BUFFER_BYTES
                    + "] bytes, got " + receiveBufferBytes);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /** Longest wait, after the last broadcast of a rate, for every broadcast to reach every node. */
    static final long DRAIN_SECONDS = 10;

    private final Options options;
    private final PrintWriter out;

    public LiveBench(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every measurement, printing a table for each. */
    public void run() throws IOException {
        if (!options.sizes().isEmpty()) {
            line("hosting: nodes start, join %d ms apart through node 0, settle, then one %d-byte broadcast",
                    options.joinSpacingMillis(), options.payloadBytes());
            line("%7s %9s %10s %10s %9s %8s %9s", "nodes", "start_s", "settled_s", "coverage", "full_ms",
                    "pv_mean", "heap_mb");
            for (int n : options.sizes()) {
                hosting(n);
            }
        }
        if (options.rateNodes() > 0 && !options.rates().isEmpty()) {
            rates();
        }
    }

    private LoopbackCluster.Options clusterOptions(int n) {
        return new LoopbackCluster.Options(n, ProtocolConfig.defaults(), options.loopThreads(), options.seed(), null,
                options.receiveBufferBytes());
    }

    private void hosting(int n) throws IOException {
        long t0 = System.nanoTime();
        try (LoopbackCluster cluster = LoopbackCluster.start(clusterOptions(n))) {
            double startSeconds = seconds(t0);
            long t1 = System.nanoTime();
            int joined = joinAll(cluster);
            if (joined < n) {
                line("%7d %9.2f   only %d nodes joined within %d s: the event loops could not keep up", n,
                        startSeconds, joined, options.timeoutSeconds());
                return;
            }
            boolean settled = cluster.awaitSettled(timeout());
            double settledSeconds = seconds(t1);
            MessageId id = cluster.broadcast(n / 2, new byte[options.payloadBytes()]);
            boolean full = cluster.awaitCoverage(id, 1.0, timeout());
            long fullNanos = fullCoverageNanos(cluster, id);
            List<NodeMetrics> metrics = cluster.liveMetrics();
            double pv = metrics.stream().mapToInt(NodeMetrics::partialViewSize).average().orElse(0);
            line("%7d %9.2f %10s %10.4f %9s %8.2f %9.0f", n, startSeconds,
                    settled ? String.format(Locale.ROOT, "%.2f", settledSeconds) : "no",
                    cluster.coverage(id), full ? String.format(Locale.ROOT, "%.1f", fullNanos / 1e6) : "-", pv,
                    usedHeapMegabytes());
        }
    }

    private void rates() throws IOException {
        int n = options.rateNodes();
        line("");
        line("broadcast rate: %d nodes (joined %d ms apart, settled), %d-byte broadcasts from random nodes,"
                + " %.0f s per rate", n, options.joinSpacingMillis(), options.payloadBytes(), options.secondsPerRate());
        SplittableRandom origins = new SplittableRandom(options.seed());
        try (LoopbackCluster cluster = LoopbackCluster.start(clusterOptions(n))) {
            line("each socket's receive buffer: %d bytes (%s)", cluster.node(0).receiveBufferBytes(),
                    options.receiveBufferBytes() == 0 ? "the system's default"
                            : options.receiveBufferBytes() + " asked");
            line("%10s %10s %6s %7s %9s %11s %11s %11s %13s", "rate_per_s", "sent_per_s", "sent", "full", "cov_mean",
                    "full_p50_ms", "full_p99_ms", "queue_drops", "kernel_drops");
            if (joinAll(cluster) < n || !cluster.awaitSettled(timeout())) {
                line("the %d-node cluster did not settle within %d s; rates not measured", n,
                        options.timeoutSeconds());
                return;
            }
            for (double rate : options.rates()) {
                rate(cluster, rate, origins);
            }
        }
    }

    private void rate(LoopbackCluster cluster, double rate, SplittableRandom origins) {
        long dropsBefore = queueDrops(cluster);
        OptionalLong kernelBefore = cluster.kernelReceiveDrops();
        int count = (int) Math.max(1, Math.round(rate * options.secondsPerRate()));
        long interval = Math.round(1e9 / rate);
        List<CompletableFuture<MessageId>> pending = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait;
            while ((wait = start + i * interval - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait); // pacing the sender, not waiting for a condition
            }
            pending.add(cluster.broadcastAsync(origins.nextInt(cluster.size()), new byte[options.payloadBytes()]));
        }
        List<MessageId> ids = new ArrayList<>(count);
        for (CompletableFuture<MessageId> f : pending) {
            try {
                ids.add(f.get(options.timeoutSeconds(), TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(
                        "a broadcast was not sent within " + options.timeoutSeconds() + " s", e);
            }
        }
        double sentPerSecond = count / seconds(start);
        int[] covered = {0};
        LoopbackCluster.awaitCondition(() -> {
            while (covered[0] < ids.size() && cluster.coverage(ids.get(covered[0])) >= 1.0) {
                covered[0]++;
            }
            return covered[0] == ids.size();
        }, Duration.ofSeconds(Math.min(options.timeoutSeconds(), DRAIN_SECONDS)));
        long[] fullNanos = new long[count];
        int full = 0;
        double coverage = 0;
        for (MessageId id : ids) {
            double c = cluster.coverage(id);
            coverage += c;
            if (c >= 1.0) {
                fullNanos[full++] = fullCoverageNanos(cluster, id);
            }
        }
        Arrays.sort(fullNanos, 0, full);
        OptionalLong kernelAfter = cluster.kernelReceiveDrops();
        line("%10.1f %10.1f %6d %7.4f %9.4f %11s %11s %11d %13s", rate, sentPerSecond, count, (double) full / count,
                coverage / count, quantileMillis(fullNanos, full, 0.5), quantileMillis(fullNanos, full, 0.99),
                queueDrops(cluster) - dropsBefore, kernelBefore.isEmpty() || kernelAfter.isEmpty() ? "-"
                        : Long.toString(kernelAfter.getAsLong() - kernelBefore.getAsLong()));
    }

    /**
     * Node 0 bootstraps and the others join through it, {@code joinSpacingMillis} apart, until all
     * joined or the timeout passed (each join waits for its node's event loop, which falls behind
     * when the cluster is more than the machine can serve).
     *
     * @return how many nodes joined
     */
    private int joinAll(LoopbackCluster cluster) {
        long deadline = System.nanoTime() + timeout().toNanos();
        long spacing = Duration.ofMillis(options.joinSpacingMillis()).toNanos();
        cluster.node(0).bootstrap();
        long next = System.nanoTime();
        for (int i = 1; i < cluster.size(); i++) {
            if (System.nanoTime() - deadline > 0) {
                return i;
            }
            next += spacing;
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait); // pacing the joins, not waiting for a condition
            }
            cluster.join(i, 0);
        }
        return cluster.size();
    }

    /** Time from sending until the last live node had it, or -1 if one never did. */
    private static long fullCoverageNanos(LoopbackCluster cluster, MessageId id) {
        long sent = cluster.broadcastElapsedNanos(id);
        long last = 0;
        for (int i = 0; i < cluster.size(); i++) {
            if (!cluster.isAlive(i) || cluster.address(i).equals(id.origin())) {
                continue;
            }
            DeliveryLog.Receipt r = cluster.deliveries(i).receipt(id);
            if (r == null) {
                return -1;
            }
            last = Math.max(last, r.elapsedNanos() - sent);
        }
        return last;
    }

    private static String quantileMillis(long[] sorted, int count, double q) {
        if (count == 0) {
            return "-";
        }
        int index = Math.max(0, (int) Math.ceil(q * count) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[index] / 1e6);
    }

    private static long queueDrops(LoopbackCluster cluster) {
        long total = 0;
        for (NodeMetrics m : cluster.liveMetrics()) {
            total += m.dropped(TransportDropReason.OUTBOUND_QUEUE_FULL) + m.dropped(TransportDropReason.SEND_FAILED);
        }
        return total;
    }

    private Duration timeout() {
        return Duration.ofSeconds(options.timeoutSeconds());
    }

    private static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    private static double usedHeapMegabytes() {
        Runtime rt = Runtime.getRuntime();
        System.gc(); // a measurement: heap in use by the cluster, not garbage
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
