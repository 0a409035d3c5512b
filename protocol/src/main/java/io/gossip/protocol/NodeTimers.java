package io.gossip.protocol;

/**
 * When a node next needs its {@link ScampNode#onTimeout}: the earliest of its channel's
 * retransmissions, its unlink tombstones' expiry and, while a member, its heartbeat, lease renewal,
 * arc expiries and isolation watch. The node asks the driver for a wake-up only when that deadline
 * comes before the one it already asked for, so drivers see few requests and early or spurious
 * wake-ups stay harmless. Also where a member's heartbeat and isolation timers start.
 *
 * <p>Split out of {@link ScampNode} as static rules over the node's own fields rather than as an
 * object the node owns: a node carries no extra reference or header for it (a part object per node
 * cost 200 B per node and 6-10 % of the simulator's speed). The statements are the node's, in the
 * node's order, so the random draws and wake-up requests come in the same sequence.
 */
final class NodeTimers {
    private NodeTimers() {
    }

    /** Makes the node a member: its isolation watch starts now, its first heartbeat at a random time. */
    static void becomeMember(ScampNode node, long nowMicros) {
        node.state = ScampNode.State.MEMBER;
        node.lastHeardMicros = nowMicros;
        if (node.config.heartbeatPeriodMillis() > 0) {
            node.nextHeartbeatMicros = nowMicros + 1 + node.random.nextLong(node.config.heartbeatPeriodMicros());
        }
    }

    /** Asks the driver for a wake-up at the node's next deadline, unless one at or before it is pending. */
    static void scheduleWake(ScampNode node) {
        long deadline = nextDeadline(node);
        if (deadline < node.requestedWakeMicros) {
            node.requestedWakeMicros = deadline;
            node.env.wakeAt(node.id, deadline);
        }
    }

    private static long nextDeadline(ScampNode node) {
        long deadline = Math.min(node.channel.nextDeadline(), node.unlinked.nextExpiry());
        if (node.state == ScampNode.State.MEMBER) {
            deadline = Math.min(deadline, node.nextHeartbeatMicros);
            deadline = Math.min(deadline, node.leaseRenewalMicros);
            deadline = Math.min(deadline, node.partialView.earliestExpiry());
            deadline = Math.min(deadline, node.inView.earliestExpiry());
            if (node.config.isolationTimeoutMillis() > 0) {
                deadline = Math.min(deadline, node.lastHeardMicros + node.config.isolationTimeoutMicros());
            }
        }
        return deadline;
    }
}
