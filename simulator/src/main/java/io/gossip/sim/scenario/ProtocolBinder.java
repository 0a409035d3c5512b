package io.gossip.sim.scenario;

import io.gossip.protocol.ProtocolConfig;
import java.util.List;

/**
 * Binds the {@code protocol} mapping: every {@link ProtocolConfig} field by its own name, each
 * defaulting to {@link ProtocolConfig#defaults()}, except that {@code isolationTimeoutMillis}
 * defaults to 0 when {@code heartbeatPeriodMillis} is 0 (no heartbeats, so nothing to time out).
 */
final class ProtocolBinder {
    static final List<String> KEYS = List.of("c", "forwardLimit", "heartbeatPeriodMillis",
            "isolationTimeoutMillis", "leaseDurationMillis", "indirection", "walkBudget", "maxAttempts",
            "retransmitTimeoutMillis", "duplicateMemoryCapacity", "duplicateMemoryAgeMillis",
            "maxPayloadBytes", "gossipHopLimit");

    private static final int INT_MAX = Integer.MAX_VALUE;
    /** Timers and ages: at most what the core accepts, so that its clock plus them fits a long. */
    private static final long TIME_MAX = ProtocolConfig.MAX_TIME_MILLIS;

    private ProtocolBinder() {
    }

    /** The protocol configuration, or the defaults when {@code node} is null. */
    static ProtocolConfig bind(YamlNode node) throws ScenarioException {
        ProtocolConfig d = ProtocolConfig.defaults();
        if (node == null) {
            return d;
        }
        Fields f = Fields.of(node, "protocol", KEYS);
        long heartbeat = f.integer("heartbeatPeriodMillis", d.heartbeatPeriodMillis(), 0, TIME_MAX);
        long isolationDefault = heartbeat == 0 ? 0 : d.isolationTimeoutMillis();
        ProtocolConfig.Builder b = ProtocolConfig.builder()
                .c((int) f.integer("c", d.c(), 0, INT_MAX))
                .forwardLimit((int) f.integer("forwardLimit", d.forwardLimit(), 1, INT_MAX))
                .heartbeatPeriodMillis(heartbeat)
                .isolationTimeoutMillis(f.integer("isolationTimeoutMillis", isolationDefault, 0, TIME_MAX))
                .leaseDurationMillis(f.integer("leaseDurationMillis", d.leaseDurationMillis(), 0,
                        ProtocolConfig.MAX_LEASE_MILLIS))
                .indirection(f.bool("indirection", d.indirection()))
                .walkBudget(f.number("walkBudget", d.walkBudget(), Values.POSITIVE, Double.POSITIVE_INFINITY))
                .maxAttempts((int) f.integer("maxAttempts", d.maxAttempts(), 1, 16))
                .retransmitTimeoutMillis(f.integer("retransmitTimeoutMillis", d.retransmitTimeoutMillis(), 1,
                        ProtocolConfig.MAX_RETRANSMIT_TIMEOUT_MILLIS))
                .duplicateMemoryCapacity((int) f.integer("duplicateMemoryCapacity",
                        d.duplicateMemoryCapacity(), 1, INT_MAX))
                .duplicateMemoryAgeMillis(f.integer("duplicateMemoryAgeMillis", d.duplicateMemoryAgeMillis(),
                        0, TIME_MAX))
                .maxPayloadBytes((int) f.integer("maxPayloadBytes", d.maxPayloadBytes(), 0, INT_MAX))
                .gossipHopLimit((int) f.integer("gossipHopLimit", d.gossipHopLimit(), 0, INT_MAX));
        return f.construct(b::build);
    }
}
