package io.gossip.sim.ceiling;

import io.gossip.sim.run.RunSeeds;

/**
 * The ceiling loop's nodes and SCAMP rules. A node is a fixed slot of {@value #STRIDE} ints in one
 * array (PartialView size, InView size, generator, PartialView ids), so finding its state costs no
 * pointer to follow. The rules are the arena's ({@code ScampArena}, {@code ArenaRouting}): a
 * contact forwards a copy of a subscription to each member of its PartialView plus c to random
 * members; a node that receives a copy keeps it with probability 1/(1 + PartialView size) unless it
 * holds the subscriber already, and otherwise passes it to a random member; every membership
 * message is acknowledged, retransmitted after 250 ms, doubling, up to 6 attempts, and a copy whose
 * attempts ran out goes elsewhere; gossip is pushed to the whole PartialView on first receipt.
 *
 * <p>What it leaves out, because this workload never reads it: InView ids (only their count is
 * kept), per-node message counts, counters by type and reason, leases, heartbeats, unsubscription.
 */
final class LeanNodes {
    static final int SUBSCRIBE = 0;
    static final int FORWARDED_SUBSCRIPTION = 1;
    static final int KEEP = 2;
    static final int ACK = 3;
    static final int GOSSIP = 4;
    static final int TIMER = 5;

    static final int STRIDE = 128;
    private static final int PV_SIZE = 0;
    private static final int IV_SIZE = 1;
    private static final int RANDOM = 2;
    private static final int PV = 4;
    static final int MAX_PARTIAL_VIEW = STRIDE - PV;
    /** The most nodes the loop holds: every node's slot lies in one Java array. */
    static final int MAX_NODES = Integer.MAX_VALUE / STRIDE;
    private static final int NONE = -1;
    private static final int MAX_ATTEMPTS = 6;
    private static final long RETRANSMIT_MICROS = 250_000;
    private static final int FORWARD_LIMIT = 400;
    private static final long LATENCY_MIN_MICROS = 10_000;
    private static final long LATENCY_SPAN_MICROS = 90_001;

    /** SplitMix64's step: the network's and each node's generator advance by it and are mixed. */
    private static final long GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private final int c;
    private final int[] slots;
    private final LeanWheel wheel;
    private final PendingMessages pending = new PendingMessages();
    private final RecentPairs handled;
    private long network;
    private long sent;
    private long timersFired;

    LeanNodes(int n, int c, long seed, LeanWheel wheel) {
        this.c = c;
        this.wheel = wheel;
        this.slots = new int[n * STRIDE]; // n <= MAX_NODES (CeilingRun)
        long sum = 0;
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            sum += RETRANSMIT_MICROS << (attempt - 1);
        }
        this.handled = new RecentPairs(2 * sum + RETRANSMIT_MICROS, 16);
        this.network = RunSeeds.mix(seed);
        for (int v = 0; v < n; v++) {
            long state = RunSeeds.mix(seed ^ (v + 1) * 0xD1B5_4A32_D192_ED03L);
            slots[v * STRIDE + RANDOM] = (int) state;
            slots[v * STRIDE + RANDOM + 1] = (int) (state >>> 32);
        }
    }

    long sent() {
        return sent;
    }

    long timersFired() {
        return timersFired;
    }

    int partialViewSize(int v) {
        return slots[v * STRIDE + PV_SIZE];
    }

    /** Whether the network loses the message arriving now (10 %, drawn at arrival as the simulator does). */
    boolean lost() {
        return below(RunSeeds.mix(network += GAMMA), 10) == 0;
    }

    void send(long now, int from, int to, int type, int a, int b, int hops) {
        sent++;
        long latency = LATENCY_MIN_MICROS
                + (((RunSeeds.mix(network += GAMMA) >>> 32) * LATENCY_SPAN_MICROS) >>> 32);
        wheel.push(now + latency, type, from, to, a, b, hops);
    }

    private void sendAcknowledged(long now, int from, int to, int type, int subject, int hops) {
        int seq = pending.open(from, to, type, subject, hops);
        send(now, from, to, type, seq, subject, hops);
        wheel.push(now + RETRANSMIT_MICROS, TIMER, from, from, seq, 0, 0);
    }

    // ------------------------------------------------------------------ entry points

    /** {@code v} joins through {@code contact}. */
    void join(long now, int v, int contact) {
        pvAdd(v, contact);
        sendAcknowledged(now, v, contact, SUBSCRIBE, 0, 0);
    }

    /** A membership message or an ack arrives (not lost). */
    void onMembership(long now, int v, int from, int type, int seq, int subject, int hops) {
        if (type == ACK) {
            int entry = pending.find(v, seq);
            if (entry >= 0) {
                pending.close(entry);
            }
            return;
        }
        send(now, v, from, ACK, seq, 0, 0);
        if (!handled.firstTime(now, v, from, seq)) {
            return;
        }
        if (type == FORWARDED_SUBSCRIPTION) {
            if (subject != v && pvIndexOf(v, subject) < 0 && random(v, partialViewSize(v) + 1) == 0) {
                keep(now, v, subject);
            } else {
                passOn(now, v, subject, hops + 1, NONE);
            }
        } else if (type == SUBSCRIBE) {
            slots[v * STRIDE + IV_SIZE]++;
            actAsContact(now, v, from);
        } else {
            slots[v * STRIDE + IV_SIZE]++; // KEEP: the sender holds v now
        }
    }

    /** A retransmission timer is due: resend, or once attempts ran out send the copy elsewhere. */
    void onTimer(long now, int v, int seq) {
        int entry = pending.find(v, seq);
        if (entry < 0) {
            return; // acknowledged meanwhile
        }
        timersFired++;
        int attempts = pending.attempts(entry);
        int to = pending.to(entry);
        int type = pending.type(entry);
        int subject = pending.subject(entry);
        int hops = pending.hops(entry);
        if (attempts < MAX_ATTEMPTS) {
            pending.countAttempt(entry);
            send(now, v, to, type, seq, subject, hops);
            wheel.push(now + (RETRANSMIT_MICROS << attempts), TIMER, v, v, seq, 0, 0);
            return;
        }
        pending.close(entry);
        if (type == FORWARDED_SUBSCRIPTION) {
            passOn(now, v, subject, hops + 1, to);
        } else if (type == SUBSCRIBE) {
            int other = pvRandomExcept(v, to);
            if (other != NONE) {
                sendAcknowledged(now, v, other, SUBSCRIBE, 0, 0);
            }
        }
    }

    /** Pushes gossip {@code message} to {@code v}'s whole PartialView. */
    void flood(long now, int v, int message) {
        int start = v * STRIDE + PV;
        for (int i = start, end = start + slots[v * STRIDE + PV_SIZE]; i < end; i++) {
            send(now, v, slots[i], GOSSIP, message, 0, 0);
        }
    }

    // ------------------------------------------------------------------ SCAMP rules

    private void actAsContact(long now, int v, int subscriber) {
        int size = partialViewSize(v);
        boolean holdsSubscriber = pvIndexOf(v, subscriber) >= 0;
        if (size - (holdsSubscriber ? 1 : 0) == 0) {
            if (!holdsSubscriber) {
                keep(now, v, subscriber);
            }
            return;
        }
        int start = v * STRIDE + PV;
        for (int i = start; i < start + size; i++) {
            if (slots[i] != subscriber) {
                sendAcknowledged(now, v, slots[i], FORWARDED_SUBSCRIPTION, subscriber, 0);
            }
        }
        for (int extra = 0; extra < c; extra++) {
            sendAcknowledged(now, v, pvRandomExcept(v, subscriber), FORWARDED_SUBSCRIPTION, subscriber, 0);
        }
    }

    private void passOn(long now, int v, int subscriber, int hops, int avoid) {
        if (hops > FORWARD_LIMIT) {
            return;
        }
        int to = pvRandomExcept(v, subscriber);
        if (to != NONE && to == avoid) {
            int remaining = partialViewSize(v) - (pvIndexOf(v, subscriber) >= 0 ? 1 : 0) - 1;
            to = NONE;
            while (remaining > 0 && (to == NONE || to == avoid)) {
                to = pvRandomExcept(v, subscriber);
            }
        }
        if (to == NONE) {
            if (subscriber != v && pvIndexOf(v, subscriber) < 0) {
                keep(now, v, subscriber);
            }
            return;
        }
        sendAcknowledged(now, v, to, FORWARDED_SUBSCRIPTION, subscriber, hops);
    }

    private void keep(long now, int v, int subscriber) {
        pvAdd(v, subscriber);
        sendAcknowledged(now, v, subscriber, KEEP, 0, 0);
    }

    // ------------------------------------------------------------------ PartialView and generator

    private int pvIndexOf(int v, int id) {
        int start = v * STRIDE + PV;
        for (int i = start, end = start + slots[v * STRIDE + PV_SIZE]; i < end; i++) {
            if (slots[i] == id) {
                return i - start;
            }
        }
        return -1;
    }

    private void pvAdd(int v, int id) {
        int size = slots[v * STRIDE + PV_SIZE];
        if (size == MAX_PARTIAL_VIEW) {
            throw new IllegalStateException("node " + v + "'s PartialView outgrew the " + MAX_PARTIAL_VIEW
                    + " ids of its slot");
        }
        slots[v * STRIDE + PV + size] = id;
        slots[v * STRIDE + PV_SIZE] = size + 1;
    }

    /** A uniformly random member other than {@code excluded}; NONE if there is none. */
    private int pvRandomExcept(int v, int excluded) {
        int at = pvIndexOf(v, excluded);
        int choices = partialViewSize(v) - (at >= 0 ? 1 : 0);
        if (choices == 0) {
            return NONE;
        }
        int pick = random(v, choices);
        if (at >= 0 && pick >= at) {
            pick++;
        }
        return slots[v * STRIDE + PV + pick];
    }

    /** A value in [0, bound) from 32 random bits (a multiply, without a rejection step). */
    private static int below(long random, int bound) {
        return (int) (((random >>> 32) * bound) >>> 32);
    }

    private int random(int v, int bound) {
        int at = v * STRIDE + RANDOM;
        long state = (((long) slots[at + 1] << 32) | (slots[at] & 0xFFFF_FFFFL)) + GAMMA;
        slots[at] = (int) state;
        slots[at + 1] = (int) (state >>> 32);
        return below(RunSeeds.mix(state), bound);
    }
}
