package io.gossip.protocol;

import io.gossip.protocol.message.Ack;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.MessageType;
import io.gossip.protocol.message.Unlink;

/**
 * Hop-by-hop reliable delivery of one node's membership messages: per-sender sequence numbers,
 * retransmission with doubling (capped) backoff, acks, and recognising a retransmission already
 * handled. With {@code maxAttempts = 1} it is the paper's unacknowledged model: sequence number 0,
 * nothing retransmitted, nothing acked.
 */
final class ReliableChannel {
    /** Told when a message ran out of attempts without an ack. */
    interface Undeliverable {
        void undeliverable(long nowMicros, int to, MembershipMessage message);
    }

    private final int id;
    private final ProtocolConfig config;
    private final Environment env;
    private final Counters counters;
    private final RetransmitQueue unacked = new RetransmitQueue();
    private final HandledMessages handled = new HandledMessages();
    private int nextSeq = 1;

    ReliableChannel(int id, ProtocolConfig config, Environment env, Counters counters) {
        this.id = id;
        this.config = config;
        this.env = env;
        this.counters = counters;
    }

    /** The sequence number for the next membership message (0 in the unacknowledged model). */
    int claimSeq() {
        if (config.maxAttempts() == 1) {
            return MembershipMessage.UNACKNOWLEDGED;
        }
        int seq = nextSeq++;
        if (nextSeq == MembershipMessage.UNACKNOWLEDGED) {
            nextSeq = 1;
        }
        return seq;
    }

    /** Sends {@code message} and, if it wants an ack, schedules its retransmission. */
    void send(long nowMicros, int to, MembershipMessage message) {
        if (message instanceof Unlink) {
            unacked.cancelKeepsTo(to); // a Keep retransmitted after this Unlink would undo it
        }
        env.send(id, to, message);
        counters.sent(message.type(), 1);
        if (message.wantsAck()) {
            unacked.add(to, message, nowMicros + config.retransmitDelayMicros(1));
        }
    }

    /**
     * Acks {@code message} if it asks for it, and tells whether it should be handled: false for a
     * retransmission of one already handled (counted).
     */
    boolean receive(long nowMicros, int from, MembershipMessage message) {
        if (!message.wantsAck()) {
            return true;
        }
        env.send(id, from, new Ack(message.seq()));
        counters.sent(MessageType.ACK, 1);
        if (!firstTime(nowMicros, from, message.seq())) {
            counters.dropped(DropReason.DUPLICATE_MEMBERSHIP);
            return false;
        }
        return true;
    }

    /** Whether (from, seq) is seen for the first time; remembers it either way. */
    boolean firstTime(long nowMicros, int from, int seq) {
        if (handled.contains(from, seq, nowMicros)) {
            return false;
        }
        handled.add(from, seq, nowMicros + config.retransmitHorizonMicros());
        return true;
    }

    /** Handles an ack; counts it if nothing was waiting for it. */
    void acknowledged(int from, int seq) {
        if (!unacked.acknowledge(from, seq)) {
            counters.dropped(DropReason.UNKNOWN_ACK);
        }
    }

    /** Retransmits what is due; hands messages out of attempts to {@code onUndeliverable}. */
    void retransmitDue(long nowMicros, Undeliverable onUndeliverable) {
        for (int i = unacked.size() - 1; i >= 0; i--) {
            if (unacked.deadlineAt(i) > nowMicros) {
                continue;
            }
            int to = unacked.destinationAt(i);
            MembershipMessage message = unacked.messageAt(i);
            int attempts = unacked.attemptsAt(i);
            if (attempts < config.maxAttempts()) {
                unacked.retransmitted(i, nowMicros + config.retransmitDelayMicros(attempts + 1));
                env.send(id, to, message);
                counters.sent(message.type(), 1);
                counters.retransmission();
            } else {
                unacked.removeAt(i);
                counters.dropped(DropReason.RETRANSMIT_EXHAUSTED);
                onUndeliverable.undeliverable(nowMicros, to, message);
            }
        }
        handled.expire(nowMicros);
    }

    /** Stops retransmitting every Subscribe and Keep (the node is leaving). */
    void cancelSubscriptionsAndKeeps() {
        unacked.cancelSubscriptionsAndKeeps();
    }

    /** When something is next due: a retransmission or forgetting a handled message. */
    long nextDeadline() {
        return Math.min(unacked.nextDeadline(), handled.nextExpiry());
    }

    /** Membership messages sent and not yet acknowledged. */
    int unacknowledgedCount() {
        return unacked.size();
    }
}
