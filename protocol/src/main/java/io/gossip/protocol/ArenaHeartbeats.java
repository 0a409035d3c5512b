package io.gossip.protocol;

import java.util.Arrays;

/**
 * The heartbeat clocks of a {@link ScampArena}'s nodes: for each node, when its next heartbeat is
 * due and when it last heard one, the two fields {@link NodeTimers} keeps in a {@link ScampNode}.
 * Two longs per node side by side in one array, created only for a configuration with heartbeats,
 * so that a run without them (the scale benchmark's) carries no byte of it. A heartbeat's arrival
 * reads one line here and neither the node's record nor its channel
 * ({@code ScampArena.countedAsHeartbeat}).
 *
 * <p>The rules are {@code NodeTimers}' and {@code ScampNode.onTimeout}'s: the first heartbeat at a
 * random time within one period after joining (drawn from the node's own generator, at the moment
 * a {@code ScampNode} draws it), then one period after each; isolation after hearing no heartbeat
 * for the isolation timeout (0 = never), counted from joining, from the last heartbeat heard or
 * from the last recovery.
 */
final class ArenaHeartbeats {
    private static final int NEXT = 0;
    private static final int HEARD = 1;

    private final long periodMicros;
    private final long isolationMicros;
    private long[] times;

    private ArenaHeartbeats(ProtocolConfig config, int capacity) {
        periodMicros = config.heartbeatPeriodMicros();
        isolationMicros = config.isolationTimeoutMicros();
        times = new long[2 * capacity];
    }

    /** The clocks for {@code capacity} nodes, or null if {@code config} sends no heartbeats. */
    static ArenaHeartbeats of(ProtocolConfig config, int capacity) {
        return config.heartbeatPeriodMillis() == 0 ? null : new ArenaHeartbeats(config, capacity);
    }

    void grow(int capacity) {
        times = Arrays.copyOf(times, 2 * capacity);
    }

    /**
     * {@code NodeTimers.becomeMember}: the isolation watch starts now, the first heartbeat is due at a
     * uniformly random time in (now, now + period], drawn from the node's generator in record {@code r}.
     */
    void becomeMember(long nowMicros, int node, int[] r) {
        times[2 * node + HEARD] = nowMicros;
        times[2 * node + NEXT] = nowMicros + 1 + RandomStreams.nextLong(r, NodeRecord.RANDOM, periodMicros);
    }

    /** A heartbeat reached {@code node} now (or it just re-subscribed): its isolation watch restarts. */
    void heard(long nowMicros, int node) {
        times[2 * node + HEARD] = nowMicros;
    }

    /** Whether {@code node}'s heartbeat is due now. */
    boolean due(long nowMicros, int node) {
        return nowMicros >= times[2 * node + NEXT];
    }

    /** {@code node} sent its heartbeats now: the next are due one period later. */
    void sent(long nowMicros, int node) {
        times[2 * node + NEXT] = nowMicros + periodMicros;
    }

    /** Whether {@code node} has heard no heartbeat for the isolation timeout (never without one). */
    boolean isolated(long nowMicros, int node) {
        return isolationMicros > 0 && nowMicros - times[2 * node + HEARD] >= isolationMicros;
    }

    /** The earliest of {@code node}'s next heartbeat and the end of its isolation watch. */
    long deadline(int node) {
        long next = times[2 * node + NEXT];
        return isolationMicros == 0 ? next : Math.min(next, times[2 * node + HEARD] + isolationMicros);
    }

    /** Reads {@code node}'s clocks and changes nothing (see {@link ScampArena#prefetch(int)}). */
    int prefetch(int node) {
        return (int) times[2 * node + NEXT];
    }
}
