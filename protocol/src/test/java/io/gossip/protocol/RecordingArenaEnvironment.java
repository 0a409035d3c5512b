package io.gossip.protocol;

import io.gossip.protocol.message.MessageType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * {@link RecordingEnvironment} for a {@link ScampArena}: records what its nodes send, deliver and ask
 * to be woken for, and can play the network: {@link #deliverAll} hands every message sent back to the
 * arena, instantly and in order, until none is left. For arena tests that assert on what the
 * protocol does, not on whether the arena agrees with {@link ScampNode}.
 */
final class RecordingArenaEnvironment implements ArenaEnvironment {
    /** One message as the arena sent it; {@code subject} is a subscriber, a replacement or a gossip index. */
    record Sent(int from, int to, MessageType type, int seq, int subject, int hops, double budget, int leaseMillis,
            int renewalCopies, boolean asSubscription) {
    }

    record Delivered(int node, int message, int hops) {
    }

    /** More messages caused by one call than any test's group sends: they would never stop. */
    private static final int MESSAGES_AT_ONCE = 10_000_000;

    final List<Sent> sent = new ArrayList<>();
    final List<Delivered> delivered = new ArrayList<>();
    /** Per node, the earliest wake-up asked for and not yet served. */
    private long[] wakes = new long[0];
    private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();
    /** Nodes that crashed: what they would send or receive is lost, and they are not woken. */
    private final BitSet crashed = new BitSet();

    @Override
    public void send(int from, int to, int type, int seq, int subject, int hops) {
        record(new Sent(from, to, MessageType.ofOrdinal(type), seq, subject, hops, 0, 0, 0, false));
    }

    @Override
    public void sendSubscription(int from, int to, int type, int seq, int subscriber, int hops, double budget,
            int leaseMillis, int renewalCopies) {
        record(new Sent(from, to, MessageType.ofOrdinal(type), seq, subscriber, hops, budget, leaseMillis,
                renewalCopies, true));
    }

    private void record(Sent s) {
        sent.add(s);
        inFlight.add(s);
    }

    @Override
    public void deliver(int node, int message, int hops) {
        delivered.add(new Delivered(node, message, hops));
    }

    @Override
    public void wakeAt(int node, long deadlineMicros) {
        if (node >= wakes.length) {
            int old = wakes.length;
            wakes = Arrays.copyOf(wakes, Math.max(2 * old, node + 1));
            Arrays.fill(wakes, old, wakes.length, Long.MAX_VALUE);
        }
        wakes[node] = Math.min(wakes[node], deadlineMicros);
    }

    /** Sends of the given type, in send order. */
    List<Sent> sendsOf(MessageType type) {
        return sent.stream().filter(s -> s.type() == type).toList();
    }

    /** Sends of the given type from {@code from}, in send order. */
    List<Sent> sendsOf(MessageType type, int from) {
        return sent.stream().filter(s -> s.type() == type && s.from() == from).toList();
    }

    /** Forgets what was recorded, and drops every message still in flight. */
    void clear() {
        sent.clear();
        delivered.clear();
        inFlight.clear();
    }

    /** From now on {@code node} is silent: nothing reaches it or leaves it, and it is not woken. */
    void crash(int node) {
        crashed.set(node);
    }

    /** Drops the messages in flight without delivering them, as a network that loses them all. */
    void loseInFlight() {
        inFlight.clear();
    }

    /** Hands {@code s} to its receiver, through the entry point its form requires. */
    static void hand(ScampArena arena, long nowMicros, Sent s) {
        if (s.asSubscription()) {
            arena.onSubscription(nowMicros, s.to(), s.from(), s.type().ordinal(), s.seq(), s.subject(), s.hops(),
                    s.budget(), s.leaseMillis(), s.renewalCopies());
        } else {
            arena.onMessage(nowMicros, s.to(), s.from(), s.type().ordinal(), s.seq(), s.subject(), s.hops());
        }
    }

    /**
     * Delivers every message in flight, and what they cause, at {@code nowMicros} (losing those to or
     * from a crashed node); returns how many were delivered.
     */
    int deliverAll(ScampArena arena, long nowMicros) {
        int count = 0;
        for (Sent s; (s = inFlight.poll()) != null; ) {
            if (count > MESSAGES_AT_ONCE) {
                throw new AssertionError("messages still cause messages after " + count + ": a loop");
            }
            if (!crashed.get(s.from()) && !crashed.get(s.to())) {
                hand(arena, nowMicros, s);
                count++;
            }
        }
        return count;
    }

    /** Wakes {@code node} at {@code nowMicros}, as a driver does, whether or not it asked to be. */
    void wakeUp(ScampArena arena, long nowMicros, int node) {
        if (node < wakes.length && wakes[node] <= nowMicros) {
            wakes[node] = Long.MAX_VALUE;
        }
        arena.onTimeout(nowMicros, node);
    }

    /**
     * Serves, in node order, every wake-up due at {@code nowMicros}, delivering what each sends before
     * the next; returns how many nodes woke.
     */
    int wakeDue(ScampArena arena, long nowMicros) {
        int woken = 0;
        for (int node = 0; node < wakes.length; node++) {
            if (wakes[node] <= nowMicros && !crashed.get(node)) {
                wakeUp(arena, nowMicros, node);
                deliverAll(arena, nowMicros);
                woken++;
            }
        }
        return woken;
    }

    /** The earliest wake-up {@code node} asked for and was not yet served (Long.MAX_VALUE if none). */
    long wakeOf(int node) {
        return node < wakes.length ? wakes[node] : Long.MAX_VALUE;
    }

    /** The earliest wake-up asked for by a node not crashed and not yet served (Long.MAX_VALUE if none). */
    long nextWake() {
        long next = Long.MAX_VALUE;
        for (int node = 0; node < wakes.length; node++) {
            next = crashed.get(node) ? next : Math.min(next, wakes[node]);
        }
        return next;
    }
}
