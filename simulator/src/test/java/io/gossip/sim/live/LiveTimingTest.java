package io.gossip.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.udp.Impairment;
import org.junit.jupiter.api.Test;

/** Scaling a scenario's times to the wall clock of a live run, and its network to the impairment stage. */
class LiveTimingTest {
    private final LiveTiming tenTimesFaster = new LiveTiming(0.1);

    @Test
    void scenarioTimeAndWallTimeConvertBothWays() {
        assertEquals(100_000_000L, tenTimesFaster.wallNanos(1_000_000));
        assertEquals(1_000_000L, tenTimesFaster.scenarioMicros(100_000_000));
    }

    @Test
    void scalesEveryProtocolTimerAndKeepsZeroAsOff() {
        ProtocolConfig scaled = tenTimesFaster.protocol(ProtocolConfig.defaults().toBuilder()
                .heartbeatPeriodMillis(1000).isolationTimeoutMillis(10_000).leaseDurationMillis(0)
                .retransmitTimeoutMillis(5).duplicateMemoryAgeMillis(600_000).build());
        assertEquals(100, scaled.heartbeatPeriodMillis());
        assertEquals(1000, scaled.isolationTimeoutMillis());
        assertEquals(0, scaled.leaseDurationMillis());
        assertEquals(1, scaled.retransmitTimeoutMillis(), "rounded, never below 1 ms");
        assertEquals(60_000, scaled.duplicateMemoryAgeMillis());
    }

    @Test
    void isolationTimeoutStaysAboveTheHeartbeatPeriodAfterRounding() {
        ProtocolConfig scaled = new LiveTiming(0.001).protocol(ProtocolConfig.defaults().toBuilder()
                .heartbeatPeriodMillis(1000).isolationTimeoutMillis(1400).build());
        assertEquals(1, scaled.heartbeatPeriodMillis());
        assertEquals(2, scaled.isolationTimeoutMillis());
    }

    @Test
    void lossAndUniformLatencyBecomeTheImpairmentStage() {
        Impairment i = tenTimesFaster.impairment(new NetworkSpec(new LatencySpec.Uniform(10, 100), null,
                new LossSpec.Independent(0.1)));
        assertEquals(0.1, i.loss());
        assertEquals(1, i.latencyMinMillis());
        assertEquals(10, i.latencyMaxMillis());
    }

    @Test
    void noLossAndNoLatencyMeansNoImpairmentAtAll() {
        assertNull(tenTimesFaster.impairment(new NetworkSpec(new LatencySpec.Constant(0), null, LossSpec.none())));
    }

    @Test
    void refusesWhatTheStageCannotReproduce() {
        assertThrows(IllegalArgumentException.class, () -> tenTimesFaster.impairment(
                new NetworkSpec(new LatencySpec.Normal(20, 5), null, LossSpec.none())));
        assertThrows(IllegalArgumentException.class, () -> tenTimesFaster.impairment(
                new NetworkSpec(new LatencySpec.Constant(10), null, new LossSpec.GilbertElliott(0.1, 0.5, 0, 1))));
    }
}
