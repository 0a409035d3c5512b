package io.gossip.sim.run;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * A manual scale check, not part of the test suite: {@code n} nodes join one per virtual
 * {@code joinSpacingMillis} through uniform contacts, then 10 broadcasts one second apart, with 10 %
 * independent loss, uniform 10–100 ms latency, c = 1, heartbeats off, reliable membership messages.
 * Prints events, events per second, wall time and peak heap.
 *
 * <p>Usage: {@code java -Xmx20g -cp ... io.gossip.sim.run.ScaleCheck N OUT_DIR [joinSpacingMillis [fanout]]}.
 * With a fanout, the run uses the global-knowledge baseline instead of SCAMP (joins only make nodes
 * live), which measures the engine and the broadcast phase without the membership traffic.
 */
public final class ScaleCheck {
    private ScaleCheck() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        double spacingMillis = args.length > 2 ? Double.parseDouble(args[2]) : 1_000;
        double joinMillis = n * spacingMillis;
        MembershipSpec membership = args.length > 3
                ? new MembershipSpec(MembershipSpec.Type.GLOBAL, Integer.parseInt(args[3])) : MembershipSpec.scamp();
        ProtocolConfig protocol = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
        Scenario scenario = new Scenario("scale-" + n, 1, 1, n, protocol, membership, null,
                new NetworkSpec(new LatencySpec.Uniform(10, 100), null, new LossSpec.Independent(0.1)),
                List.of(new TimelineAction.Join(0, -1, joinMillis, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Broadcast(joinMillis + 10_000, 10, 1_000, -1, 64)),
                joinMillis + 30_000, new OutputSpec(0, 10));
        long[] lastPrint = {System.nanoTime()};
        ProgressListener listener = (done, total, virtualMillis, durationMillis, events, wallSeconds) -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] > 10_000_000_000L) {
                lastPrint[0] = now;
                System.err.printf("  %.0f s wall: virtual %.1f%% (%.0f s), %,d events, %.0f events/s, heap used %,d MB%n",
                        wallSeconds, 100 * virtualMillis / durationMillis, virtualMillis / 1000, events,
                        events / wallSeconds, usedHeapMegabytes());
            }
        };
        RunOutcome outcome = SimulationRunner.run(new RunPlan(List.of(new RunPlan.Point(0, null, scenario)), null),
                out, 1, listener);
        System.out.printf("nodes=%d events=%d wallSeconds=%.1f eventsPerSecond=%.0f peakHeapMB=%d%n", n,
                outcome.events(), outcome.wallSeconds(), outcome.eventsPerSecond(), peakHeapMegabytes());
    }

    private static long usedHeapMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** Sum of the heap pools' peak usage: an upper bound of the peak heap. */
    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
