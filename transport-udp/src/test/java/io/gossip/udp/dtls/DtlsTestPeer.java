package io.gossip.udp.dtls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A {@link DtlsEndpoint} on a real loopback {@link DatagramChannel}, driven by hand from the test
 * thread: {@link #pump} reads every socket, fires due timers, and stops when a condition holds or a
 * time bound passes. Outgoing datagrams can be dropped with a seeded probability, and every
 * datagram put on the wire is logged.
 */
final class DtlsTestPeer implements AutoCloseable {
    /** One datagram this peer put on the wire, and whether a session to its destination was up then. */
    record Sent(InetSocketAddress to, byte[] bytes, boolean establishedBefore) {
    }

    /** One plaintext datagram delivered, and whether the session was established when it was. */
    record Delivered(InetSocketAddress from, String text, boolean established) {
    }

    private static final long START_NANOS = System.nanoTime();

    final DatagramChannel channel;
    final InetSocketAddress address;
    final DtlsEndpoint endpoint;
    final List<Sent> wire = new ArrayList<>();
    final List<Delivered> delivered = new ArrayList<>();
    private final SplittableRandom lossRandom;
    private double loss;
    /** Requested wake-ups; like the event loop's timer queue, every request is kept until due. */
    private final java.util.PriorityQueue<Long> wakeUps = new java.util.PriorityQueue<>();
    long dropped;

    DtlsTestPeer(DtlsConfig config, double loss, long seed) throws IOException {
        this(config, loss, seed, 0);
    }

    /** A peer bound to {@code port} on loopback (0: any free port). */
    DtlsTestPeer(DtlsConfig config, double loss, long seed, int port) throws IOException {
        this.channel = DatagramChannel.open();
        channel.configureBlocking(false);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.loss = loss;
        this.lossRandom = new SplittableRandom(seed);
        this.endpoint = new DtlsEndpoint(config, address, 1_400, new DtlsEndpoint.Io() {
            @Override
            public void transmit(InetSocketAddress to, ByteBuffer datagram) {
                byte[] bytes = new byte[datagram.remaining()];
                datagram.duplicate().get(bytes);
                wire.add(new Sent(to, bytes, endpoint().isEstablished(to)));
                boolean drop = lossRandom.nextDouble() < DtlsTestPeer.this.loss;
                if (drop) {
                    dropped++;
                    return;
                }
                try {
                    channel.send(datagram, to);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void deliver(InetSocketAddress from, ByteBuffer plaintext) {
                byte[] bytes = new byte[plaintext.remaining()];
                plaintext.get(bytes);
                delivered.add(new Delivered(from, new String(bytes, StandardCharsets.UTF_8),
                        endpoint().isEstablished(from)));
            }

            @Override
            public void wakeAt(long deadlineMicros) {
                wakeUps.add(deadlineMicros);
            }
        });
    }

    /** Changes the probability that an outgoing datagram is dropped. */
    void setLoss(double value) {
        loss = value;
    }

    private DtlsEndpoint endpoint() {
        return endpoint;
    }

    static long nowMicros() {
        return (System.nanoTime() - START_NANOS) / 1_000 + 1;
    }

    void send(String text, DtlsTestPeer to) {
        endpoint.send(nowMicros(), to.address, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    List<String> textsFrom(DtlsTestPeer from) {
        return delivered.stream().filter(d -> d.from().equals(from.address)).map(Delivered::text).toList();
    }

    long count(DtlsCounter counter) {
        return endpoint.stats().get(counter);
    }

    /** One round: reads what arrived and fires the timer if due. */
    private void poll(ByteBuffer buffer) throws IOException {
        while (true) {
            buffer.clear();
            InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
            if (from == null) {
                break;
            }
            buffer.flip();
            endpoint.receive(nowMicros(), from, buffer);
        }
        long now = nowMicros();
        boolean due = false;
        while (!wakeUps.isEmpty() && wakeUps.peek() <= now) {
            wakeUps.poll();
            due = true;
        }
        if (due) {
            endpoint.onTimeout(now);
        }
    }

    /**
     * Fires, in order and each at its own time, every wake-up the endpoint asked for up to
     * {@code untilMicros}: virtual time for a peer whose timers alone matter (nobody answers it), so
     * what happens does not depend on how fast this thread runs. Reads no socket.
     */
    void fireTimersUntil(long untilMicros) {
        while (!wakeUps.isEmpty() && wakeUps.peek() <= untilMicros) {
            long due = wakeUps.poll();
            while (!wakeUps.isEmpty() && wakeUps.peek() <= due) {
                wakeUps.poll();
            }
            endpoint.onTimeout(due);
        }
    }

    /** Pumps every peer until {@code until} holds (true) or {@code maxMillis} pass (false). */
    static boolean pump(List<DtlsTestPeer> peers, long maxMillis, BooleanSupplier until) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (System.nanoTime() - deadline < 0) {
            for (DtlsTestPeer peer : peers) {
                peer.poll(buffer);
            }
            if (until.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(200_000);
        }
        return until.getAsBoolean();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
