package io.gossip.protocol;

import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Message;

/**
 * Push dissemination from one member: a new message goes to every PartialView member, and a
 * received one is delivered to the application and passed on once, while its id is remembered
 * and its hop count within the limit. Split out of {@link ScampNode}, which checks that the node
 * is a member and the payload valid before calling; it runs on the node's thread, inside the
 * node's calls, and draws nothing at random. The same fan-out carries heartbeats.
 */
final class PushGossip {
    private final int self;
    private final ProtocolConfig config;
    private final Environment env;
    private final Counters counters;
    private final PartialView partialView;
    private final DuplicateMemory seen;

    private int nextBroadcastSeq;

    PushGossip(int self, ProtocolConfig config, Environment env, Counters counters, PartialView partialView) {
        this.self = self;
        this.config = config;
        this.env = env;
        this.counters = counters;
        this.partialView = partialView;
        this.seen = new DuplicateMemory(config.duplicateMemoryCapacity(), config.duplicateMemoryAgeMicros());
    }

    /** Sends a new message with {@code payload} to the PartialView and returns its identity. */
    long broadcast(long nowMicros, byte[] payload) {
        Gossip message = Gossip.create(self, nextBroadcastSeq++, 0, payload);
        seen.add(message.messageId(), nowMicros);
        sendToPartialView(message.nextHop());
        return message.messageId();
    }

    /** Delivers a message not seen before and passes it on, unless it reached the hop limit. */
    void onGossip(long nowMicros, Gossip message) {
        long messageId = message.messageId();
        if (seen.contains(messageId, nowMicros)) {
            counters.duplicate();
            return;
        }
        seen.add(messageId, nowMicros);
        counters.delivered();
        env.deliver(self, message);
        // The largest hop count is a limit too: one more hop cannot be counted (a peer may send it).
        if (message.hops() == Integer.MAX_VALUE
                || (config.gossipHopLimit() > 0 && message.hops() >= config.gossipHopLimit())) {
            counters.dropped(DropReason.GOSSIP_HOP_LIMIT);
            return;
        }
        sendToPartialView(message.nextHop());
    }

    /** Sends {@code message} to every PartialView member (unreliably: gossip and heartbeats are not acknowledged). */
    void sendToPartialView(Message message) {
        int n = partialView.size();
        for (int i = 0; i < n; i++) {
            env.send(self, partialView.get(i), message);
        }
        counters.sent(message.type(), n);
    }
}
