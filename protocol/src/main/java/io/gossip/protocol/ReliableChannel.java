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
    /**
     * Acks of the first sequence numbers, shared by every node: in a simulation a node's numbers
     * start at 1 and stay small, and a shared Ack is in cache when it arrives, where one allocated
     * per receipt would not be. (A node started at a random first sequence, as over UDP, allocates.)
     */
    private static final Ack[] COMMON_ACKS = new Ack[4096];

    static {
        for (int seq = 1; seq < COMMON_ACKS.length; seq++) {
            COMMON_ACKS[seq] = new Ack(seq);
        }
    }

    /**
     * The most (sender, seq) pairs a node remembers as handled. A pair is remembered until no
     * retransmission of it can still arrive (the config's retransmit horizon), as the protocol
     * requires: a retransmission of a handled message must be ignored. This bound is only a guard
     * against a sender that invents pairs to fill a node's memory; no honest load comes near it,
     * and the memory's hash index keeps a lookup constant-time however full it is. It was 64 once,
     * and that broke the rule under heavy loss: at 30 % loss a node relaying subscriptions handled
     * more than 64 messages within the horizon (15.75 s by default), forgot pairs whose acks were
     * still being lost, handled their retransmissions as new subscription copies, relayed those,
     * and membership traffic ran away (200 nodes never finished joining).
     */
    static final int HANDLED_CAPACITY = 4_096;

    // Both created on first use and dropped when empty: most nodes are idle most of the time.
    private RetransmitQueue unacked;
    /**
     * The (sender, seq) pairs handled within the horizon, as a {@link DuplicateMemory} of
     * {@code sender << 32 | seq} keys whose age bound is the horizon: the same rules (oldest
     * forgotten first, by age and by count) as a gossip message id's.
     */
    private DuplicateMemory handled;
    /** Set while {@link #retransmitDue} walks the queue, which must then stay the same object. */
    private boolean retransmitting;
    private int nextSeq;

    /** A channel whose first sequence number is 1. */
    ReliableChannel(int id, ProtocolConfig config, Environment env, Counters counters) {
        this(id, config, env, counters, 1);
    }

    /**
     * A channel whose first sequence number is {@code firstSeq}, or 1 if that is
     * {@link MembershipMessage#UNACKNOWLEDGED} (the number that asks for no ack is never claimed).
     */
    ReliableChannel(int id, ProtocolConfig config, Environment env, Counters counters, int firstSeq) {
        this.id = id;
        this.config = config;
        this.env = env;
        this.counters = counters;
        this.nextSeq = firstSeq == MembershipMessage.UNACKNOWLEDGED ? 1 : firstSeq;
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
        if (message instanceof Unlink && unacked != null) {
            unacked.cancelKeepsTo(to); // a Keep retransmitted after this Unlink would undo it
            dropEmptyQueue();
        }
        env.send(id, to, message);
        counters.sent(message.type(), 1);
        if (message.wantsAck()) {
            if (unacked == null) {
                unacked = new RetransmitQueue();
            }
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
        int seq = message.seq();
        env.send(id, from, seq > 0 && seq < COMMON_ACKS.length ? COMMON_ACKS[seq] : new Ack(seq));
        counters.sent(MessageType.ACK, 1);
        if (!firstTime(nowMicros, from, message.seq())) {
            counters.dropped(DropReason.DUPLICATE_MEMBERSHIP);
            return false;
        }
        return true;
    }

    /** Whether (from, seq) is seen for the first time; remembers it either way. */
    boolean firstTime(long nowMicros, int from, int seq) {
        long key = ((long) from << 32) | (seq & 0xFFFF_FFFFL);
        if (handled == null) {
            handled = new DuplicateMemory(HANDLED_CAPACITY, config.retransmitHorizonMicros());
        } else if (handled.contains(key, nowMicros)) {
            return false;
        }
        handled.add(key, nowMicros);
        return true;
    }

    /**
     * Handles an ack; counts it if nothing was waiting for it.
     *
     * @return the message it acknowledges, or null if nothing was waiting for it
     */
    MembershipMessage acknowledged(int from, int seq) {
        MembershipMessage message = unacked == null ? null : unacked.acknowledge(from, seq);
        if (message == null) {
            counters.dropped(DropReason.UNKNOWN_ACK);
        } else {
            dropEmptyQueue();
        }
        return message;
    }

    /** Retransmits what is due; hands messages out of attempts to {@code onUndeliverable}. */
    void retransmitDue(long nowMicros, Undeliverable onUndeliverable) {
        forgetExpired(nowMicros);
        if (unacked == null) {
            return;
        }
        // onUndeliverable may send (append to the queue): the entries it adds lie beyond i.
        retransmitting = true;
        try {
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
        } finally {
            retransmitting = false;
        }
        dropEmptyQueue();
    }

    private void dropEmptyQueue() {
        if (unacked != null && unacked.size() == 0 && !retransmitting) {
            unacked = null;
        }
    }

    /** Forgets handled messages past their horizon (cheap; called on every message the node gets). */
    void forgetExpired(long nowMicros) {
        if (handled != null) {
            handled.expire(nowMicros);
            if (handled.size() == 0) {
                handled = null;
            }
        }
    }

    /** Stops retransmitting every Subscribe and Keep (the node is leaving). */
    void cancelSubscriptionsAndKeeps() {
        if (unacked != null) {
            unacked.cancelSubscriptionsAndKeeps();
            dropEmptyQueue();
        }
    }

    /**
     * When the next retransmission is due. Forgetting handled messages needs no wakeup of its own
     * (like the duplicate memory, they are forgotten lazily: at the next lookup, add or timeout):
     * one wakeup per handled message would nearly double a busy node's timer events for nothing.
     */
    long nextDeadline() {
        return unacked == null ? Long.MAX_VALUE : unacked.nextDeadline();
    }

    /** Reads the sizes of what the channel holds ({@link ScampNode#prefetch}). */
    int prefetch() {
        return (unacked == null ? 0 : unacked.size()) + (handled == null ? 0 : handled.size());
    }

    /**
     * Hands {@code out} every id the channel holds: the destination of each message awaiting an
     * ack and the ids it names, and the sender of each handled (sender, seq) pair it remembers.
     */
    void forEachHeldId(HeldIds out) {
        if (unacked != null) {
            unacked.forEachHeldId(out);
        }
        if (handled != null) {
            handled.forEachHighHalf(HeldIds.Holder.HANDLED_SENDERS, out);
        }
    }

    /** Membership messages sent and not yet acknowledged. */
    int unacknowledgedCount() {
        return unacked == null ? 0 : unacked.size();
    }
}
