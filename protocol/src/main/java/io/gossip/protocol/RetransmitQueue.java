package io.gossip.protocol;

import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.MembershipMessage;
import io.gossip.protocol.message.Subscribe;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Membership messages sent and not yet acknowledged, each with its destination, the number of
 * transmissions so far and the time of its next retransmission.
 *
 * <p>Parallel arrays, allocated on first use and dropped when the last message is acked, so a
 * quiet node carries no retransmission state at all. A node rarely has more than a handful in
 * flight, so lookups scan. The (destination, sequence number) pair of each entry is packed in one
 * long, so matching an ack reads one small array and never the message objects, which are cold by
 * the time the ack comes back.
 */
final class RetransmitQueue {
    private long[] keys;
    private MembershipMessage[] messages;
    private int[] attempts;
    private long[] deadlines;
    private int size;

    private static long key(int destination, int seq) {
        return ((long) destination << 32) | (seq & 0xFFFF_FFFFL);
    }

    /** Records a first transmission of {@code message} to {@code destination}. */
    void add(int destination, MembershipMessage message, long deadlineMicros) {
        if (keys == null) {
            keys = new long[4];
            messages = new MembershipMessage[4];
            attempts = new int[4];
            deadlines = new long[4];
        } else if (size == keys.length) {
            int n = size * 2;
            keys = Arrays.copyOf(keys, n);
            messages = Arrays.copyOf(messages, n);
            attempts = Arrays.copyOf(attempts, n);
            deadlines = Arrays.copyOf(deadlines, n);
        }
        keys[size] = key(destination, message.seq());
        messages[size] = message;
        attempts[size] = 1;
        deadlines[size] = deadlineMicros;
        size++;
    }

    /** Removes the message {@code seq} sent to {@code from}; returns it, or null if it was not outstanding. */
    MembershipMessage acknowledge(int from, int seq) {
        long key = key(from, seq);
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                MembershipMessage message = messages[i];
                removeAt(i);
                return message;
            }
        }
        return null;
    }

    /** Stops retransmitting any Keep to {@code destination}. */
    void cancelKeepsTo(int destination) {
        for (int i = size - 1; i >= 0; i--) {
            if (destinationAt(i) == destination && messages[i] instanceof Keep) {
                removeAt(i);
            }
        }
    }

    /** Stops retransmitting every Subscribe and Keep (the node is leaving). */
    void cancelSubscriptionsAndKeeps() {
        for (int i = size - 1; i >= 0; i--) {
            if (messages[i] instanceof Keep || messages[i] instanceof Subscribe) {
                removeAt(i);
            }
        }
    }

    /** Hands {@code out} each message's destination and every id the message names. */
    void forEachHeldId(HeldIds out) {
        IntConsumer named = id -> out.held(HeldIds.Holder.NAMED_IN_UNACKNOWLEDGED, id);
        for (int i = 0; i < size; i++) {
            out.held(HeldIds.Holder.UNACKNOWLEDGED_DESTINATIONS, destinationAt(i));
            messages[i].forEachNamedId(named);
        }
    }

    /** Number of messages awaiting an ack. */
    int size() {
        return size;
    }

    int destinationAt(int i) {
        return (int) (keys[i] >>> 32);
    }

    MembershipMessage messageAt(int i) {
        return messages[i];
    }

    int attemptsAt(int i) {
        return attempts[i];
    }

    long deadlineAt(int i) {
        return deadlines[i];
    }

    /** Notes one more transmission of entry {@code i}, next due at {@code deadlineMicros}. */
    void retransmitted(int i, long deadlineMicros) {
        attempts[i]++;
        deadlines[i] = deadlineMicros;
    }

    /** Removes entry {@code i}; the last entry takes its place. */
    void removeAt(int i) {
        int last = size - 1;
        keys[i] = keys[last];
        messages[i] = messages[last];
        attempts[i] = attempts[last];
        deadlines[i] = deadlines[last];
        messages[last] = null;
        size = last;
        if (size == 0) {
            keys = null;
            messages = null;
            attempts = null;
            deadlines = null;
        }
    }

    /** The earliest retransmission time, {@link Long#MAX_VALUE} if nothing is outstanding. */
    long nextDeadline() {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            earliest = Math.min(earliest, deadlines[i]);
        }
        return earliest;
    }
}
