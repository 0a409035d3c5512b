package io.gossip.sim.ceiling;

import java.util.Arrays;

/**
 * The ceiling loop's acknowledged messages in flight, in one pool for all nodes: an entry per
 * message (owner, destination, type, subject, hops, attempts), reused as soon as its ack arrives or
 * its attempts run out. A message's sequence number <em>is</em> its entry (index and an 8-bit
 * generation, so that a late ack or timer of an entry since reused is recognised), which makes an
 * ack and a timer O(1) and keeps them off the nodes' state: the pool holds only what is in flight,
 * a few thousand entries, and stays in cache.
 */
final class PendingMessages {
    private static final int GENERATION_BITS = 8;
    private static final int GENERATION_MASK = (1 << GENERATION_BITS) - 1;

    private int[] owner = new int[1024];
    private int[] to = new int[1024];
    private int[] type = new int[1024];
    private int[] subject = new int[1024];
    private int[] hops = new int[1024];
    /** Transmissions so far; 0 for a free entry. */
    private int[] attempts = new int[1024];
    private int[] generation = new int[1024];
    private int[] free = new int[1024];
    private int freeCount;
    private int used;

    /** Takes an entry for a message sent for the first time; returns its sequence number. */
    int open(int from, int destination, int messageType, int messageSubject, int messageHops) {
        int i;
        if (freeCount > 0) {
            i = free[--freeCount];
        } else {
            i = used++;
            if (i == owner.length) {
                grow();
            }
        }
        owner[i] = from;
        to[i] = destination;
        type[i] = messageType;
        subject[i] = messageSubject;
        hops[i] = messageHops;
        attempts[i] = 1;
        generation[i] = (generation[i] + 1) & GENERATION_MASK;
        return (i << GENERATION_BITS) | generation[i];
    }

    /** The entry of {@code seq} if it is still open and owned by {@code node}, else -1. */
    int find(int node, int seq) {
        int i = seq >>> GENERATION_BITS;
        if (i >= used || generation[i] != (seq & GENERATION_MASK) || attempts[i] == 0 || owner[i] != node) {
            return -1;
        }
        return i;
    }

    void close(int i) {
        attempts[i] = 0;
        free[freeCount++] = i;
    }

    int to(int i) {
        return to[i];
    }

    int type(int i) {
        return type[i];
    }

    int subject(int i) {
        return subject[i];
    }

    int hops(int i) {
        return hops[i];
    }

    int attempts(int i) {
        return attempts[i];
    }

    void countAttempt(int i) {
        attempts[i]++;
    }

    private void grow() {
        int n = owner.length * 2;
        if (n > (Integer.MAX_VALUE >>> GENERATION_BITS)) {
            throw new IllegalStateException("more than " + owner.length + " messages in flight");
        }
        owner = Arrays.copyOf(owner, n);
        to = Arrays.copyOf(to, n);
        type = Arrays.copyOf(type, n);
        subject = Arrays.copyOf(subject, n);
        hops = Arrays.copyOf(hops, n);
        attempts = Arrays.copyOf(attempts, n);
        generation = Arrays.copyOf(generation, n);
        free = Arrays.copyOf(free, n);
    }
}
