package io.gossip.protocol;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;

/**
 * Push gossip at one member: a message new to the node is delivered once and passed on to the whole
 * PartialView (the hop limit allowing); a message it has seen is counted as a duplicate and dropped.
 * The same fan-out carries the node's own broadcasts and heartbeats.
 *
 * <p>Split out of {@link ScampNode} as static rules over the node's own fields rather than as an
 * object the node owns: a node carries no extra reference or header for it (a part object per node
 * cost 200 B per node and 6-10 % of the simulator's speed). The statements are the node's, in the
 * node's order, so the deliveries, sends and counter updates come in the same sequence.
 */
final class Dissemination {
    private Dissemination() {
    }

    /** Handles a gossip message received by a member. */
    static void onGossip(ScampNode node, long nowMicros, Gossip message) {
        node.lastHeardMicros = nowMicros;
        long messageId = message.messageId();
        // Its own message is a duplicate at the origin even once its memory has pushed it out.
        if (node.seen.contains(messageId, nowMicros) || message.origin() == node.id) {
            node.counters.duplicate();
            return;
        }
        node.seen.add(messageId, nowMicros);
        node.counters.delivered();
        node.env.deliver(node.id, message);
        // The largest hop count is a limit too: one more hop cannot be counted (a peer may send it).
        if (message.hops() == Integer.MAX_VALUE
                || (node.config.gossipHopLimit() > 0 && message.hops() >= node.config.gossipHopLimit())) {
            node.counters.dropped(DropReason.GOSSIP_HOP_LIMIT);
            return;
        }
        sendToPartialView(node, message.nextHop());
    }

    /** Sends {@code message} to every PartialView member, in the view's order. */
    static void sendToPartialView(ScampNode node, Message message) {
        int n = node.partialView.size();
        for (int i = 0; i < n; i++) {
            node.env.send(node.id, node.partialView.get(i), message);
        }
        node.counters.sent(message.type(), n);
    }
}
