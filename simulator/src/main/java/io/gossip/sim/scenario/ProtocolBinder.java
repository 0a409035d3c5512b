package io.gossip.sim.scenario;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.Subscribe;
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

    /** Why {@code c} stops at {@link ProtocolConfig#MAX_C}, said when a value passes it. */
    private static final String WHY_C_AT_MOST = "a lease renewal asks for c + 1 copies of its subscription, and a "
            + "subscription message carries at most " + Subscribe.MAX_RENEWAL_COPIES + "; each join also sends"
            + " c extra copies, each resent until acknowledged";

    private ProtocolBinder() {
    }

    /**
     * The protocol configuration, or the defaults when {@code node} is null. Every unknown key and
     * every wrong value of the section is reported, not only the first.
     */
    static ProtocolConfig bind(YamlNode node) throws ScenarioException {
        ProtocolConfig d = ProtocolConfig.defaults();
        if (node == null) {
            return d;
        }
        Problems p = new Problems();
        Fields f = Fields.of(node, "protocol", KEYS, p.list());
        Long heartbeat = p.check(() -> f.integer("heartbeatPeriodMillis", d.heartbeatPeriodMillis(), 0, TIME_MAX));
        long isolationDefault = heartbeat != null && heartbeat == 0 ? 0 : d.isolationTimeoutMillis();
        Long c = p.check(() -> f.integer("c", d.c(), 0, ProtocolConfig.MAX_C, WHY_C_AT_MOST));
        Long forwardLimit = p.check(() -> f.integer("forwardLimit", d.forwardLimit(), 1, INT_MAX));
        Long isolation = p.check(() -> f.integer("isolationTimeoutMillis", isolationDefault, 0, TIME_MAX));
        Long lease = p.check(() -> f.integer("leaseDurationMillis", d.leaseDurationMillis(), 0,
                ProtocolConfig.MAX_LEASE_MILLIS));
        Boolean indirection = p.check(() -> f.bool("indirection", d.indirection()));
        Double walkBudget = p.check(() -> f.number("walkBudget", d.walkBudget(), Values.POSITIVE,
                Double.POSITIVE_INFINITY));
        Long maxAttempts = p.check(() -> f.integer("maxAttempts", d.maxAttempts(), 1, 16));
        Long retransmit = p.check(() -> f.integer("retransmitTimeoutMillis", d.retransmitTimeoutMillis(), 1,
                ProtocolConfig.MAX_RETRANSMIT_TIMEOUT_MILLIS));
        Long memoryCapacity = p.check(() -> f.integer("duplicateMemoryCapacity", d.duplicateMemoryCapacity(), 1,
                INT_MAX));
        Long memoryAge = p.check(() -> f.integer("duplicateMemoryAgeMillis", d.duplicateMemoryAgeMillis(), 0,
                TIME_MAX));
        Long maxPayload = p.check(() -> f.integer("maxPayloadBytes", d.maxPayloadBytes(), 0, INT_MAX));
        Long hopLimit = p.check(() -> f.integer("gossipHopLimit", d.gossipHopLimit(), 0, INT_MAX));
        p.throwIfAny();
        ProtocolConfig.Builder b = ProtocolConfig.builder()
                .c(c.intValue())
                .forwardLimit(forwardLimit.intValue())
                .heartbeatPeriodMillis(heartbeat)
                .isolationTimeoutMillis(isolation)
                .leaseDurationMillis(lease)
                .indirection(indirection)
                .walkBudget(walkBudget)
                .maxAttempts(maxAttempts.intValue())
                .retransmitTimeoutMillis(retransmit)
                .duplicateMemoryCapacity(memoryCapacity.intValue())
                .duplicateMemoryAgeMillis(memoryAge)
                .maxPayloadBytes(maxPayload.intValue())
                .gossipHopLimit(hopLimit.intValue());
        return f.construct(b::build);
    }
}
