package io.gossip.bench;

import io.gossip.protocol.Counters;
import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.ScampNode;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.MembershipMessage;
import java.util.SplittableRandom;

/**
 * Builds a {@link ScampNode} in the state a node of a settled group is in, through its public entry
 * points only: joined through a contact, with a PartialView of a chosen size.
 *
 * <p>The configuration is the paper's unacknowledged model ({@code maxAttempts = 1}: no acks, no
 * retransmission state) with heartbeats and leases off, so that a handler's cost stays constant
 * from one call to the next: nothing accumulates per call. The reliable-delivery layer's cost is
 * part of the whole-simulation benchmark instead.
 */
final class MemberNodes {
    /** The node under test. */
    static final int NODE_ID = 0;
    /** Its join contact, the first PartialView member. */
    static final int CONTACT_ID = 1;
    /** Ids from here on are never PartialView members: fresh subscribers. */
    static final int FIRST_STRANGER_ID = 1_000_000;

    private MemberNodes() {
    }

    /** c = 1, unacknowledged membership messages, no heartbeats, no indirection, no leases. */
    static ProtocolConfig config() {
        return ProtocolConfig.builder().c(1).maxAttempts(1).noHeartbeats().indirection(false).build();
    }

    /**
     * A member whose PartialView holds exactly {@code viewSize} nodes, all with ids in
     * [1, {@link #FIRST_STRANGER_ID}). It joins through {@link #CONTACT_ID}, then receives forwarded
     * subscriptions of new subscribers from the contact, keeping some by the protocol's own rule
     * (probability 1/(|PartialView|+1)), until the view has the size asked for.
     */
    static ScampNode withPartialView(int viewSize, RecordingEnvironment env, long seed) {
        if (viewSize < 1 || viewSize >= FIRST_STRANGER_ID - 2) {
            throw new IllegalArgumentException(
                    "viewSize must be in [1, " + (FIRST_STRANGER_ID - 3) + "], got " + viewSize);
        }
        ScampNode node = new ScampNode(NODE_ID, config(), env, new SplittableRandom(seed), new Counters());
        node.join(0, CONTACT_ID);
        int subscriber = CONTACT_ID + 1;
        while (node.partialViewSize() < viewSize) {
            if (subscriber >= FIRST_STRANGER_ID) {
                throw new IllegalStateException("could not grow the PartialView to " + viewSize);
            }
            node.onMessage(0, CONTACT_ID,
                    new ForwardedSubscription(MembershipMessage.UNACKNOWLEDGED, subscriber++, 0, 0));
        }
        env.takeLastKept();
        if (node.partialViewSize() != viewSize || node.partialView()[0] != CONTACT_ID) {
            throw new IllegalStateException("unexpected PartialView " + node);
        }
        return node;
    }
}
