package io.gossip.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.PriorityQueue;

/**
 * The event loop's timers: node wake-ups the core asked for ({@code Environment.wakeAt}) and
 * datagrams the impairment stage is holding back. Ordered by deadline, ties by insertion order.
 * Confined to the loop thread.
 */
final class TimerQueue {
    /** One timer: a wake-up if {@code datagram} is null, otherwise a delayed send. */
    record Timer(long deadlineMicros, long order, NodeRuntime node, ByteBuffer datagram, InetSocketAddress to) {
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> {
        int byDeadline = Long.compare(a.deadlineMicros, b.deadlineMicros);
        return byDeadline != 0 ? byDeadline : Long.compare(a.order, b.order);
    });
    private long nextOrder;

    void wakeAt(long deadlineMicros, NodeRuntime node) {
        queue.add(new Timer(deadlineMicros, nextOrder++, node, null, null));
    }

    void sendAt(long deadlineMicros, NodeRuntime node, ByteBuffer datagram, InetSocketAddress to) {
        queue.add(new Timer(deadlineMicros, nextOrder++, node, datagram, to));
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} if none. */
    long nextDeadline() {
        Timer head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.deadlineMicros;
    }

    /** Removes and returns the earliest timer if it is due at {@code nowMicros}, else null. */
    Timer pollDue(long nowMicros) {
        Timer head = queue.peek();
        return head != null && head.deadlineMicros <= nowMicros ? queue.poll() : null;
    }

    int size() {
        return queue.size();
    }
}
