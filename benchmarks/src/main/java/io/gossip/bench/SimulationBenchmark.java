package io.gossip.bench;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.run.RunOutcome;
import io.gossip.sim.run.SimulationRunner;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.OutputSpec;
import io.gossip.sim.scenario.RunPlan;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole simulation as one operation, through the simulator's public API
 * ({@link SimulationRunner}): {@code nodes} SCAMP nodes join one per virtual second through
 * uniformly random contacts, then, 10 s after the last join, one broadcast from a random member;
 * the run ends 10 s later, past the retransmission horizon. Uniform 10–100 ms latency, 10 %
 * independent loss on every message, c = 1, reliable membership messages, no heartbeats, no
 * indirection: the workload of {@code ./bench scale} with one broadcast.
 *
 * <p>The seed is fixed, so every operation does exactly the same work. Each operation writes the
 * run's small result files into one temporary folder (overwritten each time, no timeline
 * sampling), deleted at the end of the trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SimulationBenchmark {
    /** Group size. */
    @Param({"10000"})
    public int nodes;

    RunPlan plan;
    Path outDir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        double joinMillis = nodes * 1_000.0;
        ProtocolConfig protocol = ProtocolConfig.builder().c(1).noHeartbeats().indirection(false).build();
        Scenario scenario = new Scenario("jmh-" + nodes, 1, 1, nodes, protocol, MembershipSpec.scamp(), null,
                new NetworkSpec(new LatencySpec.Uniform(10, 100), null, new LossSpec.Independent(0.1)),
                List.of(new TimelineAction.Join(0, -1, joinMillis, TimelineAction.Join.Contacts.UNIFORM),
                        new TimelineAction.Broadcast(joinMillis + 10_000, 1, 0, -1, 64)),
                joinMillis + 20_000, new OutputSpec(0, 100));
        plan = new RunPlan(List.of(new RunPlan.Point(0, null, scenario)), null);
        outDir = Files.createTempDirectory("gossip-jmh-");
    }

    /** Joins every node and broadcasts once; returns the events processed (messages delivered + wakeups). */
    @Benchmark
    public long joinAndBroadcast() throws IOException {
        RunOutcome outcome = SimulationRunner.run(plan, outDir, 1, null);
        return outcome.events();
    }

    @TearDown(Level.Trial)
    public void deleteOutput() {
        try (Stream<Path> files = Files.walk(outDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
