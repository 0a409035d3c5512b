package io.gossip.bench.peersim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import peersim.core.Control;
import peersim.core.Network;

/**
 * Runs once after the simulation (PeerSim's {@code FINAL}): prints the run's figures as a few
 * lines and, last, one JSON line with the names {@code ./bench scale} uses for the same figures.
 * The heap is read as the scale benchmark reads it: the heap pools' usage right after a full
 * collection, with PeerSim's nodes and event queue still reachable.
 */
public final class FloodingReport implements Control {
    public FloodingReport(String prefix) {
    }

    @Override
    public boolean execute() {
        double simSeconds = (System.nanoTime() - SimulationClock.startNanos) / 1e9;
        int nodes = Network.size();
        long events = FloodingProtocol.deliveries;
        long[] reached = FloodingProtocol.reached;
        double coverage = 0;
        for (long r : reached) {
            coverage += (double) r / nodes;
        }
        coverage /= reached.length;
        long heap = heapUsedAfterFullGc();
        double rate = events / simSeconds;
        System.out.printf(Locale.ROOT, "PeerSim flooding: %,d nodes, %d broadcasts%n", nodes, reached.length);
        System.out.printf(Locale.ROOT, "events (deliveries)   %,d%n", events);
        System.out.printf(Locale.ROOT, "simulation            %.3f s, %.3f M events/s%n", simSeconds, rate / 1e6);
        System.out.printf(Locale.ROOT, "heap after full GC    %,d MB, %,d B per node%n", heap >> 20, heap / nodes);
        System.out.printf(Locale.ROOT, "coverage (mean)       %.6f%n", coverage);
        System.out.printf(Locale.ROOT,
                "{\"simulator\":\"peersim\",\"nodes\":%d,\"broadcasts\":%d,\"events\":%d,\"simSeconds\":%.3f,"
                        + "\"eventsPerSecond\":%.0f,\"heapBytesPerNode\":%d,\"coverage\":%.6f}%n",
                nodes, reached.length, events, simSeconds, rate, heap / nodes, coverage);
        return false;
    }

    /**
     * The same reading as the scale benchmark's {@code ScaleRun.heapUsedAfterFullGc}, written again
     * because these files compile against PeerSim's jars alone, without the simulator's.
     */
    private static long heapUsedAfterFullGc() {
        System.gc();
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }
}
