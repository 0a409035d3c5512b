package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A configuration is validated when built: every bound accepts its own edge and refuses one step
 * past it, naming the field. (A check that accepted anything would let a node run with, say, a
 * negative c or an isolation timeout no longer than its heartbeat period.)
 */
class ProtocolConfigTest {
    private static final long MAX_TIME = ProtocolConfig.MAX_TIME_MILLIS;

    private static Arguments edge(String field, UnaryOperator<ProtocolConfig.Builder> accepted,
            UnaryOperator<ProtocolConfig.Builder> refused) {
        return Arguments.of(field, accepted, refused);
    }

    static Stream<Arguments> edges() {
        return Stream.of(
                edge("c", b -> b.c(0), b -> b.c(-1)),
                edge("c", b -> b.c(ProtocolConfig.MAX_C), b -> b.c(ProtocolConfig.MAX_C + 1)),
                edge("forwardLimit", b -> b.forwardLimit(1), b -> b.forwardLimit(0)),
                edge("heartbeatPeriodMillis", b -> b.noHeartbeats(), b -> b.noHeartbeats().heartbeatPeriodMillis(-1)),
                edge("heartbeatPeriodMillis", b -> b.isolationTimeoutMillis(0).heartbeatPeriodMillis(MAX_TIME),
                        b -> b.isolationTimeoutMillis(0).heartbeatPeriodMillis(MAX_TIME + 1)),
                edge("isolationTimeoutMillis", b -> b.isolationTimeoutMillis(0),
                        b -> b.isolationTimeoutMillis(-1)),
                edge("isolationTimeoutMillis", b -> b.isolationTimeoutMillis(MAX_TIME),
                        b -> b.isolationTimeoutMillis(MAX_TIME + 1)),
                edge("isolationTimeoutMillis needs heartbeats", b -> b.noHeartbeats(),
                        b -> b.heartbeatPeriodMillis(0).isolationTimeoutMillis(1)),
                edge("isolationTimeoutMillis must exceed",
                        b -> b.heartbeatPeriodMillis(1_000).isolationTimeoutMillis(1_001),
                        b -> b.heartbeatPeriodMillis(1_000).isolationTimeoutMillis(1_000)),
                edge("leaseDurationMillis", b -> b.leaseDurationMillis(0), b -> b.leaseDurationMillis(-1)),
                edge("leaseDurationMillis", b -> b.leaseDurationMillis(ProtocolConfig.MAX_LEASE_MILLIS),
                        b -> b.leaseDurationMillis(ProtocolConfig.MAX_LEASE_MILLIS + 1)),
                edge("walkBudget", b -> b.walkBudget(Double.MIN_VALUE), b -> b.walkBudget(0)),
                edge("walkBudget", b -> b.walkBudget(Double.MAX_VALUE), b -> b.walkBudget(Double.POSITIVE_INFINITY)),
                edge("walkBudget", b -> b.walkBudget(1), b -> b.walkBudget(Double.NaN)),
                edge("maxAttempts", b -> b.maxAttempts(1), b -> b.maxAttempts(0)),
                edge("maxAttempts", b -> b.maxAttempts(16), b -> b.maxAttempts(17)),
                edge("retransmitTimeoutMillis", b -> b.retransmitTimeoutMillis(1), b -> b.retransmitTimeoutMillis(0)),
                edge("retransmitTimeoutMillis",
                        b -> b.retransmitTimeoutMillis(ProtocolConfig.MAX_RETRANSMIT_TIMEOUT_MILLIS),
                        b -> b.retransmitTimeoutMillis(ProtocolConfig.MAX_RETRANSMIT_TIMEOUT_MILLIS + 1)),
                edge("duplicateMemoryCapacity", b -> b.duplicateMemoryCapacity(1), b -> b.duplicateMemoryCapacity(0)),
                edge("duplicateMemoryAgeMillis", b -> b.duplicateMemoryAgeMillis(0),
                        b -> b.duplicateMemoryAgeMillis(-1)),
                edge("duplicateMemoryAgeMillis", b -> b.duplicateMemoryAgeMillis(MAX_TIME),
                        b -> b.duplicateMemoryAgeMillis(MAX_TIME + 1)),
                edge("maxPayloadBytes", b -> b.maxPayloadBytes(0), b -> b.maxPayloadBytes(-1)),
                edge("gossipHopLimit", b -> b.gossipHopLimit(0), b -> b.gossipHopLimit(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void everyBoundAcceptsItsEdgeAndRefusesOneStepPast(String field, UnaryOperator<ProtocolConfig.Builder> accepted,
            UnaryOperator<ProtocolConfig.Builder> refused) {
        assertDoesNotThrow(() -> accepted.apply(ProtocolConfig.builder()).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> refused.apply(ProtocolConfig.builder()).build());
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }

    @Test
    void theDefaultsAreTheDocumentedOnesAndABuilderRoundTripsAConfiguration() {
        ProtocolConfig defaults = ProtocolConfig.defaults();
        assertEquals(new ProtocolConfig(1, 400, 1_000, 10_000, 0, true, 1.0, 6, 250, 4_096, 600_000, 1_024, 0),
                defaults);
        ProtocolConfig other = defaults.toBuilder().c(3).forwardLimit(9).heartbeatPeriodMillis(7)
                .isolationTimeoutMillis(70).leaseDurationMillis(5).indirection(false).walkBudget(2.5).maxAttempts(2)
                .retransmitTimeoutMillis(3).duplicateMemoryCapacity(11).duplicateMemoryAgeMillis(13)
                .maxPayloadBytes(17).gossipHopLimit(19).build();
        assertEquals(new ProtocolConfig(3, 9, 7, 70, 5, false, 2.5, 2, 3, 11, 13, 17, 19), other);
        assertEquals(other, other.toBuilder().build());
    }

    /** Durations are milliseconds in the configuration and microseconds in the core. */
    @Test
    void theCoreReadsTheDurationsInMicroseconds() {
        ProtocolConfig config = ProtocolConfig.builder().heartbeatPeriodMillis(2).isolationTimeoutMillis(3)
                .duplicateMemoryAgeMillis(5).retransmitTimeoutMillis(7).maxAttempts(3).build();
        assertEquals(2_000, config.heartbeatPeriodMicros());
        assertEquals(3_000, config.isolationTimeoutMicros());
        assertEquals(5_000, config.duplicateMemoryAgeMicros());
        assertEquals(7_000, config.retransmitDelayMicros(1));
        assertEquals(14_000, config.retransmitDelayMicros(2));
        assertEquals(7_000 * 64, config.retransmitDelayMicros(20), "the backoff is capped at 64 times the first");
        assertEquals(2 * (7_000 + 14_000) + 7_000, config.retransmitHorizonMicros());
    }
}
