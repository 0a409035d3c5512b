package io.gossip.protocol;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Keep;
import java.util.SplittableRandom;

/** Builds nodes in a known state by feeding them ordinary protocol messages. */
final class NodeFixtures {
    static final int OUTSIDER = 1_000;

    private NodeFixtures() {
    }

    static ScampNode member(int id, ProtocolConfig config, RecordingEnvironment env, long seed) {
        ScampNode node = new ScampNode(id, config, env, new SplittableRandom(seed), new Counters());
        node.bootstrap(0);
        return node;
    }

    /**
     * Offers forwarded subscriptions of each id until the node keeps it, so its PartialView ends up
     * holding exactly {@code ids}, in order. Uses the protocol's own rules, no back door.
     */
    static void holdInPartialView(ScampNode node, long nowMicros, int... ids) {
        for (int id : ids) {
            for (int attempt = 0; !node.partialViewContains(id); attempt++) {
                if (attempt > 10_000) {
                    throw new AssertionError("node never kept " + id);
                }
                node.onMessage(nowMicros, OUTSIDER, new ForwardedSubscription(0, id, 0, 0));
            }
        }
    }

    /** Acknowledges every membership message the node sent so far, so nothing is retransmitted. */
    static void acknowledgeEverything(ScampNode node, RecordingEnvironment env, long nowMicros) {
        for (RecordingEnvironment.Sent s : env.sent) {
            if (s.from() == node.id() && s.message() instanceof MembershipMessage m && m.wantsAck()) {
                node.onMessage(nowMicros, s.to(), new Ack(m.seq()));
            }
        }
    }

    /** Like {@link #acknowledgeEverything}, except what was sent to {@code unanswering}. */
    static void acknowledgeEverythingBut(ScampNode node, RecordingEnvironment env, long nowMicros, int unanswering) {
        for (RecordingEnvironment.Sent s : env.sent) {
            if (s.from() == node.id() && s.to() != unanswering && s.message() instanceof MembershipMessage m
                    && m.wantsAck()) {
                node.onMessage(nowMicros, s.to(), new Ack(m.seq()));
            }
        }
    }

    /** Sends a Keep from each id, so the node's InView holds exactly {@code ids}, in order. */
    static void holdInInView(ScampNode node, long nowMicros, int... ids) {
        for (int id : ids) {
            node.onMessage(nowMicros, id, new Keep(0));
        }
    }
}
