package io.gossip.protocol;

import io.gossip.protocol.message.Heartbeat;
import java.util.SplittableRandom;

/**
 * A member's heartbeat timer and isolation watch: every heartbeat period it sends a
 * {@link Heartbeat} along its PartialView arcs, and when it has heard nothing from any
 * in-neighbour (neither a heartbeat nor gossip) for the isolation timeout it presumes its in-arcs
 * dead and re-subscribes ({@link Resubscription#recoverFromIsolation}). Split out of
 * {@link ScampNode}, which tells it what it hears and calls it on timeouts; it runs on the node's
 * thread, inside the node's calls, so the order of random draws, sends and counts is the node's.
 * Either mechanism is off when its period is 0.
 */
final class Heartbeats {
    private final ProtocolConfig config;
    private final SplittableRandom random;
    private final PushGossip push;
    private final Resubscription resubscription;

    private long lastHeardMicros;
    private long nextHeartbeatMicros = Long.MAX_VALUE;

    Heartbeats(ProtocolConfig config, SplittableRandom random, PushGossip push, Resubscription resubscription) {
        this.config = config;
        this.random = random;
        this.push = push;
        this.resubscription = resubscription;
    }

    /**
     * Starts both timers when the node becomes a member. The first heartbeat is due at a random
     * point of the first period, so that nodes joining together do not beat together.
     */
    void start(long nowMicros) {
        lastHeardMicros = nowMicros;
        if (config.heartbeatPeriodMillis() > 0) {
            nextHeartbeatMicros = nowMicros + 1 + random.nextLong(config.heartbeatPeriodMicros());
        }
    }

    /** Stops the heartbeats: a node that left sends none. */
    void stop() {
        nextHeartbeatMicros = Long.MAX_VALUE;
    }

    /** An in-neighbour was heard from (a heartbeat or gossip, both of which travel along its arc to us). */
    void heard(long nowMicros) {
        lastHeardMicros = nowMicros;
    }

    /** Sends the heartbeat if it is due, then recovers from isolation if the silence has lasted too long. */
    void onTimeout(long nowMicros) {
        if (nowMicros >= nextHeartbeatMicros) {
            push.sendToPartialView(Heartbeat.INSTANCE);
            nextHeartbeatMicros = nowMicros + config.heartbeatPeriodMicros();
        }
        if (config.isolationTimeoutMillis() > 0
                && nowMicros - lastHeardMicros >= config.isolationTimeoutMicros()) {
            lastHeardMicros = nowMicros;
            resubscription.recoverFromIsolation(nowMicros);
        }
    }

    /** The earliest time a heartbeat or the isolation timeout is due. */
    long nextDeadline() {
        long deadline = nextHeartbeatMicros;
        if (config.isolationTimeoutMillis() > 0) {
            deadline = Math.min(deadline, lastHeardMicros + config.isolationTimeoutMicros());
        }
        return deadline;
    }
}
